import { scrypt } from 'node:crypto';
import { HashPolicyError } from '../../errors.js';
import type { SchemeName } from '../../scheme-names.js';
import type { SchemeContext } from '../../types/scheme.js';

/** scrypt's cost: N (a power of two), block size r, parallelism p. Checked by the caller before use. */
interface ScryptCost {
  readonly n: number;
  readonly r: number;
  readonly p: number;
}

/** OpenSSL's `SCRYPT_PR_MAX`, and the C int bound both Python's hashlib and OpenSSL put on byte counts. */
const SCRYPT_MAX_RP = 2 ** 30 - 1;
const INT_MAX = 2 ** 31 - 1;

/**
 * Why OpenSSL's `EVP_PBE_scrypt` (behind both hashlib.scrypt and node:crypto) refuses a cost, given the
 * `maxmem` the caller passes; `undefined` when it accepts. Arguments are exact integers (BigInt), as
 * Python's are: stored hashes can hold any number.
 */
const opensslScryptRefusal = (n: bigint, r: bigint, p: bigint, maxmem: bigint): string | undefined => {
  if (r < 1n || p < 1n || n < 2n || (n & (n - 1n)) !== 0n) return 'N must be a power of 2 above 1, r and p positive';
  if (r * p > BigInt(SCRYPT_MAX_RP)) return 'r·p must be below 2^30';
  if (r <= 3n && n >= 1n << (16n * r)) return 'N must be below 2^(16r)';
  const blockBytes = 128n * r * p;
  if (blockBytes > BigInt(INT_MAX)) return '128·r·p must fit in a C int';
  if (blockBytes + 128n * r * (n + 2n) > maxmem) return 'the memory needed is above maxmem';
  return undefined;
};

/** The policy's measure of a scrypt cost: 128·N·r·p bytes (the memory if all p lanes ran at once). */
const checkScryptPolicy = (scheme: SchemeName, cost: ScryptCost, { policy }: SchemeContext): void => {
  const bytes = 128 * cost.n * cost.r * cost.p;
  if (bytes > policy.scryptMaxMemoryBytes) {
    throw new HashPolicyError(scheme, `128·N·r·p = ${bytes} bytes is above the maximum ${policy.scryptMaxMemoryBytes}`);
  }
};

/** 128·N·r, the memory scrypt allocates: what needsUpdate compares with the defaults of the hash's maker. */
const scryptMemoryBytes = (cost: ScryptCost): number => 128 * cost.n * cost.r;

/**
 * node:crypto's scrypt (OpenSSL, on the libuv thread pool). `maxmem` is exactly what OpenSSL allocates
 * for these parameters (128·r·p + 128·r·(N+2) bytes), so the cost policy checked beforehand is the limit.
 */
const scryptKey = (password: Uint8Array, salt: Uint8Array, cost: ScryptCost, keyLength: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const maxmem = 128 * cost.r * (cost.p + cost.n + 2);
    scrypt(password, salt, keyLength, { N: cost.n, r: cost.r, p: cost.p, maxmem }, (error, key) => {
      if (error === null) resolve(key);
      else reject(error);
    });
  });

export type { ScryptCost };
export { checkScryptPolicy, INT_MAX, opensslScryptRefusal, SCRYPT_MAX_RP, scryptKey, scryptMemoryBytes };
