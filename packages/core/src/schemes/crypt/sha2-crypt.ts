import { constantTimeEqual } from '../../crypto/constant-time.js';
import { encodeTransposedHash64 } from '../../encoding/hash64.js';
import { HashPolicyError, MalformedHashError } from '../../errors.js';
import { assertNoNulByte, utf8 } from '../../password.js';
import { parsePythonInt } from '../../python/python-int.js';
import type { SchemeName } from '../../scheme-names.js';
import type { PasswordHashScheme, SchemeContext } from '../../types/scheme.js';
import { assertChecksumPresent, assertHash64Field, ldapCrypt } from './crypt-format.js';
import { type ShaCryptAlgorithm, shaCryptDigest } from './sha-crypt-digest.js';

/** The specification's bounds; passlib enforces them when a hash has a checksum (it clips only in configs). */
const MIN_ROUNDS = 1_000;
const MAX_ROUNDS = 999_999_999;
/** Rounds when the hash has no `rounds=` field. */
const IMPLICIT_ROUNDS = 5_000;
const MAX_SALT_LENGTH = 16;
const ROUNDS_FIELD = 'rounds=';

interface ShaCryptVariant {
  readonly ident: '$5$' | '$6$';
  readonly algorithm: ShaCryptAlgorithm;
  readonly checksumLength: number;
  /** Digest byte order for the hash64 encoding, from the specification's `b64_from_24bit` groups. */
  readonly transposition: readonly number[];
}

const SHA256_CRYPT: ShaCryptVariant = {
  ident: '$5$',
  algorithm: 'sha256',
  checksumLength: 43,
  transposition: [
    20, 10, 0, 11, 1, 21, 2, 22, 12, 23, 13, 3, 14, 4, 24, 5, 25, 15, 26, 16, 6, 17, 7, 27, 8, 28, 18, 29, 19, 9, 30,
    31,
  ],
};

const SHA512_CRYPT: ShaCryptVariant = {
  ident: '$6$',
  algorithm: 'sha512',
  checksumLength: 86,
  transposition: [
    42, 21, 0, 1, 43, 22, 23, 2, 44, 45, 24, 3, 4, 46, 25, 26, 5, 47, 48, 27, 6, 7, 49, 28, 29, 8, 50, 51, 30, 9, 10,
    52, 31, 32, 11, 53, 54, 33, 12, 13, 55, 34, 35, 14, 56, 57, 36, 15, 16, 58, 37, 38, 17, 59, 60, 39, 18, 19, 61, 40,
    41, 20, 62, 63,
  ],
};

interface ParsedShaCrypt {
  readonly rounds: number;
  readonly salt: string;
  readonly checksum: string;
}

/**
 * The rounds field as passlib reads it: zero padding refused ("0" alone passes, then fails the minimum),
 * the rest through Python's `int()`, so `rounds= 5000` and `rounds=+5000` are 5000.
 */
const parseRounds = (scheme: SchemeName, text: string): number => {
  if (text.startsWith('0') && text !== '0') throw new MalformedHashError(scheme, 'zero-padded rounds');
  const rounds = parsePythonInt(text);
  if (rounds === undefined) throw new MalformedHashError(scheme, 'the rounds are not a number');
  if (rounds < MIN_ROUNDS || rounds > MAX_ROUNDS) {
    throw new MalformedHashError(scheme, `the rounds must be between ${MIN_ROUNDS} and ${MAX_ROUNDS}`);
  }
  return rounds;
};

/** Parses `$5$[rounds=N$]<salt ≤ 16>$<checksum>` (or `$6$`), as passlib's `from_string` and constructor do. */
const parseShaCrypt = (scheme: SchemeName, variant: ShaCryptVariant, hash: string): ParsedShaCrypt => {
  if (!hash.startsWith(variant.ident)) throw new MalformedHashError(scheme, `expected the ${variant.ident} prefix`);
  const parts = hash.slice(variant.ident.length).split('$');
  const roundsText = parts[0]?.startsWith(ROUNDS_FIELD) ? parts.shift()?.slice(ROUNDS_FIELD.length) : undefined;
  if (parts.length > 2) throw new MalformedHashError(scheme, 'too many $-separated fields');
  const [salt = '', checksum] = parts;
  if (parts.length === 0) throw new MalformedHashError(scheme, 'the salt is missing');
  const rounds = roundsText === undefined ? IMPLICIT_ROUNDS : parseRounds(scheme, roundsText);
  assertChecksumPresent(scheme, checksum);
  assertHash64Field(scheme, 'checksum', checksum, variant.checksumLength, variant.checksumLength);
  assertHash64Field(scheme, 'salt', salt, 0, MAX_SALT_LENGTH);
  return { rounds, salt, checksum };
};

const checkShaCryptPolicy = (scheme: SchemeName, rounds: number, context: SchemeContext): void => {
  if (rounds > context.policy.shaCryptMaxRounds) {
    throw new HashPolicyError(scheme, `${rounds} rounds is above the maximum ${context.policy.shaCryptMaxRounds}`);
  }
};

const shaCryptScheme = (name: SchemeName, variant: ShaCryptVariant): PasswordHashScheme => ({
  name,
  identify: (hash) => hash.startsWith(variant.ident),
  prepare: (hash, context) => {
    const parsed = parseShaCrypt(name, variant, hash);
    checkShaCryptPolicy(name, parsed.rounds, context);
    return {
      needsUpdate: parsed.rounds < context.policy.shaCryptMinRounds,
      verify: async (password) => {
        assertNoNulByte(password, name);
        const digest = await shaCryptDigest(
          variant.algorithm,
          utf8(password),
          Buffer.from(parsed.salt, 'ascii'),
          parsed.rounds,
        );
        return constantTimeEqual(encodeTransposedHash64(digest, variant.transposition), parsed.checksum);
      },
    };
  },
});

/** sha256_crypt: `$5$[rounds=N$]<salt>$<43>`, SHA-256 crypt as in glibc. */
const sha256Crypt = shaCryptScheme('sha256_crypt', SHA256_CRYPT);
/** sha512_crypt: `$6$[rounds=N$]<salt>$<86>`, SHA-512 crypt as in glibc. */
const sha512Crypt = shaCryptScheme('sha512_crypt', SHA512_CRYPT);
const ldapSha256Crypt = ldapCrypt(shaCryptScheme('ldap_sha256_crypt', SHA256_CRYPT));
const ldapSha512Crypt = ldapCrypt(shaCryptScheme('ldap_sha512_crypt', SHA512_CRYPT));

export { ldapSha256Crypt, ldapSha512Crypt, sha256Crypt, sha512Crypt };
