import { hash as nodeHash } from 'node:crypto';
import { constantTimeEqual } from '../../crypto/constant-time.js';
import { HashPolicyError, MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import { decodePythonB64 } from '../../python/python-base64.js';
import { parsePythonInt } from '../../python/python-int.js';
import type { PasswordHashScheme, SchemeContext } from '../../types/scheme.js';
import { DIGEST_SIZE } from './digests.js';
import { rehashSha256 } from './rehash-sha256.js';

/** FSHP variants 0–3. */
const VARIANTS = ['sha1', 'sha256', 'sha384', 'sha512'] as const;
/** passlib's bounds on rounds (the upper one is a 32-bit limit, not FSHP's). */
const MIN_ROUNDS = 1;
const MAX_ROUNDS = 4_294_967_295;

/**
 * passlib's regex: `\d` in a Python str pattern is any Unicode decimal digit, and `int()` reads them (Node's
 * `\p{Nd}` also has digits newer than Python's, which `parsePythonInt` refuses); the base64 may carry up
 * to three `=`; Python's `$` also matches before one final newline.
 */
const FSHP = /^\{FSHP(\p{Nd}+)\|(\p{Nd}+)\|(\p{Nd}+)\}([A-Za-z0-9+/]+={0,3})\n?$/u;

interface ParsedFshp {
  readonly algorithm: (typeof VARIANTS)[number];
  readonly rounds: number;
  readonly salt: Buffer;
  readonly checksum: Buffer;
}

/** Parses `{FSHP<variant>|<salt bytes>|<rounds>}<base64(salt ‖ checksum)>` in passlib's order of checks. */
const parseFshp = (hash: string): ParsedFshp => {
  const match = FSHP.exec(hash);
  if (match === null) throw new MalformedHashError('fshp', 'expected {FSHP<variant>|<salt size>|<rounds>}<base64>');
  const [, variantText = '', saltSizeText = '', roundsText = '', base64 = ''] = match;
  const variant = parsePythonInt(variantText);
  const saltSize = parsePythonInt(saltSizeText);
  const rounds = parsePythonInt(roundsText);
  if (variant === undefined || saltSize === undefined || rounds === undefined) {
    throw new MalformedHashError('fshp', 'a number passlib cannot read');
  }
  const data = decodePythonB64(base64);
  if (data === undefined) throw new MalformedHashError('fshp', 'invalid base64 padding');
  const algorithm = VARIANTS[variant];
  if (algorithm === undefined) throw new MalformedHashError('fshp', 'the variant must be 0 to 3');
  if (rounds < MIN_ROUNDS || rounds > MAX_ROUNDS) {
    throw new MalformedHashError('fshp', `the rounds must be ${MIN_ROUNDS} to ${MAX_ROUNDS}`);
  }
  const salt = data.subarray(0, saltSize);
  const checksum = data.subarray(salt.length);
  if (checksum.length !== DIGEST_SIZE[algorithm]) {
    throw new MalformedHashError('fshp', 'the salt size does not leave a digest of the right length');
  }
  return { algorithm, rounds, salt, checksum };
};

const checkFshpPolicy = (parsed: ParsedFshp, context: SchemeContext): void => {
  if (parsed.rounds > context.policy.otherMaxIterations) {
    throw new HashPolicyError(
      'fshp',
      `${parsed.rounds} rounds is above the maximum ${context.policy.otherMaxIterations}`,
    );
  }
};

/**
 * PBKDF1 as FSHP uses it: the digest of salt ‖ password (the salt comes first: FSHP passes it as PBKDF1's
 * secret), then digested again rounds − 1 times. SHA-256, passlib's default variant, repeats in JavaScript
 * (rehash-sha256.ts); the others through `crypto.hash`, the cheapest node:crypto call per round, at about
 * 2x passlib's time (a WebAssembly round loop, like sha-crypt's, would close that gap).
 */
const fshpChecksum = (parsed: ParsedFshp, password: Uint8Array): Buffer => {
  const first = nodeHash(parsed.algorithm, Buffer.concat([parsed.salt, password]), 'buffer');
  if (parsed.algorithm === 'sha256') return rehashSha256(first, parsed.rounds - 1);
  let block = first;
  for (let round = 1; round < parsed.rounds; round++) block = nodeHash(parsed.algorithm, block, 'buffer');
  return block;
};

/** FSHP ("Fairly Secure Hashed Password"); passlib's default is variant 1 (SHA-256), 480000 rounds, 16-byte salt. */
const fshp: PasswordHashScheme = {
  name: 'fshp',
  identify: (hash) => hash.startsWith('{FSHP'),
  prepare: (hash, context) => {
    const parsed = parseFshp(hash);
    checkFshpPolicy(parsed, context);
    return {
      needsUpdate: false,
      verify: async (password) => constantTimeEqual(fshpChecksum(parsed, utf8(password)), parsed.checksum),
    };
  },
};

export type { ParsedFshp };
export { fshp, parseFshp };
