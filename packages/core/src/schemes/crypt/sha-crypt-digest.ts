import { createHash, type Hash } from 'node:crypto';
import { shaCryptDigestWasm } from '../../backends/sha-crypt-wasm/index.js';
import { sha256, sha512 } from './block-hash.js';
import { cryptRounds } from './crypt-rounds.js';

type ShaCryptAlgorithm = 'sha256' | 'sha512';

/**
 * The raw SHA-crypt digest (32 or 64 bytes, before the transposed hash64 encoding) of `password` bytes
 * with `salt` bytes (at most 16) and `rounds` (1,000 to 999,999,999), per Drepper's specification.
 *
 * This is the one seam between parsing and hashing for sha256_crypt and sha512_crypt: a faster
 * implementation (a WebAssembly round loop) replaces this function and nothing else.
 */
type ShaCryptDigest = (
  algorithm: ShaCryptAlgorithm,
  password: Uint8Array,
  salt: Uint8Array,
  rounds: number,
) => Promise<Uint8Array>;

/** `source` repeated, and cut, to `length` bytes. */
const repeatTo = (source: Uint8Array, length: number): Uint8Array => {
  const out = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += source.length) {
    out.set(source.subarray(0, Math.min(source.length, length - offset)), offset);
  }
  return out;
};

/** The digest of `part` fed `times` times (avoids building the repeated string, up to 16 KiB squared). */
const digestRepeated = (algorithm: ShaCryptAlgorithm, part: Uint8Array, times: number): Buffer => {
  const hash = createHash(algorithm);
  for (let i = 0; i < times; i++) hash.update(part);
  return hash.digest();
};

/** The setup digests (A, and the P and S sequences) through node:crypto; the rounds in TypeScript. */
const shaCryptDigestTs: ShaCryptDigest = async (algorithm, password, salt, rounds) => {
  const length = password.length;
  const b = createHash(algorithm).update(password).update(salt).update(password).digest();
  const a: Hash = createHash(algorithm).update(password).update(salt).update(repeatTo(b, length));
  // Each bit of the password length, lowest first: B for a one, the password for a zero.
  for (let bits = length; bits > 0; bits >>= 1) a.update(bits & 1 ? b : password);
  const initial = a.digest();
  const p = repeatTo(digestRepeated(algorithm, password, length), length);
  const s = digestRepeated(algorithm, salt, 16 + (initial[0] as number)).subarray(0, salt.length);
  return cryptRounds(algorithm === 'sha256' ? sha256() : sha512(), initial, p, s, rounds);
};

/**
 * The implementation sha256_crypt and sha512_crypt use: the whole computation in one WebAssembly call,
 * within 1.05x of libc's crypt (the TypeScript loop above is 2–6x slower; see benchmarks/hash-verify.md).
 */
const shaCryptDigest: ShaCryptDigest = async (algorithm, password, salt, rounds) =>
  shaCryptDigestWasm(algorithm, password, salt, rounds);

export type { ShaCryptAlgorithm, ShaCryptDigest };
export { shaCryptDigest, shaCryptDigestTs };
