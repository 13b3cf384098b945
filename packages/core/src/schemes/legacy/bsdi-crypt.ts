import { constantTimeEqual } from '../../crypto/constant-time.js';
import { HashPolicyError, MalformedHashError } from '../../errors.js';
import { assertNoNulByte, utf8 } from '../../password.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { CRYPT_CHAR, cryptKey, decodeHash64Int, IDENTIFY_CHAR, PYTHON_END, saltedDes } from './crypt-des.js';
import { desEncrypt } from './des.js';
import { type PrepareAs, prefixWrapper } from './wrappers.js';

/**
 * BSDi's extended DES crypt: `_` + 4 characters of rounds + 4 of salt (both 24-bit, least significant
 * character first) + 11 of checksum. The whole password counts: each further 8 bytes are folded into the
 * key by encrypting the key with itself and XOR-ing them in.
 */
const BSDI_PATTERN = new RegExp(`^_(${CRYPT_CHAR}{4})(${CRYPT_CHAR}{4})(${CRYPT_CHAR}{11})?${PYTHON_END}`);
const BSDI_IDENTIFY = new RegExp(`^_${IDENTIFY_CHAR}{8}(?:${IDENTIFY_CHAR}{11})?${PYTHON_END}`);

/** The DES key of a whole password, as BSDi crypt folds it 8 bytes at a time. */
const bsdiKey = (password: Uint8Array): Uint8Array => {
  let key = cryptKey(password);
  for (let offset = 8; offset < password.length; offset += 8) {
    const next = cryptKey(password.subarray(offset, offset + 8));
    key = desEncrypt(key, key).map((byte, i) => byte ^ (next[i] ?? 0));
  }
  return key;
};

const prepareBsdiCryptAs: PrepareAs = (scheme, hash, context) => {
  const match = BSDI_PATTERN.exec(hash);
  if (match === null) throw new MalformedHashError(scheme, 'expected _<4 rounds><4 salt><11 checksum> of ./0-9A-Za-z');
  const [, roundsText = '', saltText = '', checksum] = match;
  if (checksum === undefined) throw new MalformedHashError(scheme, 'the checksum is missing');
  const rounds = decodeHash64Int(roundsText);
  if (rounds < 1) throw new MalformedHashError(scheme, 'rounds must be at least 1');
  const maxRounds = context.policy.otherMaxIterations;
  if (rounds > maxRounds) throw new HashPolicyError(scheme, `${rounds} rounds is above the maximum ${maxRounds}`);
  const salt = decodeHash64Int(saltText);
  return {
    // passlib deprecates even round counts: they leak weak DES keys.
    needsUpdate: rounds % 2 === 0,
    verify: async (password) => {
      assertNoNulByte(password, scheme);
      return constantTimeEqual(saltedDes(bsdiKey(utf8(password)), salt, rounds), checksum);
    },
  };
};

const identifyBsdiCrypt = (hash: string): boolean => BSDI_IDENTIFY.test(hash);

const bsdiCrypt: PasswordHashScheme = {
  name: 'bsdi_crypt',
  identify: identifyBsdiCrypt,
  prepare: (hash, context) => prepareBsdiCryptAs('bsdi_crypt', hash, context),
};

/** `{CRYPT}` + bsdi_crypt, as LDAP directories store it. */
const ldapBsdiCrypt = prefixWrapper('ldap_bsdi_crypt', '{CRYPT}', {
  identify: identifyBsdiCrypt,
  prepareAs: prepareBsdiCryptAs,
});

export { bsdiCrypt, ldapBsdiCrypt };
