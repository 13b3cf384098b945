import { createHash, createHmac } from 'node:crypto';
import { encodeBcryptBase64 } from '../../encoding/hash64.js';
import { MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { bcryptMatches, checkBcryptPolicy, type ParsedBcrypt, parseBcrypt } from './bcrypt.js';

const SCHEME = 'bcrypt_sha256';
const PREFIX = '$bcrypt-sha256$';

/**
 * passlib's two formats, tried v2 first: `$bcrypt-sha256$v=2,t=2b,r=12$<salt>$<digest>` and the older
 * `$bcrypt-sha256$2a,12$<salt>$<digest>`. As in passlib's regular expressions the digest may be missing
 * (a config string, refused below), and the optional `\n` stands for Python's `$`, which also matches
 * before one final newline: passlib verifies such a hash. (Python's `\d` would also take non-ASCII digits
 * such as `r=١٢`; those are refused here as malformed.)
 */
const V2_PATTERN = /^\$bcrypt-sha256\$v=(\d+),t=(2b),r=(\d{1,2})\$([^$]{22})(?:\$([^$]{31}))?\n?$/;
const V1_PATTERN = /^\$bcrypt-sha256\$(2[ab]),(\d{1,2})\$([^$]{22})(?:\$([^$]{31}))?\n?$/;
const BCRYPT64_TEXT = /^[./A-Za-z0-9]*$/;

interface ParsedBcryptSha256 {
  readonly version: 1 | 2;
  readonly bcrypt: ParsedBcrypt;
  /** The salt as text with its padding bits cleared: passlib repairs it before keying the v2 HMAC with it. */
  readonly hmacKey: string;
}

const malformed = (reason: string): MalformedHashError => new MalformedHashError(SCHEME, reason);

const matchFormat = (hash: string): { version: 1 | 2; fields: readonly (string | undefined)[] } => {
  const v2 = V2_PATTERN.exec(hash);
  if (v2 !== null) {
    // passlib reads the number with int(): `v=02` is version 2; 0, 1 and 3+ are refused.
    if (Number(v2[1]) !== 2) throw malformed('unsupported version');
    return { version: 2, fields: v2.slice(2) };
  }
  const v1 = V1_PATTERN.exec(hash);
  if (v1 !== null) return { version: 1, fields: v1.slice(1) };
  throw malformed('expected $bcrypt-sha256$v=2,t=2b,r=<cost>$<22 salt chars>$<31 digest chars>');
};

const parseBcryptSha256 = (hash: string): ParsedBcryptSha256 => {
  const { version, fields } = matchFormat(hash);
  const [ident = '', rounds = '', salt = '', digest] = fields;
  if (rounds.length > 1 && rounds.startsWith('0')) throw malformed('the cost must not be zero-padded');
  const cost = Number(rounds);
  if (cost < 4 || cost > 31) throw malformed('the cost must be between 4 and 31');
  if (!BCRYPT64_TEXT.test(salt)) throw malformed('invalid characters in the salt');
  if (digest === undefined) throw malformed('the digest is missing');
  if (!BCRYPT64_TEXT.test(digest)) throw malformed('invalid characters in the digest');
  const bcrypt = parseBcrypt(SCHEME, `$${ident}$${rounds.padStart(2, '0')}$${salt}${digest}`);
  return { version, bcrypt, hmacKey: encodeBcryptBase64(bcrypt.salt) };
};

/**
 * The bcrypt key: base64 (standard, padded: 44 ASCII bytes) of SHA-256 of the UTF-8 password (v1), or of
 * HMAC-SHA256 keyed with the salt text (v2). It has no NUL byte, so no password is refused.
 */
const bcryptSha256Key = (password: string, parsed: ParsedBcryptSha256): Buffer => {
  const digest =
    parsed.version === 1
      ? createHash('sha256').update(utf8(password)).digest()
      : createHmac('sha256', Buffer.from(parsed.hmacKey, 'ascii')).update(utf8(password)).digest();
  return Buffer.from(digest.toString('base64'), 'ascii');
};

const bcryptSha256: PasswordHashScheme = {
  name: SCHEME,
  identify: (hash) => hash.startsWith(PREFIX),
  prepare: (hash, context) => {
    const parsed = parseBcryptSha256(hash);
    checkBcryptPolicy(SCHEME, parsed.bcrypt, context);
    return {
      // passlib: v1 (plain SHA-256) is deprecated; padding bits never count for this scheme.
      needsUpdate: parsed.version === 1 || parsed.bcrypt.cost < context.policy.bcryptMinCost,
      verify: async (password) => bcryptMatches(bcryptSha256Key(password, parsed), parsed.bcrypt),
    };
  },
};

export { bcryptSha256 };
