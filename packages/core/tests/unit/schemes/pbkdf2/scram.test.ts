import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_POLICY } from '../../../../src/constants.js';
import {
  HashPolicyError,
  identifyHash,
  MalformedHashError,
  PasswordValueError,
  verifyPassword,
} from '../../../../src/index.js';
import { scram } from '../../../../src/schemes/pbkdf2/scram.js';

const RFC_SALT = '$scram$4096$QSXCR.Q6sek8bf92$';
const PENCIL_SHA1 = 'sha-1=HZbuOlKbWl.eR8AfIposuKbhX30';
const PENCIL_SHA256 = 'sha-256=qXUXrlcvnaxxWG00DdRgVioR2gnUpuX5r.3EZ1rdhVY';
const PENCIL_SHA512 = 'sha-512=lzgniLFcvglRLS0gt.C4gy.NurS3OIOVRAU1zZOV4P.qFiVFO2/edGQSu/kD1LwdX0SNV/KsPdHSwEl5qRTuZQ';
const TAPE_SHA256 = 'sha-256=R7RJDWIbeKRTFwhE9oxh04kab0CllrQ3kCcpZUcligc';
/** RFC 5802's example ('pencil'), with passlib's SHA-256 and SHA-512 digests added (passlib's tests). */
const PENCIL = `${RFC_SALT}${PENCIL_SHA1},${PENCIL_SHA256},${PENCIL_SHA512}`;

/** Made with passlib 1.7.4 (`using(rounds=1000, salt=b'\x08' * 12)`) and from its test suite. */
const KNOWN = [
  { password: 'pencil', hash: `${RFC_SALT}${PENCIL_SHA1}` },
  { password: 'pencil', hash: PENCIL },
  {
    password: 'correct horse',
    hash: '$scram$1000$CAgICAgICAgICAgI$sha-1=9QdmJyBQJAEX5e8JmErtywPQahY,sha-256=MbRioNVRG4z.T44Jg3tAz1oqJWhc.C/QROcB.eZNQDs,sha-512=2Bm/i9xPFkhtbK6lVpkCuGFtc/A5Zj/u4hfHIxj8wzfTpot0IsXq/mxuGSCsuYXnHslmWGFezPMW5nAEvqfLjQ',
  },
  {
    password: 'Zoë ☃ 密码',
    hash: '$scram$1000$CAgICAgICAgICAgI$sha-1=yiWMb9dDn85c3C18JejUEMJqDg0,sha-256=ciJoQ2L/5Uve6g4CCX5Vsgyx.tYJUzdmxPFgbRfgXG0,sha-512=EhpPc.945S.YIE/cyce/i2nc5J41QgKYJVRX4giMlPrazw2wqugujog4vm0iKCF5APoYx1G0DFTCdtS7Otj63Q',
  },
  {
    password: '',
    hash: '$scram$1000$CAgICAgICAgICAgI$sha-1=blcFjZZIICQHJcGTi56CdOlNJMo,sha-256=ZNrXeyJXo6i8F0leV85eS2CvyC2NHG1nSAKCWa6QYLo,sha-512=ofuLwsPOVBEl1WbfRVRK1J1hRXxjdw8/A91n.274ouNpOkUDgyCos6ZdVes.xEiEiCE1axy1DvZHpcTpZtdp1w',
  },
];

describe('Scheme: scram', () => {
  it.each(KNOWN)('verifies the right password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'scram' });

    // Assess
    expect(result.ok).toBe(true);
  });

  it.each(KNOWN)('refuses a wrong password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(`${password}x`, hash, { scheme: 'scram' });

    // Assess
    expect(result.ok).toBe(false);
  });

  it('identifies a $scram$ hash', () => {
    // Act & Assess
    expect(identifyHash(PENCIL)).toBe('scram');
  });

  it.each(['IX à', 'Ⅸ\u3000a\u0300', '\u00adIX à'])('applies SASLprep: %j verifies as "IX à"', async (password) => {
    // Prepare: passlib's tests; every spelling normalizes to the same string.
    const hash = '$scram$6400$0BojBCBE6P2/N4bQ$sha-1=YniLes.b8WFMvBhtSACZyyvxeCc';

    // Act
    const result = await verifyPassword(password, hash);

    // Assess
    expect(result.ok).toBe(true);
  });

  it('checks only the first of sha-256, sha-512, sha-224, sha-384, sha-1 the hash holds, as passlib does', async () => {
    // Prepare: SHA-1 and SHA-512 digests of 'pencil' around a SHA-256 digest of 'tape' (passlib's tests).
    const mixed = `${RFC_SALT}${PENCIL_SHA1},${TAPE_SHA256},${PENCIL_SHA512}`;
    const brokenSha1 = `${RFC_SALT}sha-1=AAAA,${PENCIL_SHA512}`;

    // Act
    const tape = await verifyPassword('tape', mixed);
    const pencil = await verifyPassword('pencil', mixed);
    const viaSha512 = await verifyPassword('pencil', brokenSha1);

    // Assess
    expect([tape.ok, pencil.ok, viaSha512.ok]).toEqual([true, false, true]);
  });

  it('keeps the last of a repeated algorithm, and ignores algorithms it does not check', async () => {
    // Act
    const repeated = await verifyPassword('pencil', `${RFC_SALT}sha-1=AAAA,${PENCIL_SHA1}`);
    const extra = await verifyPassword('pencil', `${RFC_SALT}${PENCIL_SHA1},md5=AAAA`);

    // Assess
    expect([repeated.ok, extra.ok]).toEqual([true, true]);
  });

  it('treats a wrong-sized digest as a mismatch, as passlib never checks digest sizes', async () => {
    // Act
    const result = await verifyPassword('pencil', `${RFC_SALT}${PENCIL_SHA1.slice(0, -1)}`);

    // Assess
    expect(result.ok).toBe(false);
  });

  it.each([
    ['zero-padded rounds', `$scram$04096$QSXCR.Q6sek8bf92$${PENCIL_SHA1}`],
    ['signed rounds', `$scram$+4096$QSXCR.Q6sek8bf92$${PENCIL_SHA1}`],
    ['a non-digit in the rounds', `$scram$409A$QSXCR.Q6sek8bf92$${PENCIL_SHA1}`],
    ['zero rounds', `$scram$0$QSXCR.Q6sek8bf92$${PENCIL_SHA1}`],
    ['a bad salt character', `$scram$4096$QSXCR.Q6sek8bf9-$${PENCIL_SHA1}`],
    ['a bad digest character', `${RFC_SALT}${PENCIL_SHA1.slice(0, -1)}-`],
    ['no digest field', '$scram$4096$QSXCR.Q6sek8bf92'],
    ['an empty digest field', RFC_SALT],
    ['a fourth field', `${RFC_SALT}${PENCIL_SHA1}$`],
    ['a missing comma', `${RFC_SALT}${PENCIL_SHA1}${PENCIL_SHA256}`],
    ['an algorithm name over nine characters', `${RFC_SALT}${PENCIL_SHA1},shaxxx-190=AAAA`],
    ['no sha-1 digest', `${RFC_SALT}${PENCIL_SHA256}`],
    ['a hashlib name instead of the IANA one', `${RFC_SALT}sha1=HZbuOlKbWl.eR8AfIposuKbhX30`],
    ['an uppercase algorithm name', `${RFC_SALT}SHA-1=HZbuOlKbWl.eR8AfIposuKbhX30`],
    ['an algorithm passlib cannot look up', `${RFC_SALT}${PENCIL_SHA1},scrypt=AAAA`],
    ['two `=` in a pair', `${RFC_SALT}${PENCIL_SHA1},sha-1=HZbu=x`],
    ['a settings string (names, no digests)', `${RFC_SALT}sha-1,sha-256`],
  ])('rejects a hash with %s with MalformedHashError', async (_case, hash) => {
    // Act & Assess
    await expect(verifyPassword('pencil', hash, { scheme: 'scram' })).rejects.toBeInstanceOf(MalformedHashError);
  });

  it.each([
    ['a NUL character', 'pen\0cil'],
    ['a non-character', '\ufdd0'],
    ['a character Unicode 3.2 lacks', '😀'],
    ['mixed-direction text', 'אaא'],
    ['right-to-left text that ends left-to-right', 'א1'],
    ['a character newer than Python 3.11 knows, which NFKC would map to ASCII here', '\u{1ccd6}'],
  ])('rejects a password with %s with PasswordValueError, as SASLprep forbids it', async (_case, password) => {
    // Act & Assess
    await expect(verifyPassword(password, `${RFC_SALT}${PENCIL_SHA1}`)).rejects.toBeInstanceOf(PasswordValueError);
  });

  it('reports a malformed hash before a password SASLprep forbids, as passlib parses first', async () => {
    // Act & Assess
    await expect(verifyPassword('\ufdd0', `$scram$4096$QSXCR.Q6sek8bf9-$${PENCIL_SHA1}`)).rejects.toBeInstanceOf(
      MalformedHashError,
    );
  });

  it('rejects rounds above the policy with HashPolicyError before any hashing', () => {
    // Act & Assess
    expect(() =>
      scram.prepare(`$scram$4294967295$QSXCR.Q6sek8bf92$${PENCIL_SHA1}`, { policy: DEFAULT_COST_POLICY }),
    ).toThrow(HashPolicyError);
  });

  it('reports needsUpdate when a default digest (sha-1, sha-256, sha-512) is missing or rounds are low', () => {
    // Act
    const [sha1Only, full, fullLowRounds] = [`${RFC_SALT}${PENCIL_SHA1}`, PENCIL, KNOWN[2]?.hash ?? ''].map(
      (hash) => scram.prepare(hash, { policy: { ...DEFAULT_COST_POLICY, pbkdf2MinIterations: 4096 } }).needsUpdate,
    );

    // Assess
    expect([sha1Only, full, fullLowRounds]).toEqual([true, false, true]);
  });
});
