import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_POLICY } from '../../../../src/constants.js';
import { HashPolicyError, identifyHash, MalformedHashError, verifyPassword } from '../../../../src/index.js';
import { werkzeugPbkdf2 } from '../../../../src/schemes/pbkdf2/werkzeug.js';

/** Made with Werkzeug 3.1.3's `generate_password_hash(password, method=…)`. */
const KNOWN = [
  {
    password: 'correct horse',
    hash: 'pbkdf2:sha256:1000$aOWhdwpi48C9jkHW$5472cc277574faa0cf62a3a3b2cb22ba35233c6ec7bc9874dbf89273d92fc315',
  },
  { password: 'correct horse', hash: 'pbkdf2:sha1:600$ef3Fu01GtVRc9YLz$536abd4feae930e89cea05989e1ea10f24a1367b' },
  {
    password: 'correct horse',
    hash: 'pbkdf2:sha512:1000$s30o2wrZz97H4kZF$79f0f10ee7a388ee8a13714fb00e945d6040b87730d37b2dd7d24bb84b27485b818039b6c365eda17108a62ee85bd683070b0727bc64c74ab814cb228de87953',
  },
  {
    password: 'Zoë ☃ 密码 😀',
    hash: 'pbkdf2:sha256:1000$vTQ4CLRipF0mTJUN$3cebfe04a4f89797ac9c8bc2be19fcd4caa91e315c28ed5cdeff198fc012a507',
  },
  {
    password: '',
    hash: 'pbkdf2:sha256:1000$LU5kPXut8VSYAnm8$5ecc2a231bc07bf878fbc0f2d3ed74c77a4cfffd6f93de9a0b9d21fd5a815dab',
  },
];

const HASH = KNOWN[0]?.hash ?? '';
const [METHOD = '', SALT = '', DIGEST = ''] = HASH.split('$');

describe('Scheme: werkzeug_pbkdf2', () => {
  it.each(KNOWN)('verifies the right password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'werkzeug_pbkdf2' });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'werkzeug_pbkdf2', needsUpdate: true });
  });

  it.each(KNOWN)('refuses a wrong password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(`${password}x`, hash);

    // Assess
    expect(result.ok).toBe(false);
  });

  it('identifies pbkdf2: and bare pbkdf2$ hashes', () => {
    // Act & Assess
    expect([identifyHash(HASH), identifyHash(`pbkdf2$${SALT}$${DIGEST}`)]).toEqual([
      'werkzeug_pbkdf2',
      'werkzeug_pbkdf2',
    ]);
  });

  it('identifies only what Werkzeug could have written: a method it reads and a hex key of the digest size', () => {
    // Act & Assess
    expect(identifyHash(`${METHOD}$${SALT}$${DIGEST.slice(2)}`)).toBeUndefined();
    expect(identifyHash(`${METHOD}$${SALT}$${DIGEST.toUpperCase()}`)).toBeUndefined();
    expect(identifyHash(`pbkdf2:md4:1000$${SALT}$${DIGEST}`)).toBeUndefined();
    expect(identifyHash(`${METHOD.replace('sha256', 'sha512')}$${SALT}$${DIGEST}`)).toBeUndefined();
    expect(identifyHash('pbkdf2:sha256:1000')).toBeUndefined();
  });

  it('reads the method as Werkzeug does: any OpenSSL spelling of the digest, Python int() iterations', async () => {
    // Prepare
    const spellings = ['pbkdf2:SHA-256: +1_000 ', 'pbkdf2:sha256:01000', 'pbkdf2:2.16.840.1.101.3.4.2.1:1000'];

    // Act
    const results = await Promise.all(
      spellings.map((method) => verifyPassword('correct horse', `${method}$${SALT}$${DIGEST}`)),
    );

    // Assess
    expect(results.map((result) => result.ok)).toEqual([true, true, true]);
  });

  it('defaults to sha256 and 1,000,000 iterations when the method leaves them out', () => {
    // Act
    const prepared = () => werkzeugPbkdf2.prepare(`pbkdf2$${SALT}$${DIGEST}`, { policy: DEFAULT_COST_POLICY });
    const admitted = werkzeugPbkdf2.prepare(`pbkdf2:sha1$${SALT}$${DIGEST}`, {
      policy: { ...DEFAULT_COST_POLICY, pbkdf2MaxIterations: 1_000_000 },
    });

    // Assess
    expect(prepared).not.toThrow();
    expect(admitted.needsUpdate).toBe(false);
  });

  it.each([
    ['no second `$`', `${METHOD}$${SALT}`],
    ['no `$` at all', METHOD],
    ['an uppercase hex digest', `${METHOD}$${SALT}$${DIGEST.toUpperCase()}`],
    ['a `$` inside the digest', `${METHOD}$${SALT}$${DIGEST.slice(0, 8)}$${DIGEST.slice(8)}`],
  ])('answers no match, not an error, for a hash with %s, as check_password_hash does', async (_case, hash) => {
    // Act
    const result = await verifyPassword('correct horse', hash, { scheme: 'werkzeug_pbkdf2' });

    // Assess
    expect(result.ok).toBe(false);
  });

  it.each([
    ['three method arguments', `pbkdf2:sha256:1000:1$${SALT}$${DIGEST}`],
    ['zero iterations', `pbkdf2:sha256:0$${SALT}$${DIGEST}`],
    ['non-numeric iterations', `pbkdf2:sha256:x$${SALT}$${DIGEST}`],
    ['a digest OpenSSL does not load (md4)', `pbkdf2:md4:1000$${SALT}$${DIGEST}`],
    ['a signature alias Python does not accept', `pbkdf2:RSA-SHA256:1000$${SALT}$${DIGEST}`],
    ['an empty digest name', `pbkdf2:$${SALT}$${DIGEST}`],
    ['another method', `md5$${SALT}$${DIGEST}`],
    ['a non-ASCII digest', `${METHOD}$${SALT}$${DIGEST.slice(0, 10)}é`],
  ])('rejects a hash with %s with MalformedHashError', async (_case, hash) => {
    // Act & Assess
    await expect(
      verifyPassword('correct horse', hash, { scheme: 'werkzeug_pbkdf2', policy: { pbkdf2MaxIterations: 2 ** 32 } }),
    ).rejects.toBeInstanceOf(MalformedHashError);
  });

  it('rejects iterations OpenSSL cannot run (over 2^31-1) with HashPolicyError, whatever the policy', async () => {
    // Prepare: Werkzeug's own hashlib call raises OverflowError for these.
    const hash = `pbkdf2:sha256:3000000000$${SALT}$${DIGEST}`;

    // Act & Assess
    await expect(
      verifyPassword('correct horse', hash, { policy: { pbkdf2MaxIterations: 2 ** 40 } }),
    ).rejects.toBeInstanceOf(HashPolicyError);
  });

  it('rejects iterations above the policy with HashPolicyError before any hashing', () => {
    // Act & Assess
    expect(() =>
      werkzeugPbkdf2.prepare(`pbkdf2:sha256:2000000000$${SALT}$${DIGEST}`, { policy: DEFAULT_COST_POLICY }),
    ).toThrow(HashPolicyError);
  });
});
