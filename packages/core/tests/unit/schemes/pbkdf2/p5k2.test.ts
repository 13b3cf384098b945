import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_POLICY } from '../../../../src/constants.js';
import { HashPolicyError, identifyHash, MalformedHashError, verifyPassword } from '../../../../src/index.js';
import { ctaPbkdf2Sha1, dlitzPbkdf2Sha1 } from '../../../../src/schemes/pbkdf2/p5k2.js';

/** Cryptacular's own vectors (from passlib's tests) and hashes made with passlib 1.7.4. */
const CTA = [
  { password: 'hashy the ☃', hash: '$p5k2$1000$ZxK4ZBJCfQg=$jJZVscWtO--p1-xIZl6jhO2LKR0=' },
  { password: 'password', hash: '$p5k2$1$$h1TDLGSw9ST8UMAPeIE13i0t12c=' },
  { password: 'correct horse', hash: '$p5k2$3e8$BgYGBgYGBgY=$Pdyadu27oNJ3gTRc7x-dK5bdNGc=' },
  { password: 'Zoë ☃ 密码 😀', hash: '$p5k2$3e8$BgYGBgYGBgY=$Cu0XBesO8fVMgG10JhsHY2MWVK0=' },
  { password: '', hash: '$p5k2$3e8$BgYGBgYGBgY=$9d1JBjHbQG5Th2q0yu-GUpAKYRg=' },
];

/** dlitz's reference vectors (from passlib's tests) and hashes made with passlib 1.7.4. */
const DLITZ = [
  { password: 'cloadm', hash: '$p5k2$$exec$r1EWMCMk7Rlv3L/RNcFXviDefYa0hlql' },
  { password: 'gnu', hash: '$p5k2$c$u9HvcT4d$Sd1gwSVCLZYAuqZ25piRnbBEoAesaa/g' },
  { password: 'spam', hash: '$p5k2$3e8$H0NX9mT/$wk/sE8vv6OMKuMaqazCJYDSUhWY9YB2J' },
  { password: 'Zoë ☃ 密码 😀', hash: '$p5k2$3e8$u9HvcT4d$BQHz9mk5IfNrym3PgS0K.2CyCOeQqMIB' },
  { password: '', hash: '$p5k2$3e8$u9HvcT4d$q9L2pL6vtsQ.CYKa2Ui9If5jA2zoXtbQ' },
];

const CTA_HASH = '$p5k2$1000$ZxK4ZBJCfQg=$jJZVscWtO--p1-xIZl6jhO2LKR0=';
const DLITZ_HASH = '$p5k2$3e8$H0NX9mT/$wk/sE8vv6OMKuMaqazCJYDSUhWY9YB2J';

describe('Scheme: cta_pbkdf2_sha1', () => {
  it.each(CTA)('verifies the right password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'cta_pbkdf2_sha1' });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'cta_pbkdf2_sha1', needsUpdate: true });
  });

  it.each(CTA)('refuses a wrong password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(`${password}x`, hash, { scheme: 'cta_pbkdf2_sha1' });

    // Assess
    expect(result.ok).toBe(false);
  });

  it('is the scheme identifyHash names for $p5k2$ hashes, as passlib has both on one prefix', () => {
    // Act & Assess
    expect(identifyHash(CTA_HASH)).toBe('cta_pbkdf2_sha1');
  });

  it("reads rounds and base64 as Python does: a signed 0x prefix, standard `+/` beside Cryptacular's `-_`", async () => {
    // Act
    const results = await Promise.all([
      verifyPassword('hashy the ☃', CTA_HASH.replace('$1000$', '$+0x1000$'), { scheme: 'cta_pbkdf2_sha1' }),
      verifyPassword('hashy the ☃', CTA_HASH.replaceAll('-', '+'), { scheme: 'cta_pbkdf2_sha1' }),
    ]);

    // Assess
    expect(results.map((result) => result.ok)).toEqual([true, true]);
  });

  it.each([
    ['zero-padded (0x) rounds', CTA_HASH.replace('$1000$', '$0x1000$')],
    ['empty rounds', CTA_HASH.replace('$1000$', '$$')],
    ['an unpadded salt', CTA_HASH.replace('fQg=', 'fQg')],
    ['an unpadded digest', CTA_HASH.slice(0, -1)],
    ['a short digest', '$p5k2$1000$ZxK4ZBJCfQg=$jJZVscWtO--p1-xIZl6jhO2LK='],
    ['no digest', '$p5k2$1000$ZxK4ZBJCfQg='],
    ["a dlitz hash (a 24-byte digest cta can't hold)", DLITZ_HASH],
  ])('rejects a hash with %s with MalformedHashError', async (_case, hash) => {
    // Act & Assess
    await expect(verifyPassword('hashy the ☃', hash, { scheme: 'cta_pbkdf2_sha1' })).rejects.toBeInstanceOf(
      MalformedHashError,
    );
  });

  it('rejects rounds above the policy with HashPolicyError before any hashing', () => {
    // Act & Assess
    expect(() =>
      ctaPbkdf2Sha1.prepare(CTA_HASH.replace('$1000$', '$ffffffff$'), { policy: DEFAULT_COST_POLICY }),
    ).toThrow(HashPolicyError);
  });
});

describe('Scheme: dlitz_pbkdf2_sha1', () => {
  it.each(DLITZ)('verifies the right password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'dlitz_pbkdf2_sha1' });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'dlitz_pbkdf2_sha1', needsUpdate: true });
  });

  it.each(DLITZ)('refuses a wrong password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(`${password}x`, hash, { scheme: 'dlitz_pbkdf2_sha1' });

    // Assess
    expect(result.ok).toBe(false);
  });

  it('salts with the settings as passlib re-renders them: uppercase hex, and 400 spelt out, still verify', async () => {
    // Act
    const results = await Promise.all([
      verifyPassword('spam', DLITZ_HASH.replace('$3e8$', '$3E8$'), { scheme: 'dlitz_pbkdf2_sha1' }),
      verifyPassword('cloadm', '$p5k2$190$exec$r1EWMCMk7Rlv3L/RNcFXviDefYa0hlql', { scheme: 'dlitz_pbkdf2_sha1' }),
    ]);

    // Assess
    expect(results.map((result) => result.ok)).toEqual([true, true]);
  });

  it('treats a wrong-sized digest and an empty salt as mismatches, as passlib does', async () => {
    // Act
    const results = await Promise.all([
      verifyPassword('spam', DLITZ_HASH.slice(0, -1), { scheme: 'dlitz_pbkdf2_sha1' }),
      verifyPassword('spam', DLITZ_HASH.replace('H0NX9mT/', ''), { scheme: 'dlitz_pbkdf2_sha1' }),
    ]);

    // Assess
    expect(results.map((result) => result.ok)).toEqual([false, false]);
  });

  it.each([
    ['zero-padded rounds', DLITZ_HASH.replace('$3e8$', '$03e8$')],
    ['a salt character outside hash64', DLITZ_HASH.replace('9mT/', '9mT-')],
    ['a non-ASCII digest character', `${DLITZ_HASH}é`],
    ['an empty digest', '$p5k2$3e8$H0NX9mT/$'],
    ['no digest', '$p5k2$3e8$H0NX9mT/'],
  ])('rejects a hash with %s with MalformedHashError', async (_case, hash) => {
    // Act & Assess
    await expect(verifyPassword('spam', hash, { scheme: 'dlitz_pbkdf2_sha1' })).rejects.toBeInstanceOf(
      MalformedHashError,
    );
  });

  it('rejects rounds above the policy with HashPolicyError before any hashing', () => {
    // Act & Assess
    expect(() =>
      dlitzPbkdf2Sha1.prepare(DLITZ_HASH.replace('$3e8$', '$ffffffff$'), { policy: DEFAULT_COST_POLICY }),
    ).toThrow(HashPolicyError);
  });

  it('reports needsUpdate from the rounds, 400 when the field is empty', async () => {
    // Act
    const result = await verifyPassword('cloadm', '$p5k2$$exec$r1EWMCMk7Rlv3L/RNcFXviDefYa0hlql', {
      scheme: 'dlitz_pbkdf2_sha1',
      policy: { pbkdf2MinIterations: 400 },
    });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'dlitz_pbkdf2_sha1', needsUpdate: false });
  });
});
