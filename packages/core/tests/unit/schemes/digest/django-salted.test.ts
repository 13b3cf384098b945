import { describe, expect, it } from 'vitest';
import { identifyHash, MalformedHashError, type SchemeName, verifyPassword } from '../../../../src/index.js';

const UNICODE = 'Zoë ☃ 密码 😀';

/** Made with passlib 1.7.4: `handler.using(salt='a1B2c3D4e5F6').hash(password)` (and an empty salt). */
const VECTORS: readonly { scheme: SchemeName; password: string; hash: string }[] = [
  {
    scheme: 'django_salted_sha1',
    password: 'password',
    hash: 'sha1$a1B2c3D4e5F6$5fd7193f21f22fe2aa7db5bcee0b0af94c0081ef',
  },
  { scheme: 'django_salted_sha1', password: '', hash: 'sha1$a1B2c3D4e5F6$05b0944485a7d6cf94b089fe1c6fb893a713307d' },
  {
    scheme: 'django_salted_sha1',
    password: UNICODE,
    hash: 'sha1$a1B2c3D4e5F6$d90a2821455df629575eeab8014a399b231a80e9',
  },
  { scheme: 'django_salted_sha1', password: 'password', hash: 'sha1$$5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8' },
  { scheme: 'django_salted_md5', password: 'password', hash: 'md5$a1B2c3D4e5F6$c4021f9d7b1063aacf37d1a95f08abff' },
  { scheme: 'django_salted_md5', password: '', hash: 'md5$a1B2c3D4e5F6$c4a32c944faf67842e1637a87955926e' },
  { scheme: 'django_salted_md5', password: UNICODE, hash: 'md5$a1B2c3D4e5F6$76f85c006327305c551108542c01d829' },
  { scheme: 'django_salted_md5', password: 'password', hash: 'md5$$5f4dcc3b5aa765d61d8327deb882cf99' },
];

describe('Scheme: django_salted_sha1, django_salted_md5', () => {
  it.each(VECTORS)('$scheme: verifies passlib’s hash $hash', async ({ scheme, password, hash }) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme });

    // Assess: Django 5.2 has no SHA1PasswordHasher any more, and wants 22 salt characters for MD5.
    expect(result).toEqual({ ok: true, scheme, needsUpdate: true });
  });

  it("reports Django's needsUpdate: md5 with a salt of 22 characters or more is current", async () => {
    // Prepare: Django 5.2's make_password(..., hasher='md5') writes a 22-character salt.
    const current = 'md5$A2ILhyxggFoWmvQgDnxD2B$2ba7db2f95013a05bc01ae63fd92ccd6';

    // Act / Assess
    await expect(verifyPassword('pässword', current)).resolves.toEqual({
      ok: true,
      scheme: 'django_salted_md5',
      needsUpdate: false,
    });
    await expect(verifyPassword('pässword', current.replace('A2I', 'A2'))).resolves.toMatchObject({
      needsUpdate: true,
    });
  });

  it.each(VECTORS)('$scheme: refuses a near miss for $hash', async ({ scheme, password, hash }) => {
    // Act
    const result = await verifyPassword(`${password}x`, hash, { scheme });

    // Assess
    expect(result.ok).toBe(false);
  });

  it.each([
    ['django_salted_sha1', 'sha1$abc'],
    ['django_salted_sha1', 'sha1$abc$'],
    ['django_salted_sha1', 'sha1$abc$403e4a4698de0d54c867b5cfaf4227eecb48d5da$'],
    ['django_salted_sha1', 'sha1$abc$403E4A4698DE0D54C867B5CFAF4227EECB48D5DA'],
    ['django_salted_sha1', 'sha1$abc$403e4a4698de0d54c867b5cfaf4227eecb48d5d'],
    ['django_salted_sha1', 'sha1$abc$403e4a4698de0d54c867b5cfaf4227eecb48d5da\n'],
    ['django_salted_sha1', 'sha1$a-c$403e4a4698de0d54c867b5cfaf4227eecb48d5da'],
    ['django_salted_sha1', 'SHA1$abc$403e4a4698de0d54c867b5cfaf4227eecb48d5da'],
    ['django_salted_md5', 'md5$abc$403e4a4698de0d54c867b5cfaf4227eecb48d5da'],
    ['django_salted_md5', 'sha1$abc$5f4dcc3b5aa765d61d8327deb882cf99'],
  ] as const)('%s: rejects %j with MalformedHashError', async (scheme, hash) => {
    // Act / Assess
    await expect(verifyPassword('password', hash, { scheme })).rejects.toBeInstanceOf(MalformedHashError);
  });

  it('identifies each by its prefix and a well-formed rest', () => {
    // Act / Assess
    expect(identifyHash('sha1$a1B2c3D4e5F6$5fd7193f21f22fe2aa7db5bcee0b0af94c0081ef')).toBe('django_salted_sha1');
    expect(identifyHash('md5$a1B2c3D4e5F6$c4021f9d7b1063aacf37d1a95f08abff')).toBe('django_salted_md5');
    expect(identifyHash('md5$a1B2c3D4e5F6$C4021F9D7B1063AACF37D1A95F08ABFF')).toBeUndefined();
  });
});
