import { activeHashBackends } from '../../backends/use-hash-backends.js';
import { constantTimeEqual } from '../../crypto/constant-time.js';
import { BCRYPT_ALPHABET, decodeBcryptBase64 } from '../../encoding/hash64.js';
import { HashPolicyError, MalformedHashError } from '../../errors.js';
import { assertNoNulByte, utf8 } from '../../password.js';
import type { SchemeName } from '../../scheme-names.js';
import type { PasswordHashScheme, SchemeContext } from '../../types/scheme.js';
import { startsWithBcryptIdent, wrappedBcryptNeedsUpdate } from './shared.js';

/** bcrypt reads at most 72 bytes of key; passlib truncates silently when verifying. */
const BCRYPT_KEY_LIMIT = 72;
const BCRYPT_PATTERN = /^\$(2|2a|2x|2y|2b)\$(\d+)\$([./A-Za-z0-9]{22})([./A-Za-z0-9]{31})$/;

interface ParsedBcrypt {
  readonly ident: '2' | '2a' | '2y' | '2b';
  readonly cost: number;
  readonly salt: Uint8Array;
  /** The stored checksum with its two unused bits cleared, as passlib repairs it. */
  readonly checksum: string;
  /** The stored checksum or salt had padding bits set (passlib issue 25). */
  readonly hadBadPadding: boolean;
}

/** Clears the unused low bits of the last character, keeping the bytes the same. */
const repairPadding = (text: string, unusedBits: number): string => {
  const last = BCRYPT_ALPHABET.indexOf(text.at(-1) ?? '.');
  const repaired = BCRYPT_ALPHABET[last & ~((1 << unusedBits) - 1)] ?? '.';
  return `${text.slice(0, -1)}${repaired}`;
};

/** Parses `$2b$12$<salt22><checksum31>` for `scheme` (bcrypt itself, or a wrapper around it). */
const parseBcrypt = (scheme: SchemeName, hash: string): ParsedBcrypt => {
  const match = BCRYPT_PATTERN.exec(hash);
  if (match === null) throw new MalformedHashError(scheme, 'expected $2b$<cost>$<22 salt chars><31 checksum chars>');
  const [, ident = '', costText = '', saltText = '', checksumText = ''] = match;
  if (ident === '2x') throw new MalformedHashError(scheme, "crypt_blowfish's buggy $2x$ hashes are not supported");
  const cost = Number(costText);
  if (costText !== String(cost).padStart(2, '0')) throw new MalformedHashError(scheme, 'the cost must be two digits');
  if (cost < 4 || cost > 31) throw new MalformedHashError(scheme, 'the cost must be between 04 and 31');
  const salt = decodeBcryptBase64(saltText, 16);
  if (salt === undefined) throw new MalformedHashError(scheme, 'invalid salt');
  const checksum = repairPadding(checksumText, 2);
  return {
    ident: ident as ParsedBcrypt['ident'],
    cost,
    salt,
    checksum,
    hadBadPadding: checksum !== checksumText || repairPadding(saltText, 4) !== saltText,
  };
};

const checkBcryptPolicy = (scheme: SchemeName, parsed: ParsedBcrypt, context: SchemeContext): void => {
  if (parsed.cost > context.policy.bcryptMaxCost) {
    throw new HashPolicyError(scheme, `cost ${parsed.cost} is above the maximum ${context.policy.bcryptMaxCost}`);
  }
};

/**
 * The key bcrypt sees for `password` bytes: the first 72. The legacy `$2$` variant hashed without the
 * trailing NUL; passlib reproduces it by repeating the password's bytes to exactly 72, which gives the
 * same cyclic key schedule.
 */
const bcryptKey = (password: Uint8Array, ident: ParsedBcrypt['ident']): Uint8Array => {
  if (ident !== '2' || password.length === 0) return password.subarray(0, BCRYPT_KEY_LIMIT);
  const repeats = Math.ceil(BCRYPT_KEY_LIMIT / password.length);
  return Buffer.concat(Array.from({ length: repeats }, () => password)).subarray(0, BCRYPT_KEY_LIMIT);
};

/** True when the bcrypt checksum of `password` bytes matches the parsed hash. */
const bcryptMatches = async (password: Uint8Array, parsed: ParsedBcrypt): Promise<boolean> => {
  const checksum = await activeHashBackends().bcrypt.checksum(
    bcryptKey(password, parsed.ident),
    parsed.salt,
    parsed.cost,
  );
  return constantTimeEqual(checksum, parsed.checksum);
};

const bcrypt: PasswordHashScheme = {
  name: 'bcrypt',
  identify: startsWithBcryptIdent,
  prepare: (hash, context) => {
    const parsed = parseBcrypt('bcrypt', hash);
    checkBcryptPolicy('bcrypt', parsed, context);
    return {
      needsUpdate: wrappedBcryptNeedsUpdate(hash, parsed.cost, context.policy),
      verify: async (password) => {
        assertNoNulByte(password, 'bcrypt');
        return bcryptMatches(utf8(password), parsed);
      },
    };
  },
};

export type { ParsedBcrypt };
export { bcrypt, bcryptMatches, checkBcryptPolicy, parseBcrypt };
