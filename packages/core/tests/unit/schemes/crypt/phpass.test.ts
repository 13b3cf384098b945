import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_POLICY } from '../../../../src/constants.js';
import { HashPolicyError, identifyHash, MalformedHashError, verifyPassword } from '../../../../src/index.js';
import { phpass } from '../../../../src/schemes/crypt/phpass.js';

const UNICODE = 'Zoë ☃ 密码 😀';

/** Made with passlib 1.7.4 (`phpass.using(salt=…, rounds=…, ident=…).hash(password)`), and from phpass 0.3 and JTR. */
const KNOWN = [
  { password: 'correct horse', hash: '$P$5hbPhpasssa5MrrTWFJWGdiZnqSPTm1' },
  { password: UNICODE, hash: '$P$5hbPhpassyEkji9tewrC7jtBU6Byzu.' },
  { password: '', hash: '$P$5hbPhpasso/0CM/XczWDot1qVLTGVh/' },
  { password: 'a\0b', hash: '$P$5hbPhpassrHUzkCzw7WUCc7glnWOL91' },
  { password: 'correct horse', hash: '$H$6hbPhpBB3TPzWAXnP0dIclLFhcmceX0' },
  { password: UNICODE, hash: '$H$6hbPhpBB3o6AkFyS1h/Zv11HL5Oac51' },
  { password: 'test12345', hash: '$P$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0' },
  { password: 'JohnRipper', hash: '$H$712345678WhEyvy1YWzT4647jzeOmo0' },
];

const PHPASS = '$P$5hbPhpasssa5MrrTWFJWGdiZnqSPTm1';

describe('Scheme: phpass', () => {
  it.each(KNOWN)('verifies the right password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(password, hash);

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'phpass', needsUpdate: false });
  });

  it.each(KNOWN)('refuses a wrong password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(`${password}x`, hash);

    // Assess
    expect(result.ok).toBe(false);
  });

  it('identifies $P$ and $H$ hashes', () => {
    // Act & Assess
    expect([identifyHash(PHPASS), identifyHash('$H$6hbPhpBB3TPzWAXnP0dIclLFhcmceX0')]).toEqual(['phpass', 'phpass']);
  });

  it('answers false, not malformed, for a checksum of the wrong length: passlib sets no checksum size', async () => {
    // Act
    const results = await Promise.all([
      verifyPassword('correct horse', PHPASS.slice(0, -1)),
      verifyPassword('correct horse', `${PHPASS}.`),
      verifyPassword('correct horse', '$P$5hbPhpassX'),
    ]);

    // Assess
    expect(results.map((result) => result.ok)).toEqual([false, false, false]);
  });

  it.each([
    ['a bad character in the checksum', '$P$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r!L0'],
    ['rounds below 2^7', PHPASS.replace('$P$5', '$P$4')],
    ['rounds above 2^30', PHPASS.replace('$P$5', '$P$T')],
    ['a rounds character outside the alphabet', PHPASS.replace('$P$5', '$P$!')],
    ['a non-ASCII rounds character', PHPASS.replace('$P$5', '$P$é')],
    ['no checksum (a configuration string)', '$P$5hbPhpass'],
    ['a salt of 7 characters', '$P$5hbPhpas'],
    ['nothing after the ident', '$P$'],
    ['a lowercase ident', PHPASS.replace('$P$', '$p$')],
  ])('rejects a hash with %s with MalformedHashError', async (_case, hash) => {
    // Act & Assess
    await expect(verifyPassword('correct horse', hash, { scheme: 'phpass' })).rejects.toBeInstanceOf(
      MalformedHashError,
    );
  });

  it('refuses 2^rounds above otherMaxIterations with HashPolicyError before hashing', () => {
    // Prepare: 2^30 MD5s would take minutes.
    const hostile = PHPASS.replace('$P$5', '$P$S');

    // Act & Assess
    expect(() => phpass.prepare(hostile, { policy: DEFAULT_COST_POLICY })).toThrow(HashPolicyError);
    expect(() => phpass.prepare(PHPASS, { policy: { ...DEFAULT_COST_POLICY, otherMaxIterations: 127 } })).toThrow(
      HashPolicyError,
    );
    expect(phpass.prepare(PHPASS, { policy: { ...DEFAULT_COST_POLICY, otherMaxIterations: 128 } }).needsUpdate).toBe(
      false,
    );
  });
});
