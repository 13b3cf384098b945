import { describe, expect, it } from 'vitest';
import { identifyHash, MalformedHashError, verifyPassword } from '../../../../src/index.js';

/** Django 4.2.30: make_password("pässword", hasher="unsalted_md5") and hasher="unsalted_sha1". */
const MD5 = '8e1843033a0f6ee52e2f618aa8ebbef4';
const SHA1 = 'sha1$$23b74494475f5f874980b7676d511e23d886da64';

describe('Scheme: django_unsalted_md5, django_unsalted_sha1', () => {
  it.each([
    ['django_unsalted_md5', MD5],
    ['django_unsalted_md5', `md5$$${MD5}`],
    ['django_unsalted_sha1', SHA1],
  ] as const)('%s verifies %s, always with needsUpdate (Django 5.1 removed the hasher)', async (scheme, hash) => {
    // Act / Assess
    await expect(verifyPassword('pässword', hash, { scheme })).resolves.toEqual({
      ok: true,
      scheme,
      needsUpdate: true,
    });
    await expect(verifyPassword('passwörd', hash, { scheme })).resolves.toMatchObject({ ok: false });
  });

  it('compares lowercase hex as Django does: upper-case digits never match', async () => {
    // Act / Assess: passlib's hex_md5 accepts upper case, Django's hasher does not.
    await expect(
      verifyPassword('pässword', MD5.toUpperCase(), { scheme: 'django_unsalted_md5' }),
    ).resolves.toMatchObject({
      ok: false,
    });
    await expect(verifyPassword('pässword', MD5.toUpperCase(), { scheme: 'hex_md5' })).resolves.toMatchObject({
      ok: true,
    });
    expect(identifyHash(MD5.toUpperCase(), { schemes: ['django_unsalted_md5'] })).toBeUndefined();
  });

  it("refuses, as MalformedHashError, strings Django's identify_hasher gives another hasher", async () => {
    // Act / Assess
    for (const [scheme, hash] of [
      ['django_unsalted_md5', `${MD5}0`],
      ['django_unsalted_md5', `md5$x${MD5}`],
      ['django_unsalted_sha1', `${SHA1}0`],
    ] as const) {
      await expect(verifyPassword('pässword', hash, { scheme })).rejects.toBeInstanceOf(MalformedHashError);
    }
  });

  it("leaves default identification to passlib's names for the same strings, which answer alike", () => {
    // Act / Assess
    expect(identifyHash(MD5)).toBe('hex_md5');
    expect(identifyHash(`md5$$${MD5}`)).toBe('django_salted_md5');
    expect(identifyHash(SHA1)).toBe('django_salted_sha1');
    expect(identifyHash(SHA1, { schemes: ['django_unsalted_sha1'] })).toBe('django_unsalted_sha1');
  });
});
