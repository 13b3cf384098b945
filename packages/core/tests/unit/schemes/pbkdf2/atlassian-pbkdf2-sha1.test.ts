import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_POLICY } from '../../../../src/constants.js';
import { HashPolicyError, identifyHash, MalformedHashError, verifyPassword } from '../../../../src/index.js';
import { atlassianPbkdf2Sha1 } from '../../../../src/schemes/pbkdf2/atlassian.js';

/** From passlib's tests (made by Jira), and made with passlib 1.7.4 (`using(salt=b'\x05' * 16)`). */
const KNOWN = [
  { password: 'admin', hash: '{PKCS5S2}c4xaeTQM0lUieMS3V5voiexyX9XhqC2dBd5ecVy60IPksHChwoTAVYFrhsgoq8/p' },
  { password: 'correct horse', hash: '{PKCS5S2}BQUFBQUFBQUFBQUFBQUFBe3p6ME/lHi2aS8wYabh0GVi60Lw6R0GOGosogZtPAuJ' },
  { password: 'Zoë ☃ 密码 😀', hash: '{PKCS5S2}BQUFBQUFBQUFBQUFBQUFBStTOEeEtYDKBNCwCour1FHLVlxOkg02x1fRoKnQUbyq' },
  { password: '', hash: '{PKCS5S2}BQUFBQUFBQUFBQUFBQUFBQf1HgBEfEPMiX9JmjzizpdYAyMrDku4Vc6zVttOW3OX' },
];

const JIRA = '{PKCS5S2}c4xaeTQM0lUieMS3V5voiexyX9XhqC2dBd5ecVy60IPksHChwoTAVYFrhsgoq8/p';

describe('Scheme: atlassian_pbkdf2_sha1', () => {
  it.each(KNOWN)('verifies the right password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'atlassian_pbkdf2_sha1' });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'atlassian_pbkdf2_sha1', needsUpdate: false });
  });

  it.each(KNOWN)('refuses a wrong password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(`${password}x`, hash);

    // Assess
    expect(result.ok).toBe(false);
  });

  it('identifies a {PKCS5S2} hash', () => {
    // Act & Assess
    expect(identifyHash(JIRA)).toBe('atlassian_pbkdf2_sha1');
  });

  it('decodes as leniently as Python: a trailing newline or extra padding still verifies', async () => {
    // Act
    const results = await Promise.all([verifyPassword('admin', `${JIRA}\n`), verifyPassword('admin', `${JIRA}==`)]);

    // Assess
    expect(results.map((result) => result.ok)).toEqual([true, true]);
  });

  it.each([
    ['a stray character that breaks the length', JIRA.replace('Vy60', 'Vy!0')],
    ['a missing character', JIRA.slice(0, -1)],
    ['a short value with padding', `${JIRA.slice(0, -1)}=`],
    ['no data at all', '{PKCS5S2}'],
    ['four bytes too many', `${JIRA}AAAA`],
    ['a non-ASCII character', `${JIRA}é`],
    ['a lowercase prefix', JIRA.replace('{PKCS5S2}', '{pkcs5s2}')],
  ])('rejects a hash with %s with MalformedHashError', async (_case, hash) => {
    // Act & Assess
    await expect(verifyPassword('admin', hash, { scheme: 'atlassian_pbkdf2_sha1' })).rejects.toBeInstanceOf(
      MalformedHashError,
    );
  });

  it('rejects the fixed 10000 rounds with HashPolicyError when the policy admits fewer', () => {
    // Act & Assess
    expect(() =>
      atlassianPbkdf2Sha1.prepare(JIRA, { policy: { ...DEFAULT_COST_POLICY, pbkdf2MaxIterations: 9999 } }),
    ).toThrow(HashPolicyError);
  });

  it('reports needsUpdate when the policy floor is above 10000 rounds', async () => {
    // Act
    const result = await verifyPassword('admin', JIRA, { policy: { pbkdf2MinIterations: 20_000 } });

    // Assess
    expect(result.needsUpdate).toBe(true);
  });
});
