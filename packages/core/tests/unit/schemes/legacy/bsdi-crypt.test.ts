import { describe, expect, it } from 'vitest';
import {
  HashPolicyError,
  identifyHash,
  MalformedHashError,
  PasswordValueError,
  verifyPassword,
} from '../../../../src/index.js';

/**
 * passlib 1.7.4 hashes (its own test suite's, from John the Ripper, and `bsdi_crypt.using(…).hash(…)`), with
 * whether passlib deprecates them: even round counts need an update.
 */
const BSDI_VECTORS: readonly [password: string, hash: string, needsUpdate: boolean][] = [
  ['U*U*U*U*', '_J9..CCCCXBrJUJV154M', false],
  ['*U*U*U*U*U*U*U*U*', '_J9..XXXXAj8cFbP5scI', false],
  ['', '_J9..SDSD5YGyRCr4W4c', false],
  ['my', '_KR/.crsmykRplHbAvwA', true],
  ['my socrates', '_K1..crsmOv1rbde9A9o', true],
  ['correct horse battery staple', '_J9..SALTVKwP3Nvs6FE', false],
  ['Zoë ☃ 密码 😀', '_/...abcdCCX01zzMdss', false],
];

describe('Scheme: bsdi_crypt', () => {
  it.each(BSDI_VECTORS)('verifies %j against its passlib hash %s', async (password, hash, needsUpdate) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'bsdi_crypt' });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'bsdi_crypt', needsUpdate });
  });

  it('counts the whole password, not just 8 bytes', async () => {
    // Act
    const result = await verifyPassword('correct horse battery stapl', '_J9..SALTVKwP3Nvs6FE', {
      scheme: 'bsdi_crypt',
    });

    // Assess
    expect(result.ok).toBe(false);
  });

  it("accepts a trailing newline, as passlib's regex parser does", async () => {
    // Act
    const result = await verifyPassword('correct horse battery staple', '_J9..SALTVKwP3Nvs6FE\n', {
      scheme: 'bsdi_crypt',
    });

    // Assess
    expect(result.ok).toBe(true);
  });

  it('reports needsUpdate for an even round count (weak DES keys)', async () => {
    // Prepare
    const even = '_Y/../cG0zkJa6LY6k4c';
    const odd = '_Z/..TgFg0/ptQtpAgws';

    // Act
    const results = [
      await verifyPassword('test', even, { scheme: 'bsdi_crypt' }),
      await verifyPassword('test', odd, { scheme: 'bsdi_crypt' }),
    ];

    // Assess
    expect(results.map(({ ok, needsUpdate }) => ({ ok, needsUpdate }))).toEqual([
      { ok: true, needsUpdate: true },
      { ok: true, needsUpdate: false },
    ]);
  });

  it('throws HashPolicyError before hashing when the rounds exceed otherMaxIterations', async () => {
    // Prepare: 'zzzz' is 16,777,215 rounds, passlib's maximum.
    const hash = '_zzzzabcdXXXXXXXXXXX';
    const started = performance.now();

    // Act
    const attempt = verifyPassword('x', hash, { scheme: 'bsdi_crypt' });

    // Assess
    await expect(attempt).rejects.toThrow(HashPolicyError);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('honours a raised otherMaxIterations', async () => {
    // Prepare: 1001 rounds ('dD..': 41 + 15 × 64).
    const hash = '_dD..abcdKDl8G5HpArs';

    // Act
    const refused = verifyPassword('x', hash, { scheme: 'bsdi_crypt', policy: { otherMaxIterations: 1000 } });
    const allowed = await verifyPassword('x', hash, { scheme: 'bsdi_crypt', policy: { otherMaxIterations: 1001 } });

    // Assess
    await expect(refused).rejects.toThrow(HashPolicyError);
    expect(allowed).toEqual({ ok: true, scheme: 'bsdi_crypt', needsUpdate: false });
  });

  it('throws PasswordValueError for a password with a NUL character', async () => {
    // Act
    const attempt = verifyPassword('U*U*\0U*U*', '_J9..CCCCXBrJUJV154M', { scheme: 'bsdi_crypt' });

    // Assess
    await expect(attempt).rejects.toThrow(PasswordValueError);
  });

  it.each([
    ['zero rounds', '_....abcdXXXXXXXXXXX'],
    ['no checksum', '_/...abcd'],
    ['a short checksum', '_/...abcdXXXXXXXXXX'],
    ['a character outside ./0-9A-Za-z', '_K1.!crsmZxOLzfJH8iw'],
    ['a trailing carriage return', '_/...abcdXXXXXXXXXXX\r'],
    ['a leading space', ' _/...abcdXXXXXXXXXXX'],
    ['a non-ASCII letter Python folds to k', '_\u212a1..crsmZxOLzfJH8iw'],
  ])('rejects %s with MalformedHashError', async (_, hash) => {
    // Act
    const attempt = verifyPassword('x', hash, { scheme: 'bsdi_crypt' });

    // Assess
    await expect(attempt).rejects.toThrow(MalformedHashError);
  });

  it('is identified by identifyHash', () => {
    // Act
    const scheme = identifyHash('_J9..CCCCXBrJUJV154M');

    // Assess
    expect(scheme).toBe('bsdi_crypt');
  });
});

describe('Scheme: ldap_bsdi_crypt', () => {
  it('verifies {CRYPT} + a bsdi_crypt hash', async () => {
    // Act
    const right = await verifyPassword('U*U*U*U*', '{CRYPT}_J9..CCCCXBrJUJV154M', { scheme: 'ldap_bsdi_crypt' });
    const wrong = await verifyPassword('U*U*U*U', '{CRYPT}_J9..CCCCXBrJUJV154M', { scheme: 'ldap_bsdi_crypt' });

    // Assess
    expect(right).toEqual({ ok: true, scheme: 'ldap_bsdi_crypt', needsUpdate: false });
    expect(wrong.ok).toBe(false);
  });

  it('throws HashPolicyError for rounds above the policy', async () => {
    // Act
    const attempt = verifyPassword('x', '{CRYPT}_zzzzabcdXXXXXXXXXXX', { scheme: 'ldap_bsdi_crypt' });

    // Assess
    await expect(attempt).rejects.toThrow(HashPolicyError);
  });

  it.each([
    ['no prefix', '_J9..CCCCXBrJUJV154M'],
    ['zero rounds', '{CRYPT}_....abcdXXXXXXXXXXX'],
  ])('rejects %s with MalformedHashError', async (_, hash) => {
    // Act
    const attempt = verifyPassword('x', hash, { scheme: 'ldap_bsdi_crypt' });

    // Assess
    await expect(attempt).rejects.toThrow(MalformedHashError);
  });

  it('is identified by identifyHash', () => {
    // Act
    const scheme = identifyHash('{CRYPT}_J9..CCCCXBrJUJV154M');

    // Assess
    expect(scheme).toBe('ldap_bsdi_crypt');
  });
});
