import bcryptjs from 'bcryptjs';
import { bcrypt as wasmBcrypt } from 'hash-wasm';
import { encodeBcryptBase64 } from '../encoding/hash64.js';

/** Computes the 31-character bcrypt checksum of `key` (at most 72 bytes, no NUL) for a 16-byte salt. */
interface BcryptBackend {
  readonly name: string;
  readonly checksum: (key: Uint8Array, salt: Uint8Array, cost: number) => Promise<string>;
}

/**
 * The one function of `@node-rs/bcrypt` the native backend calls; the module itself (`await
 * import('@node-rs/bcrypt')`) fits. Described here, not imported, so core needs neither the package nor its types.
 */
interface NativeBcryptModule {
  readonly hash: (
    password: Uint8Array,
    options: { readonly salt: Uint8Array; readonly cost: number; readonly version: '2b' },
  ) => Promise<string>;
}

const checksumOf = (encoded: string): string => encoded.slice(-31);

/** hash-wasm's bcrypt takes raw bytes but refuses an empty key; bcryptjs hashes the empty one. */
const wasmBcryptBackend: BcryptBackend = {
  name: 'hash-wasm',
  checksum: async (key, salt, cost) => {
    if (key.length === 0) {
      const setting = `$2b$${String(cost).padStart(2, '0')}$${encodeBcryptBase64(salt)}`;
      return checksumOf(await bcryptjs.hash('', setting));
    }
    return checksumOf(await wasmBcrypt({ password: key, salt, costFactor: cost, outputType: 'encoded' }));
  },
};

/** The Rust `bcrypt` crate through napi: the same checksum, several times faster (benchmarks/hash-verify.md). */
const nativeBcryptBackend = (native: NativeBcryptModule): BcryptBackend => ({
  name: '@node-rs/bcrypt',
  checksum: async (key, salt, cost) => checksumOf(await native.hash(key, { salt, cost, version: '2b' })),
});

export type { BcryptBackend, NativeBcryptModule };
export { nativeBcryptBackend, wasmBcryptBackend };
