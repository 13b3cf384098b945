import { describe, expect, it } from 'vitest';
import {
  HashPolicyError,
  identifyHash,
  MalformedHashError,
  PasswordValueError,
  verifyPassword,
} from '../../../../src/index.js';

/** passlib 1.7.4: bcrypt.using(rounds=4, salt="5Hg1DKFqPE8C2aflZ5vVoe").hash("correct horse") */
const BCRYPT = '$2b$04$5Hg1DKFqPE8C2aflZ5vVoexRCJLJ3d2vR/z4sBTKxfNlcqiWXlGrm';

const verifyLdapBcrypt = (password: string, hash: string, policy = {}) =>
  verifyPassword(password, hash, { scheme: 'ldap_bcrypt', policy });

describe('Scheme: ldap_bcrypt', () => {
  it.each([
    // passlib's bcrypt vector (John the Ripper) behind {CRYPT}.
    ['U*U*U*U*', '{CRYPT}$2a$05$c92SVSfjeiCD6F2nAD6y0uBpJDjdRkt0EgeC4/31Rf2LUZbDRDE.O'],
    // passlib 1.7.4: ldap_bcrypt.using(rounds=4, ident=…, salt="5Hg1DKFqPE8C2aflZ5vVoe").hash(password)
    ['correct horse', `{CRYPT}${BCRYPT}`],
    ['correct horse', '{CRYPT}$2a$04$5Hg1DKFqPE8C2aflZ5vVoexRCJLJ3d2vR/z4sBTKxfNlcqiWXlGrm'],
    ['pässwörd😀', '{CRYPT}$2b$04$5Hg1DKFqPE8C2aflZ5vVoeCiAflXT8eXTum23dh6XBF9JhahQ.eae'],
    ['', '{CRYPT}$2b$04$5Hg1DKFqPE8C2aflZ5vVoef.VsZQs3G79.TTY/XL/7shwWML6s2Dy'],
  ])('verifies %j against %s, and refuses a near miss', async (password, hash) => {
    // Act
    const right = await verifyLdapBcrypt(password, hash);
    const wrong = await verifyLdapBcrypt(`${password}x`, hash);

    // Assess
    expect(right).toMatchObject({ ok: true, scheme: 'ldap_bcrypt' });
    expect(wrong.ok).toBe(false);
  });

  it('rejects a password with a NUL byte with PasswordValueError, as bcrypt does', async () => {
    // Act / Assess
    await expect(verifyLdapBcrypt('correct\0horse', `{CRYPT}${BCRYPT}`)).rejects.toBeInstanceOf(PasswordValueError);
  });

  it.each([
    ['a lowercase prefix (passlib prefixes are case-sensitive)', `{crypt}${BCRYPT}`],
    ['a space after the prefix', `{CRYPT} ${BCRYPT}`],
    ['$2x$', `{CRYPT}${BCRYPT.replace('$2b$', '$2x$')}`],
    ['cost 03', `{CRYPT}${BCRYPT.replace('$04$', '$03$')}`],
    ['a truncated checksum', `{CRYPT}${BCRYPT.slice(0, -1)}`],
    ['another crypt scheme', '{CRYPT}$1$saltsalt$yXGyqDpdYsBt.0tzI6YCd.'],
  ])('rejects %s with MalformedHashError', async (_, hash) => {
    // Act / Assess
    await expect(verifyLdapBcrypt('correct horse', hash)).rejects.toBeInstanceOf(MalformedHashError);
  });

  it('refuses cost 17 with HashPolicyError before any hashing', async () => {
    // Prepare
    const started = performance.now();

    // Act
    const attempt = verifyLdapBcrypt('correct horse', `{CRYPT}${BCRYPT.replace('$04$', '$17$')}`);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(HashPolicyError);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("follows bcrypt's needs_update: padding bits in a $2a$ salt, and the cost floor", async () => {
    // Prepare: passlib's BAD1 vector for "test".
    const badSalt = '{CRYPT}$2a$04$yjDgE74RJkeqC0/1NheSScrvKeu9IbKDpcQf/Ox3qsrRS/Kw42qIS';

    // Act / Assess
    await expect(verifyLdapBcrypt('test', badSalt, { bcryptMinCost: 4 })).resolves.toEqual({
      ok: true,
      scheme: 'ldap_bcrypt',
      needsUpdate: true,
    });
    await expect(verifyLdapBcrypt('correct horse', `{CRYPT}${BCRYPT}`, { bcryptMinCost: 4 })).resolves.toMatchObject({
      needsUpdate: false,
    });
  });

  it('is named by identifyHash only with a whole bcrypt hash after {CRYPT}', () => {
    // Act / Assess
    expect(identifyHash(`{CRYPT}${BCRYPT}`)).toBe('ldap_bcrypt');
    expect(identifyHash('{CRYPT}$2x$')).toBeUndefined();
    expect(identifyHash(`{crypt}${BCRYPT}`)).toBeUndefined();
  });
});
