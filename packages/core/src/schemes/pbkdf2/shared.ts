import { pbkdf2 } from 'node:crypto';
import { HashPolicyError, MalformedHashError } from '../../errors.js';
import { parsePythonInt } from '../../python/python-int.js';
import type { SchemeName } from '../../scheme-names.js';
import type { SchemeContext } from '../../types/scheme.js';

/** passlib's bound on rounds for every PBKDF2 scheme ("setting at 32-bit limit for now"). */
const MAX_ROUNDS = 0xffff_ffff;
/** passlib's bound on salts, in bytes (or characters for text salts), for the same schemes. */
const MAX_SALT_SIZE = 1024;

type Digest = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

/** Digest sizes in bytes: the key length passlib derives when it asks for "one digest". */
const DIGEST_SIZE: Readonly<Record<Digest, number>> = { sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };

/**
 * PBKDF2-HMAC through OpenSSL on libuv's thread pool: many times faster than WebAssembly, and the event
 * loop stays free while it runs.
 */
const derive = (
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  keyLength: number,
  digest: string,
): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    pbkdf2(password, salt, iterations, keyLength, digest, (error, key) => (error ? reject(error) : resolve(key)));
  });

interface Mc3Options {
  /** Field separator: `$`, or `.` for grub. */
  readonly separator?: string;
  /** Rounds are decimal, or hexadecimal (the `$p5k2$` formats). */
  readonly base?: 10 | 16;
  /** The rounds an empty field stands for; without it the field is required. */
  readonly defaultRounds?: number;
}

interface Mc3Fields {
  readonly rounds: number;
  readonly salt: string;
  /** Undefined for a settings string with no digest, which passlib cannot verify. */
  readonly checksum: string | undefined;
}

/**
 * passlib's `parse_mc3`: `<prefix><rounds>$<salt>[$<checksum>]`. Rounds may not be zero-padded but are
 * otherwise read by Python's int(), and must lie in 1..2^32-1 as every PBKDF2 handler requires.
 */
const parseMc3 = (scheme: SchemeName, hash: string, prefix: string, options: Mc3Options = {}): Mc3Fields => {
  if (!hash.startsWith(prefix)) throw new MalformedHashError(scheme, `expected the ${prefix} prefix`);
  const parts = hash.slice(prefix.length).split(options.separator ?? '$');
  if (parts.length !== 2 && parts.length !== 3) throw new MalformedHashError(scheme, 'wrong number of fields');
  const [roundsText = '', salt = '', checksum = ''] = parts;
  if (roundsText.startsWith('0') && roundsText !== '0') {
    throw new MalformedHashError(scheme, 'zero-padded rounds');
  }
  const rounds = roundsText === '' ? options.defaultRounds : parsePythonInt(roundsText, options.base ?? 10);
  if (rounds === undefined) throw new MalformedHashError(scheme, 'invalid rounds');
  checkRoundsRange(scheme, rounds);
  return { rounds, salt, checksum: checksum === '' ? undefined : checksum };
};

/** passlib's HasRounds bounds for PBKDF2 schemes. */
const checkRoundsRange = (scheme: SchemeName, rounds: number): void => {
  if (!(rounds >= 1 && rounds <= MAX_ROUNDS)) throw new MalformedHashError(scheme, 'rounds out of range');
};

/**
 * OpenSSL's PBKDF2 takes a C int: Node throws a RangeError above it, and passlib (through hashlib) an
 * OverflowError, so such a hash can be verified by neither, whatever the policy says.
 */
const MAX_COMPUTABLE_ITERATIONS = 0x7fff_ffff;

/** Refuses, before any hashing, an iteration count above the policy. */
const checkIterationPolicy = (scheme: SchemeName, iterations: number, context: SchemeContext): void => {
  const maximum = Math.min(context.policy.pbkdf2MaxIterations, MAX_COMPUTABLE_ITERATIONS);
  if (iterations > maximum) {
    throw new HashPolicyError(scheme, `${iterations} iterations are above the maximum ${maximum}`);
  }
};

const isBelowPolicyFloor = (iterations: number, context: SchemeContext): boolean =>
  iterations < context.policy.pbkdf2MinIterations;

export type { Digest };
export { checkIterationPolicy, checkRoundsRange, DIGEST_SIZE, derive, isBelowPolicyFloor, MAX_SALT_SIZE, parseMc3 };
