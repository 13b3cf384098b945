import { SHA_CRYPT_WASM_BASE64 } from './sha-crypt-wasm.generated.js';

/**
 * SHA-256-crypt / SHA-512-crypt and MD5-crypt digests, each computed in one WebAssembly call (source:
 * assembly/index.ts). A JavaScript loop over node:crypto would cross into C++ for each of the ~1.3 million
 * small hashes of a default-cost SHA-crypt hash, about five times slower than libc's crypt(3) that passlib
 * uses; for MD5-crypt's ~2000 compressions, the TypeScript loop was 1.8x libc.
 */

type ShaCryptAlgorithm = 'sha256' | 'sha512';

/** 4096 characters (passlib's limit) of up to 4 UTF-8 bytes each. */
const SHA_CRYPT_MAX_PASSWORD_BYTES = 16_384;
/** The specification truncates longer salts to 16 bytes before hashing; callers do that. */
const SHA_CRYPT_MAX_SALT_BYTES = 16;
/** The specification's bounds; callers clamp a stored `rounds=` value into them first. */
const SHA_CRYPT_MIN_ROUNDS = 1000;
const SHA_CRYPT_MAX_ROUNDS = 999_999_999;

const DIGEST_BYTES: Readonly<Record<ShaCryptAlgorithm, number>> = { sha256: 32, sha512: 64 };

/** FreeBSD's MD5-crypt reads at most 8 salt bytes; the magic is `$1$` or `$apr1$`. */
const MD5_CRYPT_MAX_SALT_BYTES = 8;
const MD5_CRYPT_MAX_MAGIC_BYTES = 8;
const MD5_DIGEST_BYTES = 16;

interface ShaCryptExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  readonly inputPointer: () => number;
  readonly sha256Crypt: (passwordLength: number, saltLength: number, rounds: number) => number;
  readonly sha512Crypt: (passwordLength: number, saltLength: number, rounds: number) => number;
  readonly md5Crypt: (passwordLength: number, saltLength: number, magicLength: number) => number;
}

/** The slice of the WebAssembly JS API used here (the project's TypeScript libs do not declare it). */
interface WebAssemblyApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: object };
}

let instance: ShaCryptExports | undefined;

/** Compiled and instantiated on first use only; ~13 KB, so the synchronous constructors are fine. */
const shaCryptExports = (): ShaCryptExports => {
  if (instance === undefined) {
    const { Module, Instance } = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
    const module = new Module(Buffer.from(SHA_CRYPT_WASM_BASE64, 'base64'));
    instance = new Instance(module, {}).exports as ShaCryptExports;
  }
  return instance;
};

/**
 * The raw SHA-crypt digest (32 bytes for sha256, 64 for sha512) of `password` and `salt` bytes after
 * `rounds` rounds, before crypt's transposed hash64 encoding. Throws a RangeError for arguments outside
 * the algorithm's bounds (password ≤ 16384 bytes, salt ≤ 16 bytes, 1000 ≤ rounds ≤ 999999999).
 */
const shaCryptDigestWasm = (
  algorithm: ShaCryptAlgorithm,
  password: Uint8Array,
  salt: Uint8Array,
  rounds: number,
): Uint8Array => {
  const digestBytes = DIGEST_BYTES[algorithm];
  if (digestBytes === undefined) throw new RangeError('sha-crypt algorithm must be sha256 or sha512');
  if (password.length > SHA_CRYPT_MAX_PASSWORD_BYTES) {
    throw new RangeError(`sha-crypt password must be at most ${SHA_CRYPT_MAX_PASSWORD_BYTES} bytes`);
  }
  if (salt.length > SHA_CRYPT_MAX_SALT_BYTES) {
    throw new RangeError(`sha-crypt salt must be at most ${SHA_CRYPT_MAX_SALT_BYTES} bytes`);
  }
  if (!Number.isInteger(rounds) || rounds < SHA_CRYPT_MIN_ROUNDS || rounds > SHA_CRYPT_MAX_ROUNDS) {
    throw new RangeError(`sha-crypt rounds must be an integer from ${SHA_CRYPT_MIN_ROUNDS} to ${SHA_CRYPT_MAX_ROUNDS}`);
  }

  const wasm = shaCryptExports();
  const input = wasm.inputPointer();
  const inputView = new Uint8Array(wasm.memory.buffer, input, password.length + salt.length);
  inputView.set(password);
  inputView.set(salt, password.length);
  const run = algorithm === 'sha256' ? wasm.sha256Crypt : wasm.sha512Crypt;
  const output = run(password.length, salt.length, rounds);
  if (output === 0) throw new RangeError('sha-crypt WebAssembly module refused its arguments or memory');
  // The module may have grown its memory, which replaces `memory.buffer`: take a fresh view.
  return new Uint8Array(wasm.memory.buffer, output, digestBytes).slice();
};

/**
 * The raw 16-byte MD5-crypt digest of `password` and `salt` bytes, `magic` being the ident that is hashed
 * too (`$1$`, or Apache's `$apr1$`): the two setup digests and the 1000 rounds, before crypt's transposed
 * hash64 encoding. Throws a RangeError for arguments outside the algorithm's bounds (password ≤ 16384
 * bytes, salt ≤ 8 bytes, magic ≤ 8 bytes).
 */
const md5CryptDigestWasm = (password: Uint8Array, salt: Uint8Array, magic: Uint8Array): Uint8Array => {
  if (password.length > SHA_CRYPT_MAX_PASSWORD_BYTES) {
    throw new RangeError(`md5-crypt password must be at most ${SHA_CRYPT_MAX_PASSWORD_BYTES} bytes`);
  }
  if (salt.length > MD5_CRYPT_MAX_SALT_BYTES) {
    throw new RangeError(`md5-crypt salt must be at most ${MD5_CRYPT_MAX_SALT_BYTES} bytes`);
  }
  if (magic.length > MD5_CRYPT_MAX_MAGIC_BYTES) {
    throw new RangeError(`md5-crypt magic must be at most ${MD5_CRYPT_MAX_MAGIC_BYTES} bytes`);
  }

  const wasm = shaCryptExports();
  const input = wasm.inputPointer();
  const inputView = new Uint8Array(wasm.memory.buffer, input, password.length + salt.length + magic.length);
  inputView.set(password);
  inputView.set(salt, password.length);
  inputView.set(magic, password.length + salt.length);
  const output = wasm.md5Crypt(password.length, salt.length, magic.length);
  if (output === 0) throw new RangeError('md5-crypt WebAssembly module refused its arguments or memory');
  // The module may have grown its memory, which replaces `memory.buffer`: take a fresh view.
  return new Uint8Array(wasm.memory.buffer, output, MD5_DIGEST_BYTES).slice();
};

export type { ShaCryptAlgorithm };
export {
  MD5_CRYPT_MAX_MAGIC_BYTES,
  MD5_CRYPT_MAX_SALT_BYTES,
  md5CryptDigestWasm,
  SHA_CRYPT_MAX_PASSWORD_BYTES,
  SHA_CRYPT_MAX_ROUNDS,
  SHA_CRYPT_MAX_SALT_BYTES,
  SHA_CRYPT_MIN_ROUNDS,
  shaCryptDigestWasm,
};
