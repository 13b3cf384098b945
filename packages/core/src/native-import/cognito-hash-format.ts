import { encodeBase64Unpadded } from '../encoding/base64.js';
import { encodeBcryptBase64 } from '../encoding/hash64.js';
import type {
  Argon2idImportParameters,
  BcryptImportParameters,
  CognitoImportParameters,
  Pbkdf2Sha256ImportParameters,
  ScryptImportParameters,
} from './types.js';

/*
 * The strings written to the password hash column of a Cognito import CSV, one function per algorithm, so
 * each form is decided in one place. bcrypt's and Argon2id's are the standard modular-crypt and PHC strings.
 * The SCRYPT and PBKDF2_SHA256 forms are ASSUMPTIONS (the forms reported for the feature, not confirmed in a
 * current page of the Cognito guide): confirm them there before a production import.
 */

/** `$2b$12$<22 salt chars><31 hash chars>`, bcrypt's own base64; padding bits always clear. */
const formatBcrypt = ({ ident, cost, salt, hash }: BcryptImportParameters): string =>
  `$${ident}$${String(cost).padStart(2, '0')}$${encodeBcryptBase64(salt)}${encodeBcryptBase64(hash)}`;

/** ASSUMED: `$scrypt$ln=<log2 N>,r=<r>,p=<p>$<hex salt>$<hex hash>`, lowercase hex. */
const formatScrypt = ({ n, r, p, salt, hash }: ScryptImportParameters): string =>
  `$scrypt$ln=${Math.log2(n)},r=${r},p=${p}$${Buffer.from(salt).toString('hex')}$${Buffer.from(hash).toString('hex')}`;

/** The PHC string: `$argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>`, standard base64 without padding. */
const formatArgon2id = ({ memoryKiB, timeCost, parallelism, salt, hash }: Argon2idImportParameters): string =>
  `$argon2id$v=19$m=${memoryKiB},t=${timeCost},p=${parallelism}$${encodeBase64Unpadded(salt)}$${encodeBase64Unpadded(hash)}`;

/** ASSUMED: `$pbkdf2-sha256$<iterations>$<salt>$<hash>`, standard base64 (`+`, not passlib's `.`) without padding. */
const formatPbkdf2Sha256 = ({ iterations, salt, hash }: Pbkdf2Sha256ImportParameters): string =>
  `$pbkdf2-sha256$${iterations}$${encodeBase64Unpadded(salt)}$${encodeBase64Unpadded(hash)}`;

/** The password hash column's value for `parameters`, in the form of its algorithm. */
const formatCognitoImportHash = (parameters: CognitoImportParameters): string => {
  switch (parameters.algorithm) {
    case 'BCRYPT':
      return formatBcrypt(parameters);
    case 'SCRYPT':
      return formatScrypt(parameters);
    case 'ARGON2ID':
      return formatArgon2id(parameters);
    case 'PBKDF2_SHA256':
      return formatPbkdf2Sha256(parameters);
  }
};

export { formatCognitoImportHash };
