import { decodeBase64Unpadded } from '../encoding/base64.js';
import { decodeBcryptBase64 } from '../encoding/hash64.js';
import { MalformedHashError } from '../errors.js';
import { formatCognitoImportHash } from './cognito-hash-format.js';
import { cognitoBoundsViolation } from './cognito-import-bounds.js';
import type { CognitoHashAlgorithm, CognitoImportParameters } from './types.js';

const BCRYPT_FORM = /^\$(2a|2b|2y)\$(\d{2})\$([./A-Za-z0-9]{22})([./A-Za-z0-9]{31})$/;
const SCRYPT_FORM = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,10}),p=(\d{1,10})\$((?:[0-9a-f]{2})+)\$((?:[0-9a-f]{2})+)$/;
const ARGON2ID_FORM = /^\$argon2id\$v=19\$m=(\d{1,10}),t=(\d{1,10}),p=(\d{1,10})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;
const PBKDF2_SHA256_FORM = /^\$pbkdf2-sha256\$(\d{1,10})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/** The fields of `form`, or a MalformedHashError naming the expected form. */
const fieldsOf = (algorithm: CognitoHashAlgorithm, form: RegExp, text: string, expected: string): string[] => {
  const match = form.exec(text);
  if (match === null) throw new MalformedHashError(`Cognito ${algorithm}`, `expected ${expected}`);
  return match.slice(1).map((field) => field ?? '');
};

/** The bytes, always as a Buffer, whichever decoder read them. */
const bytesOf = (algorithm: CognitoHashAlgorithm, bytes: Uint8Array | undefined): Buffer => {
  if (bytes === undefined) throw new MalformedHashError(`Cognito ${algorithm}`, 'invalid encoding of the salt or hash');
  return Buffer.from(bytes);
};

/** The parameters a string claims, before any check of their values. */
const parseParameters = (algorithm: CognitoHashAlgorithm, passwordHash: string): CognitoImportParameters => {
  switch (algorithm) {
    case 'BCRYPT': {
      const [ident, cost, salt = '', hash = ''] = fieldsOf(
        algorithm,
        BCRYPT_FORM,
        passwordHash,
        '$2b$<cost>$<22 salt chars><31 hash chars>',
      );
      return {
        algorithm,
        ident: ident as '2a' | '2b' | '2y',
        cost: Number(cost),
        salt: bytesOf(algorithm, decodeBcryptBase64(salt, 16)),
        hash: bytesOf(algorithm, decodeBcryptBase64(hash, 23)),
      };
    }
    case 'SCRYPT': {
      const [logN, r, p, salt = '', hash = ''] = fieldsOf(
        algorithm,
        SCRYPT_FORM,
        passwordHash,
        '$scrypt$ln=<log2 N>,r=<r>,p=<p>$<hex salt>$<hex hash>',
      );
      return {
        algorithm,
        n: 2 ** Number(logN),
        r: Number(r),
        p: Number(p),
        salt: bytesOf(algorithm, Buffer.from(salt, 'hex')),
        hash: bytesOf(algorithm, Buffer.from(hash, 'hex')),
      };
    }
    case 'ARGON2ID': {
      const [m, t, p, salt = '', hash = ''] = fieldsOf(
        algorithm,
        ARGON2ID_FORM,
        passwordHash,
        '$argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<base64 salt>$<base64 hash>',
      );
      return {
        algorithm,
        version: 19,
        memoryKiB: Number(m),
        timeCost: Number(t),
        parallelism: Number(p),
        salt: bytesOf(algorithm, decodeBase64Unpadded(salt)),
        hash: bytesOf(algorithm, decodeBase64Unpadded(hash)),
      };
    }
    case 'PBKDF2_SHA256': {
      const [iterations, salt = '', hash = ''] = fieldsOf(
        algorithm,
        PBKDF2_SHA256_FORM,
        passwordHash,
        '$pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>',
      );
      return {
        algorithm,
        iterations: Number(iterations),
        salt: bytesOf(algorithm, decodeBase64Unpadded(salt)),
        hash: bytesOf(algorithm, decodeBase64Unpadded(hash)),
      };
    }
    default:
      throw new MalformedHashError(`Cognito ${String(algorithm)}`, 'not a Cognito password hashing algorithm');
  }
};

/** What the algorithm itself cannot run with, whatever Cognito's limits. */
const invalidParameter = (parameters: CognitoImportParameters): string | undefined => {
  switch (parameters.algorithm) {
    case 'BCRYPT':
      return undefined;
    case 'SCRYPT':
      return parameters.n < 2 || parameters.r < 1 || parameters.p < 1
        ? 'N must be 2 or more, r and p 1 or more'
        : undefined;
    case 'ARGON2ID':
      return parameters.timeCost < 1 || parameters.parallelism < 1 || parameters.memoryKiB < 8 * parameters.parallelism
        ? 't and p must be 1 or more, m at least 8p'
        : undefined;
    case 'PBKDF2_SHA256':
      return parameters.iterations < 1 ? 'the iterations must be 1 or more' : undefined;
  }
};

/**
 * Reads a value of the password hash column of a Cognito import CSV back into its parameters: the inverse of
 * `toCognitoImportHash`, to check a written row. It accepts exactly the strings `toCognitoImportHash` writes:
 * the algorithm's form (see cognito-hash-format.ts), numbers and encodings written canonically, and
 * parameters within `COGNITO_IMPORT_BOUNDS`; anything else throws `MalformedHashError` (scheme
 * `Cognito <algorithm>`), whose message says what is wrong and never holds the hash.
 *
 * @example
 * ```ts
 * import { readCognitoImportHash } from '@hashbridge/core';
 * const { iterations, salt, hash } = readCognitoImportHash('PBKDF2_SHA256', row.passwordHash);
 * ```
 */
const readCognitoImportHash = (algorithm: CognitoHashAlgorithm, passwordHash: string): CognitoImportParameters => {
  if (typeof passwordHash !== 'string')
    throw new MalformedHashError(`Cognito ${algorithm}`, 'the hash must be a string');
  const parameters = parseParameters(algorithm, passwordHash);
  const invalid = invalidParameter(parameters);
  if (invalid !== undefined) throw new MalformedHashError(`Cognito ${algorithm}`, invalid);
  const violation = cognitoBoundsViolation(parameters);
  if (violation !== undefined)
    throw new MalformedHashError(`Cognito ${algorithm}`, `outside Cognito's bounds: ${violation}`);
  // Zero-padded numbers, uppercase hex or set padding bits: not what we write, so not what we vouch for.
  if (formatCognitoImportHash(parameters) !== passwordHash) {
    throw new MalformedHashError(`Cognito ${algorithm}`, 'not in canonical form');
  }
  return parameters;
};

export { readCognitoImportHash };
