import bcryptjs from 'bcryptjs';
import { bcrypt as wasmBcrypt } from 'hash-wasm';
import { encodeBcryptBase64 } from '../encoding/hash64.js';
import { loadOptional } from './load-optional.js';

/** Computes the 31-character bcrypt checksum of `key` (at most 72 bytes, no NUL) for a 16-byte salt. */
interface BcryptBackend {
  readonly name: string;
  readonly checksum: (key: Uint8Array, salt: Uint8Array, cost: number) => Promise<string>;
}

type NodeRsBcrypt = typeof import('@node-rs/bcrypt');

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

const nativeBcryptBackend = (native: NodeRsBcrypt): BcryptBackend => ({
  name: '@node-rs/bcrypt',
  checksum: async (key, salt, cost) => checksumOf(await native.hash(key, { salt, cost, version: '2b' })),
});

let selected: Promise<BcryptBackend> | undefined;

/** The native backend when installed, else hash-wasm; chosen once per process. */
const bcryptBackend = (): Promise<BcryptBackend> => {
  selected ??= loadOptional<NodeRsBcrypt>('@node-rs/bcrypt').then((native) =>
    native === undefined ? wasmBcryptBackend : nativeBcryptBackend(native),
  );
  return selected;
};

export type { BcryptBackend };
export { bcryptBackend, nativeBcryptBackend, wasmBcryptBackend };
