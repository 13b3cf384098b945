import { hash } from 'node:crypto';
import { md4 } from 'hash-wasm';

/** The digests these schemes use. MD4 is not in Node 20's OpenSSL 3 (legacy provider): hash-wasm has it. */
type DigestAlgorithm = 'md4' | 'md5' | 'sha1' | 'sha256' | 'sha384' | 'sha512';

/** Digest sizes in bytes. */
const DIGEST_SIZE: Readonly<Record<DigestAlgorithm, number>> = {
  md4: 16,
  md5: 16,
  sha1: 20,
  sha256: 32,
  sha384: 48,
  sha512: 64,
};

/** The digest of `data` as raw bytes. */
const digestBytes = async (algorithm: DigestAlgorithm, data: Uint8Array): Promise<Buffer> =>
  algorithm === 'md4' ? Buffer.from(await md4(data), 'hex') : hash(algorithm, data, 'buffer');

/** The digest of `data` in lowercase hexadecimal, as Python's `hexdigest()`. */
const digestHex = async (algorithm: DigestAlgorithm, data: Uint8Array): Promise<string> =>
  algorithm === 'md4' ? md4(data) : hash(algorithm, data, 'hex');

export type { DigestAlgorithm };
export { DIGEST_SIZE, digestBytes, digestHex };
