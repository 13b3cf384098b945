/**
 * Hashes made and checked without @hashbridge/core: node:crypto, @node-rs/bcrypt, @node-rs/argon2 and bcryptjs.
 * `legacy` builds each scheme's string as passlib, Django or Werkzeug writes it; `verifyAsCognito` checks a
 * password against a Cognito import hash the way a Cognito-side verifier would, from the parameters
 * `readCognitoImportHash` reads, so a conversion that changed the hash would be caught here.
 */
import { pbkdf2Sync, scryptSync } from 'node:crypto';
import { hashSync as argon2HashSync, verify as argon2Verify } from '@node-rs/argon2';
import { hashSync as bcryptHashSync } from '@node-rs/bcrypt';
import bcryptjs from 'bcryptjs';
import { type CognitoHashAlgorithm, readCognitoImportHash } from '../../../src/index.js';

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64').replace(/=+$/, '');
/** passlib's "adapted base64": `.` for `+`, no padding. */
const ab64 = (bytes: Uint8Array): string => b64(bytes).replaceAll('+', '.');
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** scrypt's memory, 128·N·r·(p + 2) bytes and a margin: node:crypto refuses above 32 MiB unless told. */
const maxmem = (n: number, r: number, p: number): number => 128 * r * (n + p + 2) + 1024 * 1024;

interface ScryptCost {
  readonly n: number;
  readonly r: number;
  readonly p: number;
}

interface Argon2Cost {
  readonly memoryKiB: number;
  readonly timeCost: number;
  readonly parallelism: number;
  readonly outputLength: number;
}

/** Legacy hashes as their makers write them. Text salts (Django, Werkzeug) are used as their UTF-8 bytes. */
const legacy = {
  bcrypt: (password: string, salt: Uint8Array, cost: number, version: '2a' | '2b' | '2y' = '2b'): string =>
    bcryptHashSync(password, { salt, cost, version }),
  pbkdf2Sha256: (password: string, salt: Uint8Array, rounds: number): string =>
    `$pbkdf2-sha256$${rounds}$${ab64(salt)}$${ab64(pbkdf2Sync(password, salt, rounds, 32, 'sha256'))}`,
  djangoPbkdf2Sha256: (password: string, salt: string, iterations: number): string =>
    `pbkdf2_sha256$${iterations}$${salt}$${pbkdf2Sync(password, salt, iterations, 32, 'sha256').toString('base64')}`,
  werkzeugPbkdf2: (password: string, salt: string, iterations: number): string =>
    `pbkdf2:sha256:${iterations}$${salt}$${hex(pbkdf2Sync(password, salt, iterations, 32, 'sha256'))}`,
  scrypt: (password: string, salt: Uint8Array, { n, r, p }: ScryptCost): string => {
    const key = scryptSync(password, salt, 32, { N: n, r, p, maxmem: maxmem(n, r, p) });
    return `$scrypt$ln=${Math.log2(n)},r=${r},p=${p}$${b64(salt)}$${b64(key)}`;
  },
  djangoScrypt: (password: string, salt: string, { n, r, p }: ScryptCost): string => {
    const key = scryptSync(password, salt, 64, { N: n, r, p, maxmem: maxmem(n, r, p) });
    return `scrypt$${n}$${salt}$${r}$${p}$${key.toString('base64')}`;
  },
  werkzeugScrypt: (password: string, salt: string, { n, r, p }: ScryptCost): string => {
    const key = scryptSync(password, salt, 64, { N: n, r, p, maxmem: maxmem(n, r, p) });
    return `scrypt:${n}:${r}:${p}$${salt}$${hex(key)}`;
  },
  /** argon2-cffi's PHC string, which passlib stores as it is. */
  argon2id: (password: string, salt: Uint8Array, cost: Argon2Cost): string =>
    argon2HashSync(password, {
      algorithm: 2, // Argon2id
      version: 1, // 0x13
      memoryCost: cost.memoryKiB,
      timeCost: cost.timeCost,
      parallelism: cost.parallelism,
      outputLen: cost.outputLength,
      salt,
    }),
};

/** Whether `password` matches a Cognito import hash, checked by libraries and primitives core does not use. */
const verifyAsCognito = async (
  algorithm: CognitoHashAlgorithm,
  passwordHash: string,
  password: string,
): Promise<boolean> => {
  const parameters = readCognitoImportHash(algorithm, passwordHash);
  switch (parameters.algorithm) {
    case 'BCRYPT':
      return bcryptjs.compare(password, passwordHash);
    case 'ARGON2ID':
      return argon2Verify(passwordHash, password);
    case 'SCRYPT': {
      const { n, r, p, salt, hash } = parameters;
      return scryptSync(password, salt, hash.length, { N: n, r, p, maxmem: maxmem(n, r, p) }).equals(hash);
    }
    case 'PBKDF2_SHA256': {
      const { iterations, salt, hash } = parameters;
      return pbkdf2Sync(password, salt, iterations, hash.length, 'sha256').equals(hash);
    }
  }
};

export { legacy, verifyAsCognito };
