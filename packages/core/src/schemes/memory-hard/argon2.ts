import type { Argon2Parameters, Argon2Type } from '../../backends/argon2.js';
import { activeHashBackends } from '../../backends/use-hash-backends.js';
import { constantTimeEqual } from '../../crypto/constant-time.js';
import { decodeBase64Unpadded, encodeBase64Unpadded } from '../../encoding/base64.js';
import { HashPolicyError, MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import { isAscii } from '../../python/python-text.js';
import type { SchemeName } from '../../scheme-names.js';
import type { PasswordHashScheme, PreparedHash, SchemeContext } from '../../types/scheme.js';
import { DJANGO_HASHER_DEFAULTS, isDjangoSaltTooShort } from '../django-settings.js';

/**
 * passlib 1.7.4 hands argon2 hashes to argon2-cffi, so libargon2's own decoder is the specification:
 * `$argon2<type>[$v=<n>]$m=<n>,t=<n>,p=<n>$<salt>$<hash>`, decimal numbers without leading zeros (at most
 * 2^32-1), base64 without padding whose unused bits are zero, and nothing after the hash.
 */
const ARGON2_PATTERN =
  /^\$argon2(id|i|d)(?:\$v=(0|[1-9]\d*))?\$m=(0|[1-9]\d*),t=(0|[1-9]\d*),p=(0|[1-9]\d*)\$([A-Za-z0-9+/]*)\$([A-Za-z0-9+/]*)$/;
/** passlib's `identify`: any lowercase type name. */
const ARGON2_IDENT = /^\$argon2[a-z]+\$/;
/** passlib parses `,keyid=` and `,data=` but refuses them (NotImplementedError); libargon2 has no such fields. */
const ARGON2_EXTRA_FIELD = /^\$argon2[a-z]+\$(?:v=\d+\$)?m=\d+,t=\d+,p=\d+,(?:keyid|data)=/;

const UINT32_MAX = 0xffff_ffff;
/** libargon2's lower bounds (argon2.h) and its lane limit. */
const MIN_SALT_BYTES = 8;
const MIN_OUTPUT_BYTES = 4;
const MIN_MEMORY_BLOCKS_PER_LANE = 8;
const MAX_LANES = 0xff_ffff;
/** needsUpdate below passlib 1.7.4's defaults (argon2-cffi ≥ 21.2: argon2id, v=19, m=65536, t=3). */
const PASSLIB_MEMORY_COST = 65_536;
const PASSLIB_TIME_COST = 3;

/** An argon2 hash as libargon2 reads it; `version` is any 32-bit number, as libargon2 does not check it. */
interface ParsedArgon2 extends Omit<Argon2Parameters, 'version'> {
  readonly version: number;
  readonly checksum: Uint8Array;
}

/** Strict base64 as libargon2 decodes it: no padding, and the unused low bits of the last character zero. */
const decodeCanonicalBase64 = (text: string): Uint8Array | undefined => {
  const bytes = decodeBase64Unpadded(text);
  return bytes !== undefined && encodeBase64Unpadded(bytes) === text ? bytes : undefined;
};

const parseArgon2 = (scheme: SchemeName, hash: string): ParsedArgon2 => {
  const malformed = (reason: string) => new MalformedHashError(scheme, reason);
  // passlib encodes the hash as ASCII; argon2-cffi passes it to C, where a NUL byte ends the string.
  if (!isAscii(hash)) throw malformed('the hash must be ASCII');
  const encoded = hash.split('\0', 1)[0] ?? '';
  const match = ARGON2_PATTERN.exec(encoded);
  if (match === null) {
    if (ARGON2_EXTRA_FIELD.test(encoded)) throw malformed('the keyid= and data= fields are not supported');
    throw malformed('expected $argon2<type>$v=19$m=<n>,t=<n>,p=<n>$<salt>$<hash>');
  }
  const [, type = '', versionText = '16', memoryText = '', timeText = '', lanesText = '', saltText = ''] = match;
  const uint32 = (text: string): number => {
    const value = Number(text);
    if (value > UINT32_MAX) throw malformed('a parameter is above 2^32-1');
    return value;
  };
  const salt = decodeCanonicalBase64(saltText);
  const checksum = decodeCanonicalBase64(match[7] ?? '');
  if (salt === undefined || checksum === undefined) throw malformed('invalid base64 in the salt or hash');
  const parsed: ParsedArgon2 = {
    type: type as Argon2Type,
    version: uint32(versionText),
    memoryCost: uint32(memoryText),
    timeCost: uint32(timeText),
    parallelism: uint32(lanesText),
    salt,
    outputLength: checksum.length,
    checksum,
  };
  if (salt.length < MIN_SALT_BYTES) throw malformed('the salt is shorter than 8 bytes');
  if (checksum.length < MIN_OUTPUT_BYTES) throw malformed('the hash is shorter than 4 bytes');
  if (parsed.timeCost < 1) throw malformed('t must be at least 1');
  if (parsed.parallelism < 1 || parsed.parallelism > MAX_LANES) throw malformed('p must be between 1 and 2^24-1');
  if (parsed.memoryCost < MIN_MEMORY_BLOCKS_PER_LANE * parsed.parallelism) throw malformed('m must be at least 8p');
  return parsed;
};

const checkArgon2Policy = (scheme: SchemeName, parsed: ParsedArgon2, { policy }: SchemeContext): void => {
  const refuse = (reason: string) => new HashPolicyError(scheme, reason);
  if (parsed.memoryCost > policy.argon2MaxMemoryKiB) {
    throw refuse(`m=${parsed.memoryCost} KiB is above the maximum ${policy.argon2MaxMemoryKiB}`);
  }
  if (parsed.timeCost > policy.argon2MaxTimeCost) {
    throw refuse(`t=${parsed.timeCost} is above the maximum ${policy.argon2MaxTimeCost}`);
  }
  if (parsed.parallelism > policy.argon2MaxParallelism) {
    throw refuse(`p=${parsed.parallelism} is above the maximum ${policy.argon2MaxParallelism}`);
  }
};

const belowPasslibDefaults = (parsed: ParsedArgon2): boolean =>
  parsed.type !== 'id' ||
  parsed.version !== 0x13 ||
  parsed.memoryCost < PASSLIB_MEMORY_COST ||
  parsed.timeCost < PASSLIB_TIME_COST;

/**
 * Django's Argon2PasswordHasher.must_update: any parameter but the salt length differs from Django 5.2's
 * (argon2id, v=19, t=2, m=102400, p=8, 32-byte hash), or the salt is under 22 bytes (128 bits counted as
 * Django counts its salts' characters).
 */
const differsFromDjangoDefaults = (parsed: ParsedArgon2): boolean => {
  const defaults = DJANGO_HASHER_DEFAULTS.argon2;
  return (
    parsed.type !== defaults.type ||
    parsed.version !== defaults.version ||
    parsed.outputLength !== defaults.hashBytes ||
    parsed.timeCost !== defaults.timeCost ||
    parsed.memoryCost !== defaults.memoryCost ||
    parsed.parallelism !== defaults.parallelism ||
    isDjangoSaltTooShort(parsed.salt.length)
  );
};

/**
 * Parses, checks the policy, and verifies as argon2-cffi's `verify_secret` does. libargon2 accepts any
 * version number and hashes every one but 16 as 1.3 with the number mixed in; no backend here can, and
 * passlib itself writes only 16 and 19, so another version verifies as false (true only for a hash made
 * by calling libargon2 directly with that version).
 */
const prepareArgon2 = (
  scheme: SchemeName,
  hash: string,
  context: SchemeContext,
  needsUpdate: (parsed: ParsedArgon2) => boolean = belowPasslibDefaults,
): PreparedHash => {
  const parsed = parseArgon2(scheme, hash);
  checkArgon2Policy(scheme, parsed, context);
  const { version } = parsed;
  return {
    needsUpdate: needsUpdate(parsed),
    verify: async (password) => {
      if (version !== 0x10 && version !== 0x13) return false;
      const digest = await activeHashBackends().argon2.digest(utf8(password), { ...parsed, version });
      return constantTimeEqual(digest, parsed.checksum);
    },
  };
};

const argon2: PasswordHashScheme = {
  name: 'argon2',
  identify: (hash) => ARGON2_IDENT.test(hash),
  prepare: (hash, context) => prepareArgon2('argon2', hash, context),
};

/**
 * Django's `argon2$` + the argon2 hash; passlib verifies the inner hash whatever its type. needsUpdate is
 * Django's (see differsFromDjangoDefaults).
 */
const DJANGO_PREFIX = 'argon2';

const djangoArgon2: PasswordHashScheme = {
  name: 'django_argon2',
  identify: (hash) => hash.startsWith(DJANGO_PREFIX) && ARGON2_IDENT.test(hash.slice(DJANGO_PREFIX.length)),
  prepare: (hash, context) => {
    if (!hash.startsWith(DJANGO_PREFIX)) throw new MalformedHashError('django_argon2', 'expected argon2$argon2…');
    return prepareArgon2('django_argon2', hash.slice(DJANGO_PREFIX.length), context, differsFromDjangoDefaults);
  },
};

export type { ParsedArgon2 };
export { argon2, djangoArgon2, parseArgon2 };
