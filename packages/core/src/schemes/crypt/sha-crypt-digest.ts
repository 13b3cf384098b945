import { shaCryptDigestWasm } from '../../backends/sha-crypt-wasm/index.js';

type ShaCryptAlgorithm = 'sha256' | 'sha512';

/**
 * The raw SHA-crypt digest (32 or 64 bytes, before the transposed hash64 encoding) of `password` bytes
 * with `salt` bytes (at most 16) and `rounds` (1,000 to 999,999,999), per Drepper's specification.
 *
 * This is the one seam between parsing and hashing for sha256_crypt and sha512_crypt: another
 * implementation would replace this function and nothing else.
 */
type ShaCryptDigest = (
  algorithm: ShaCryptAlgorithm,
  password: Uint8Array,
  salt: Uint8Array,
  rounds: number,
) => Promise<Uint8Array>;

/**
 * The implementation sha256_crypt and sha512_crypt use: the whole computation in one WebAssembly call,
 * within 1.05x of libc's crypt (a TypeScript round loop was 2–6x slower).
 * Tests check it against the step-by-step node:crypto reference in tests/helpers/sha-crypt-reference.ts.
 */
const shaCryptDigest: ShaCryptDigest = async (algorithm, password, salt, rounds) =>
  shaCryptDigestWasm(algorithm, password, salt, rounds);

export type { ShaCryptAlgorithm, ShaCryptDigest };
export { shaCryptDigest };
