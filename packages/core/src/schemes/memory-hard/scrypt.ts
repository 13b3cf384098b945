import { constantTimeEqual } from '../../crypto/constant-time.js';
import { MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import { decodePasslibB64s } from '../../python/python-base64.js';
import { parsePythonBigInt } from '../../python/python-int.js';
import { isAscii } from '../../python/python-text.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { decodeHash64Bytes, decodeHash64Int } from './hash64-fields.js';
import {
  checkScryptPolicy,
  INT_MAX,
  opensslScryptRefusal,
  SCRYPT_MAX_RP,
  type ScryptCost,
  scryptKey,
  scryptMemoryBytes,
} from './scrypt-kdf.js';

const SCRYPT_IDENT = '$scrypt$';
/** The scrypt reference format (Colin Percival's `$7$`), which passlib also reads. */
const SEVEN_IDENT = '$7$';
const CHECKSUM_BYTES = 32;
const MAX_SALT_BYTES = 1024;
const MAX_LOG_N = 31;
/** needsUpdate below passlib 1.7.4's default memory: ln=16, r=8 (64 MiB). */
const PASSLIB_MEMORY_BYTES = 128 * 2 ** 16 * 8;

interface ParsedScrypt extends ScryptCost {
  readonly salt: Uint8Array;
  readonly checksum: Uint8Array;
}

/** What the two formats hold before passlib's checks: exact integers, decoded salt and checksum. */
interface ScryptFields {
  readonly logN: bigint;
  readonly r: bigint;
  readonly p: bigint;
  readonly salt: Uint8Array;
  readonly checksum: Uint8Array;
}

const malformed = (reason: string) => new MalformedHashError('scrypt', reason);

/**
 * `$scrypt$ln=<n>,r=<n>,p=<n>$<salt>$<checksum>`, read as passlib does: the numbers with Python's `int()`,
 * salt and checksum with its lenient base64 (see src/python/).
 */
const parseScryptFields = (suffix: string): ScryptFields => {
  const [settings = '', saltText = '', checksumText, ...rest] = suffix.split('$');
  if (rest.length > 0 || checksumText === undefined) throw malformed('expected $scrypt$ln=…,r=…,p=…$<salt>$<checksum>');
  const [logNField = '', rField = '', pField = '', ...extra] = settings.split(',');
  // passlib asserts these prefixes (AssertionError); any other field list is malformed for it too.
  if (extra.length > 0 || !logNField.startsWith('ln=') || !rField.startsWith('r=') || !pField.startsWith('p=')) {
    throw malformed('expected ln=<n>,r=<n>,p=<n>');
  }
  const [logN, r, p] = [logNField.slice(3), rField.slice(2), pField.slice(2)].map(parsePythonBigInt);
  if (logN === undefined || r === undefined || p === undefined) throw malformed('a cost is not an integer');
  if (!isAscii(saltText) || !isAscii(checksumText)) throw malformed('salt and checksum must be ASCII');
  const salt = decodePasslibB64s(saltText);
  if (salt === undefined) throw malformed('invalid base64 salt');
  if (checksumText === '') throw malformed('the checksum is missing');
  const checksum = decodePasslibB64s(checksumText);
  if (checksum === undefined) throw malformed('invalid base64 checksum');
  return { logN, r, p, salt, checksum };
};

/**
 * `$7$` + log2(N) (1 char) + r (5 chars) + p (5 chars) in little-endian hash64, the salt as literal text,
 * `$`, and the checksum in hash64.
 */
const parseSevenFields = (suffix: string): ScryptFields => {
  if (!isAscii(suffix)) throw malformed('the hash must be ASCII');
  const [params = '', checksumText, ...rest] = suffix.split('$');
  if (rest.length > 0) throw malformed('too many $ fields');
  if (params.length < 11) throw malformed('the parameter field is too short');
  const logN = decodeHash64Int(params.slice(0, 1));
  const r = decodeHash64Int(params.slice(1, 6));
  const p = decodeHash64Int(params.slice(6, 11));
  if (logN === undefined || r === undefined || p === undefined) throw malformed('invalid hash64 parameters');
  if (checksumText === undefined || checksumText === '') throw malformed('the checksum is missing');
  const checksum = decodeHash64Bytes(checksumText);
  if (checksum === undefined) throw malformed('invalid hash64 checksum');
  return { logN: BigInt(logN), r: BigInt(r), p: BigInt(p), salt: Buffer.from(params.slice(11), 'latin1'), checksum };
};

/** passlib's checks on the fields, then hashlib's and OpenSSL's on the cost, all ValueErrors to passlib. */
const checkFields = ({ logN, r, p, salt, checksum }: ScryptFields): ParsedScrypt => {
  if (logN < 1n || logN > BigInt(MAX_LOG_N)) throw malformed('ln must be between 1 and 31');
  if (r < 1n || p < 1n) throw malformed('r and p must be at least 1');
  if (salt.length > MAX_SALT_BYTES) throw malformed('the salt is longer than 1024 bytes');
  if (checksum.length !== CHECKSUM_BYTES) throw malformed('the checksum must be 32 bytes');
  if (r * p > BigInt(SCRYPT_MAX_RP)) throw malformed('r·p must be below 2^30');
  // passlib gives hashlib.scrypt a maxmem of 1.05x OpenSSL's need, which hashlib caps at INT_MAX.
  const n = 1n << logN;
  const maxmem = Math.trunc(Number(r * (128n * p + 128n * (n + 2n))) * 1.05);
  if (maxmem > INT_MAX) throw malformed('the memory needed is above what Python allows');
  const refusal = opensslScryptRefusal(n, r, p, BigInt(maxmem));
  if (refusal !== undefined) throw malformed(refusal);
  return { n: Number(n), r: Number(r), p: Number(p), salt, checksum };
};

const parseScrypt = (hash: string): ParsedScrypt => {
  if (hash.startsWith(SCRYPT_IDENT)) return checkFields(parseScryptFields(hash.slice(SCRYPT_IDENT.length)));
  if (hash.startsWith(SEVEN_IDENT)) return checkFields(parseSevenFields(hash.slice(SEVEN_IDENT.length)));
  throw malformed('expected $scrypt$ or $7$');
};

const scrypt: PasswordHashScheme = {
  name: 'scrypt',
  identify: (hash) => hash.startsWith(SCRYPT_IDENT) || hash.startsWith(SEVEN_IDENT),
  prepare: (hash, context) => {
    const parsed = parseScrypt(hash);
    checkScryptPolicy('scrypt', parsed, context);
    return {
      needsUpdate: scryptMemoryBytes(parsed) < PASSLIB_MEMORY_BYTES,
      verify: async (password) => {
        const key = await scryptKey(utf8(password), parsed.salt, parsed, CHECKSUM_BYTES);
        return constantTimeEqual(key, parsed.checksum);
      },
    };
  },
};

export type { ParsedScrypt };
export { parseScrypt, scrypt };
