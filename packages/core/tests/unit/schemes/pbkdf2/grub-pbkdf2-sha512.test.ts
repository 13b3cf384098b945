import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_POLICY } from '../../../../src/constants.js';
import { HashPolicyError, identifyHash, MalformedHashError, verifyPassword } from '../../../../src/index.js';
import { grubPbkdf2Sha512 } from '../../../../src/schemes/pbkdf2/grub.js';

const SALT = '07070707070707070707070707070707';
/** Made with passlib 1.7.4 (`using(rounds=1000, salt=b'\x07' * 16)`). */
const KNOWN = [
  {
    password: 'correct horse',
    digest:
      'A4351435DEC50FA0A2FD05EA1E2FED3BDE7ADCEAD41D0CA31D646F14BA30908FBEFEDC3CF1C023F87AF08898114F9B63923B431F5D2A0B7BA7DEBCD55C5F676B',
  },
  {
    password: 'Zoë ☃ 密码 😀',
    digest:
      '14FDD2723305B09D444FB9126E78DD0092153CE1194E2AD9B268AE23BEB9F8F1E3466247264EE45C2050E43F92C7B59ADBEEB43F8E2BB9D38402F426670631EB',
  },
  {
    password: '',
    digest:
      '2C7C862327A570D8AF4D18B778300140A683F406716A4A82277A13A888F196980BA5AFDB4C29AABAB8A9D8541C915ACEE5E4C66122D0429C1F6B0E4978CAEEBF',
  },
].map(({ password, digest }) => ({ password, hash: `grub.pbkdf2.sha512.1000.${SALT}.${digest}` }));

/** Made by grub-mkpasswd-pbkdf2 (from passlib's tests): a 64-byte salt at 10000 rounds. */
const GRUB_TOOL = {
  password: 'toomanysecrets',
  hash: 'grub.pbkdf2.sha512.10000.9B436BB6978682363D5C449BBEAB322676946C632208BC1294D51F47174A9A3B04A7E4785986CD4EA7470FAB8FE9F6BD522D1FC6C51109A8596FB7AD487C4493.0FE5EF169AFFCB67D86E2581B1E251D88C777B98BA2D3256ECC9F765D84956FC5CA5C4B6FD711AA285F0A04DCF4634083F9A20F4B6F339A52FBD6BED618E527B',
};

const HASH = KNOWN[0]?.hash ?? '';

describe('Scheme: grub_pbkdf2_sha512', () => {
  it.each([...KNOWN, GRUB_TOOL])('verifies the right password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'grub_pbkdf2_sha512' });

    // Assess
    expect(result.ok).toBe(true);
  });

  it.each([...KNOWN, GRUB_TOOL])('refuses a wrong password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(`${password}x`, hash);

    // Assess
    expect(result.ok).toBe(false);
  });

  it('identifies a grub.pbkdf2.sha512 hash', () => {
    // Act & Assess
    expect(identifyHash(GRUB_TOOL.hash)).toBe('grub_pbkdf2_sha512');
  });

  it('accepts lowercase hex, as unhexlify does', async () => {
    // Act
    const result = await verifyPassword('correct horse', HASH.toLowerCase());

    // Assess
    expect(result.ok).toBe(true);
  });

  it.each([
    ['an odd-length salt', HASH.replace(`.${SALT}.`, `.${SALT.slice(1)}.`)],
    ['a short digest', HASH.slice(0, -2)],
    ['a non-hex digit', `${HASH.slice(0, -1)}G`],
    ['no digest', `grub.pbkdf2.sha512.1000.${SALT}`],
    ['a fourth field', `${HASH}.00`],
    ['zero-padded rounds', HASH.replace('.1000.', '.01000.')],
  ])('rejects a hash with %s with MalformedHashError', async (_case, hash) => {
    // Act & Assess
    await expect(verifyPassword('correct horse', hash, { scheme: 'grub_pbkdf2_sha512' })).rejects.toBeInstanceOf(
      MalformedHashError,
    );
  });

  it('rejects rounds above the policy with HashPolicyError before any hashing', () => {
    // Act & Assess
    expect(() =>
      grubPbkdf2Sha512.prepare(HASH.replace('.1000.', '.4000000000.'), { policy: DEFAULT_COST_POLICY }),
    ).toThrow(HashPolicyError);
  });

  it('reports needsUpdate below the policy floor only', async () => {
    // Act
    const low = await verifyPassword('correct horse', HASH);
    const tool = await verifyPassword(GRUB_TOOL.password, GRUB_TOOL.hash);

    // Assess
    expect([low.needsUpdate, tool.needsUpdate]).toEqual([true, false]);
  });
});
