import { describe, expect, it } from 'vitest';
import {
  HashPolicyError,
  identifyHash,
  MalformedHashError,
  UnknownHashError,
  verifyPassword,
} from '../../../../src/index.js';

const verifyDjangoScrypt = (password: string, hash: string) =>
  verifyPassword(password, hash, { scheme: 'django_scrypt' });

/** Django 5.2.19: make_password("pässword", hasher="scrypt"), its defaults N=2^14, r=8, p=5. */
const SALT = 'j32mWELXNcWIGDv2Gg5MoE';
const KEY = 'Ll/Ok2CsScjBe0TWlPgqXXy2P6rzeJl+Vx0IlZlMQt79DWtUCqfJi+uHrbQLpd3bx00VmaDBCNUN6yVwFxALtw==';
const DEFAULTS = `scrypt$16384$${SALT}$8$5$${KEY}`;
/** Django 5.2.19 with work_factor=1024, block_size=4, parallelism=2. */
const CHEAP =
  'scrypt$1024$D4yKwfsQHgSYVfujltJ2Ft$4$2$YZmYza0O2b7RwlkG2MGF/b+4ZgRRz3MSdzpnTHR7JFVlgK7ZpfFdbmXOFt5L/xXwes9eTwGbOKHUOPQWAaoV4A==';

describe('Scheme: django_scrypt', () => {
  it("verifies Django's own hashes, with Django's needsUpdate: any cost but N=2^14, r=8, p=5", async () => {
    // Act / Assess
    await expect(verifyDjangoScrypt('pässword', DEFAULTS)).resolves.toEqual({
      ok: true,
      scheme: 'django_scrypt',
      needsUpdate: false,
    });
    await expect(verifyDjangoScrypt('pässword', CHEAP)).resolves.toEqual({
      ok: true,
      scheme: 'django_scrypt',
      needsUpdate: true,
    });
    await expect(verifyDjangoScrypt('passwörd', CHEAP)).resolves.toMatchObject({ ok: false });
  });

  it('is identified as django_scrypt, never as werkzeug_scrypt whose word it shares (issue 14)', async () => {
    // Act / Assess
    expect(identifyHash(DEFAULTS)).toBe('django_scrypt');
    expect(identifyHash(DEFAULTS, { schemes: ['werkzeug_scrypt', 'scrypt'] })).toBeUndefined();
    await expect(verifyPassword('pässword', DEFAULTS)).resolves.toMatchObject({ ok: true, scheme: 'django_scrypt' });
    await expect(verifyPassword('pässword', DEFAULTS, { schemes: ['werkzeug_scrypt'] })).rejects.toBeInstanceOf(
      UnknownHashError,
    );
  });

  it('never matches, and does not identify, a string Django would not write: Django compares whole strings', async () => {
    // Prepare: Python's int() reads each of these, and Django then writes the number as %d (a zero field
    // stands for the default), so the re-encoded string differs.
    const lookalikes = [
      `scrypt$016384$${SALT}$8$5$${KEY}`,
      `scrypt$ 16384$${SALT}$8$5$${KEY}`,
      `scrypt$0$${SALT}$0$0$${KEY}`,
      `scrypt$16384$${SALT}$8$5$${KEY.slice(0, -2)}`,
    ];

    // Act / Assess
    for (const hash of lookalikes) {
      await expect(verifyDjangoScrypt('pässword', hash)).resolves.toMatchObject({ ok: false });
      expect(identifyHash(hash)).toBeUndefined();
    }
  });

  it.each([
    ['five fields', `scrypt$16384$${SALT}$8$5`],
    ['seven fields', `scrypt$16384$${SALT}$8$5$${KEY}$`],
    ['an empty salt', `scrypt$16384$$8$5$${KEY}`],
    ['N not a power of 2', `scrypt$16383$${SALT}$8$5$${KEY}`],
    ['a negative N (hashlib wants an unsigned long)', `scrypt$-2$${SALT}$8$5$${KEY}`],
    ["N·r above OpenSSL's 32 MiB default (Django passes maxmem=0)", `scrypt$32768$${SALT}$8$1$${KEY}`],
    ['another algorithm', `scrypt2$16384$${SALT}$8$5$${KEY}`],
  ])('throws MalformedHashError for %s, where Django raises', async (_why, hash) => {
    // Act / Assess
    await expect(verifyDjangoScrypt('pässword', hash)).rejects.toBeInstanceOf(MalformedHashError);
  });

  it('refuses 128·N·r·p above the policy with HashPolicyError before any hashing', async () => {
    // Prepare: p=1000 at Django's default N and r is 16 GiB of work OpenSSL would do lane by lane.
    const started = performance.now();

    // Act / Assess
    await expect(verifyDjangoScrypt('pässword', `scrypt$16384$${SALT}$8$1000$${KEY}`)).rejects.toBeInstanceOf(
      HashPolicyError,
    );
    expect(performance.now() - started).toBeLessThan(50);
  });
});
