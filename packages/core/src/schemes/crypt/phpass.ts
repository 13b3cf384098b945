import { createHash } from 'node:crypto';
import { constantTimeEqual } from '../../crypto/constant-time.js';
import { encodeHash64, hash64CharValue } from '../../encoding/hash64.js';
import { HashPolicyError, MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { hashPadded, md5, paddedMessage } from './block-hash.js';
import { assertChecksumPresent, assertHash64Field } from './crypt-format.js';

const SCHEME = 'phpass';
/** `$P$` is phpass' own; phpBB3 writes `$H$`. */
const IDENTS = ['$P$', '$H$'] as const;
const IDENT_LENGTH = 3;
const SALT_LENGTH = 8;
/** log2 of the iterations, as one hash64 character. */
const MIN_LOG_ROUNDS = 7;
const MAX_LOG_ROUNDS = 30;

interface ParsedPhpass {
  readonly logRounds: number;
  readonly salt: string;
  readonly checksum: string;
}

/**
 * Parses `$P$<log2 rounds><salt 8><checksum>` as passlib does. passlib sets no checksum length for
 * phpass, so a short or long checksum of crypt characters is not malformed: it just never matches.
 */
const parsePhpass = (hash: string): ParsedPhpass => {
  if (!IDENTS.some((ident) => hash.startsWith(ident))) throw new MalformedHashError(SCHEME, 'expected $P$ or $H$');
  const roundsChar = hash.slice(IDENT_LENGTH, IDENT_LENGTH + 1);
  const salt = hash.slice(IDENT_LENGTH + 1, IDENT_LENGTH + 1 + SALT_LENGTH);
  const checksum = hash.slice(IDENT_LENGTH + 1 + SALT_LENGTH);
  const logRounds = roundsChar === '' ? -1 : hash64CharValue(roundsChar);
  if (logRounds < 0) throw new MalformedHashError(SCHEME, 'the rounds character is not a crypt character');
  assertChecksumPresent(SCHEME, checksum);
  assertHash64Field(SCHEME, 'checksum', checksum, 1, Number.POSITIVE_INFINITY);
  assertHash64Field(SCHEME, 'salt', salt, SALT_LENGTH, SALT_LENGTH);
  if (logRounds < MIN_LOG_ROUNDS || logRounds > MAX_LOG_ROUNDS) {
    throw new MalformedHashError(SCHEME, `the rounds must be 2^${MIN_LOG_ROUNDS} to 2^${MAX_LOG_ROUNDS}`);
  }
  return { logRounds, salt, checksum };
};

/**
 * phpass' portable hash: MD5(salt ‖ password), then 2^logRounds times MD5(digest ‖ password). The message
 * keeps its shape, so each iteration writes the digest into one reused padded buffer and compresses it.
 */
const phpassChecksum = (password: Uint8Array, salt: string, logRounds: number): string => {
  const hash = md5();
  const { bytes, view } = paddedMessage(hash, 16 + password.length);
  bytes.set(createHash('md5').update(salt, 'ascii').update(password).digest(), 0);
  bytes.set(password, 16);
  const iterations = 2 ** logRounds;
  for (let i = 0; i < iterations; i++) {
    hashPadded(hash, view, bytes.length);
    hash.writeDigest(view, 0);
  }
  return encodeHash64(bytes.subarray(0, 16));
};

/** phpass (WordPress before 6.8 `$P$`, phpBB3 `$H$`). Any password, NUL included, as passlib. */
const phpass: PasswordHashScheme = {
  name: SCHEME,
  identify: (hash) => IDENTS.some((ident) => hash.startsWith(ident)),
  prepare: (hash, context) => {
    const { logRounds, salt, checksum } = parsePhpass(hash);
    if (2 ** logRounds > context.policy.otherMaxIterations) {
      throw new HashPolicyError(
        SCHEME,
        `2^${logRounds} iterations is above the maximum ${context.policy.otherMaxIterations}`,
      );
    }
    return {
      needsUpdate: false,
      verify: async (password) => constantTimeEqual(phpassChecksum(utf8(password), salt, logRounds), checksum),
    };
  },
};

export { phpass, phpassChecksum };
