import { decodeBase64Padded } from '../encoding/base64.js';
import { decodeBcryptBase64 } from '../encoding/hash64.js';
import { utf8 } from '../password.js';
import { decodePasslibAb64 } from '../python/python-base64.js';
import { parsePythonInt } from '../python/python-int.js';
import type { SchemeName } from '../scheme-names.js';
import { parseBcrypt } from '../schemes/bcrypt/bcrypt.js';
import { parseArgon2 } from '../schemes/memory-hard/argon2.js';
import { parseScrypt } from '../schemes/memory-hard/scrypt.js';
import { parseWerkzeugScrypt } from '../schemes/memory-hard/werkzeug-scrypt.js';
import { parseMc3 } from '../schemes/pbkdf2/shared.js';
import { formatCognitoImportHash } from './cognito-hash-format.js';
import { cognitoBoundsViolation } from './cognito-import-bounds.js';
import { malformedReason } from './scheme-probe.js';
import type {
  CognitoHashAlgorithm,
  CognitoImportHashResult,
  CognitoImportParameters,
  NativeImportRefusal,
} from './types.js';

/** One SHA-256 block: the key length Cognito is given for scrypt and PBKDF2-SHA256 (see COGNITO_IMPORT_BOUNDS). */
const KEY_BYTES = 32;

/**
 * scrypt ends with PBKDF2-HMAC-SHA256 (one iteration) and PBKDF2 computes its output one 32-byte block at a
 * time, each block independent of the length asked for: the first 32 bytes of a 64-byte key (Django's,
 * Werkzeug's) are exactly the 32-byte key of the same password, salt and cost.
 */
const firstBlock = (key: Uint8Array): Uint8Array => key.subarray(0, KEY_BYTES);

type Conversion = CognitoImportParameters | NativeImportRefusal;

const notImportable = (detail: string): NativeImportRefusal => ({ reason: 'not-importable', detail });
/** A stored digest its framework compares as text and no key encodes to: it never matches, on any lane. */
const neverMatches = (detail: string): NativeImportRefusal => ({ reason: 'malformed', detail });

/** passlib's bcrypt (and the formats that put a prefix before one): the hash as it is, padding bits cleared. */
const fromBcrypt = (scheme: SchemeName, bcryptHash: string): Conversion => {
  const { ident, cost, salt, checksum } = parseBcrypt(scheme, bcryptHash);
  // passlib repeats a $2$ password to 72 bytes (no trailing NUL): a different key than Cognito's bcrypt uses.
  if (ident === '2') return notImportable("bcrypt's legacy $2$ variant: Cognito takes $2a$, $2b$ and $2y$");
  const hash = decodeBcryptBase64(checksum, 23);
  if (hash === undefined) return neverMatches('invalid bcrypt checksum');
  return { algorithm: 'BCRYPT', ident, cost, salt, hash };
};

/** passlib's `$scrypt$ln=…,r=…,p=…$<b64 salt>$<b64 key>` (and `$7$`), read by the scheme's own parser. */
const fromPasslibScrypt = (hash: string): Conversion => {
  const { n, r, p, salt, checksum } = parseScrypt(hash);
  return { algorithm: 'SCRYPT', n, r, p, salt, hash: checksum };
};

/** Django's `scrypt$<N>$<salt text>$<r>$<p>$<base64 of 64 bytes>`: the salt is used as its UTF-8 bytes. */
const fromDjangoScrypt = (hash: string): Conversion => {
  // Exact identification has checked the fields: six of them, canonical numbers, an 88-character key.
  const [, n = '', salt = '', r = '', p = '', digest = ''] = hash.split('$');
  const key = decodeBase64Padded(digest);
  // Django compares the re-encoded string: a key with stray padding bits matches no password.
  if (key === undefined || key.toString('base64') !== digest)
    return neverMatches('the key is not base64 Django writes');
  return { algorithm: 'SCRYPT', n: Number(n), r: Number(r), p: Number(p), salt: utf8(salt), hash: firstBlock(key) };
};

/** Werkzeug's `scrypt:<n>:<r>:<p>$<salt text>$<hex of 64 bytes>`. */
const fromWerkzeugScrypt = (hash: string): Conversion => {
  const parsed = parseWerkzeugScrypt(hash);
  if (parsed === undefined) return neverMatches('not a Werkzeug scrypt hash');
  const { n, r, p, salt, hexDigest } = parsed;
  return { algorithm: 'SCRYPT', n, r, p, salt, hash: firstBlock(Buffer.from(hexDigest, 'hex')) };
};

/** passlib's argon2 (any type, v=16 or 19): only argon2id v=19 is what Cognito's ARGON2ID runs. */
const fromArgon2 = (scheme: SchemeName, argon2Hash: string): Conversion => {
  const { type, version, memoryCost, timeCost, parallelism, salt, checksum } = parseArgon2(scheme, argon2Hash);
  if (type !== 'id') return notImportable(`argon2${type}: Cognito takes argon2id only`);
  // 1.0 (v=16) fills memory differently: rewriting it as v=19 would change the hash, not its spelling.
  if (version !== 0x13) {
    return notImportable(`argon2 version ${version === 0x10 ? '1.0 (v=16)' : version}: Cognito takes v=19 only`);
  }
  return { algorithm: 'ARGON2ID', version: 19, memoryKiB: memoryCost, timeCost, parallelism, salt, hash: checksum };
};

/** passlib's `$pbkdf2-sha256$<rounds>$<ab64 salt>$<ab64 key>` (or LDAP's `{PBKDF2-SHA256}`), bytes as passlib reads them. */
const fromPasslibPbkdf2 = (scheme: SchemeName, hash: string, prefix: string): Conversion => {
  const { rounds, salt, checksum } = parseMc3(scheme, hash, prefix);
  const saltBytes = decodePasslibAb64(salt);
  const key = checksum === undefined ? undefined : decodePasslibAb64(checksum);
  if (saltBytes === undefined || key === undefined) return neverMatches('invalid ab64 salt or key');
  return { algorithm: 'PBKDF2_SHA256', iterations: rounds, salt: saltBytes, hash: key };
};

/** Django's `pbkdf2_sha256$<iterations>$<salt text>$<padded base64>`: the salt is used as its UTF-8 bytes. */
const fromDjangoPbkdf2 = (hash: string): Conversion => {
  const { rounds, salt, checksum = '' } = parseMc3('django_pbkdf2_sha256', hash, 'pbkdf2_sha256$');
  const key = decodeBase64Padded(checksum);
  // Django (and passlib) compare the base64 text: a misplaced `=` or stray padding bits match no password.
  if (key === undefined || key.toString('base64') !== checksum)
    return neverMatches('the key is not base64 Django writes');
  return { algorithm: 'PBKDF2_SHA256', iterations: rounds, salt: utf8(salt), hash: key };
};

/** OpenSSL's names for SHA-256 as hashlib takes them (ASCII letters in either case), per werkzeug.ts. */
const SHA256_NAMES: ReadonlySet<string> = new Set(['sha256', 'sha-256', 'sha2-256', '2.16.840.1.101.3.4.2.1']);
/** Werkzeug 3.1's iterations for `pbkdf2:sha256` without a number, as the werkzeug_pbkdf2 scheme reads it. */
const WERKZEUG_DEFAULT_ITERATIONS = 1_000_000;

/** Werkzeug's `pbkdf2:<digest>:<iterations>$<salt text>$<hex>`: the salt is used as its UTF-8 bytes. */
const fromWerkzeugPbkdf2 = (hash: string): Conversion => {
  const [method = '', salt = '', ...rest] = hash.split('$');
  const [, digest = 'sha256', iterationsText] = method.split(':');
  if (!SHA256_NAMES.has(digest.replace(/[A-Z]/g, (letter) => letter.toLowerCase()))) {
    return notImportable('Werkzeug PBKDF2 over another digest than SHA-256');
  }
  const iterations = iterationsText === undefined ? WERKZEUG_DEFAULT_ITERATIONS : parsePythonInt(iterationsText, 10);
  if (iterations === undefined) return neverMatches('invalid iterations');
  return { algorithm: 'PBKDF2_SHA256', iterations, salt: utf8(salt), hash: Buffer.from(rest.join('$'), 'hex') };
};

/** Which schemes can go to Cognito's import, and as which algorithm. Every other scheme needs the trigger. */
const COGNITO_IMPORTABLE_SCHEMES: Readonly<Partial<Record<SchemeName, CognitoHashAlgorithm>>> = Object.freeze({
  bcrypt: 'BCRYPT',
  django_bcrypt: 'BCRYPT',
  ldap_bcrypt: 'BCRYPT',
  scrypt: 'SCRYPT',
  django_scrypt: 'SCRYPT',
  werkzeug_scrypt: 'SCRYPT',
  argon2: 'ARGON2ID',
  django_argon2: 'ARGON2ID',
  pbkdf2_sha256: 'PBKDF2_SHA256',
  ldap_pbkdf2_sha256: 'PBKDF2_SHA256',
  django_pbkdf2_sha256: 'PBKDF2_SHA256',
  werkzeug_pbkdf2: 'PBKDF2_SHA256',
});

/** The conversion of each importable scheme; each is given a hash exact identification has found well-formed. */
const CONVERSIONS: Readonly<Partial<Record<SchemeName, (hash: string) => Conversion>>> = {
  bcrypt: (hash) => fromBcrypt('bcrypt', hash),
  django_bcrypt: (hash) => fromBcrypt('django_bcrypt', hash.slice('bcrypt$'.length)),
  ldap_bcrypt: (hash) => fromBcrypt('ldap_bcrypt', hash.slice('{CRYPT}'.length)),
  scrypt: fromPasslibScrypt,
  django_scrypt: fromDjangoScrypt,
  werkzeug_scrypt: fromWerkzeugScrypt,
  argon2: (hash) => fromArgon2('argon2', hash),
  django_argon2: (hash) => fromArgon2('django_argon2', hash.slice('argon2'.length)),
  pbkdf2_sha256: (hash) => fromPasslibPbkdf2('pbkdf2_sha256', hash, '$pbkdf2-sha256$'),
  ldap_pbkdf2_sha256: (hash) => fromPasslibPbkdf2('ldap_pbkdf2_sha256', hash, '{PBKDF2-SHA256}'),
  django_pbkdf2_sha256: fromDjangoPbkdf2,
  werkzeug_pbkdf2: fromWerkzeugPbkdf2,
};

/**
 * Rewrites a legacy hash as the value of the password hash column of a Cognito import CSV, with the
 * `PasswordHashingAlgorithm` of the job it belongs in, when Cognito can take it as it is: the same
 * algorithm over the same password bytes, salt and cost, so Cognito accepts exactly the passwords passlib
 * (or Django, or Werkzeug) accepts. Otherwise it says why not: `not-importable` (a scheme or variant
 * Cognito does not run, such as sha512_crypt, argon2i or bcrypt's `$2$`), `outside-cognito-bounds`
 * (`COGNITO_IMPORT_BOUNDS`), or `malformed` (not a well-formed hash of `scheme`, or one no password matches).
 * The detail never holds the hash or its salt. Nothing is hashed.
 *
 * The SCRYPT and PBKDF2_SHA256 string forms are assumptions to confirm against the current Cognito guide
 * (see cognito-hash-format.ts).
 *
 * @example
 * ```ts
 * import { toCognitoImportHash } from '@hashbridge/core';
 * toCognitoImportHash('pbkdf2_sha256$600000$<salt>$<base64>', 'django_pbkdf2_sha256');
 * // { ok: true, algorithm: 'PBKDF2_SHA256', passwordHash: '$pbkdf2-sha256$600000$<base64 salt>$<base64 key>' }
 * ```
 */
const toCognitoImportHash = (hash: string, scheme: SchemeName): CognitoImportHashResult => {
  if (typeof hash !== 'string') return { ok: false, reason: 'malformed', detail: 'the hash must be a string' };
  const malformed = malformedReason(scheme, hash);
  if (malformed !== undefined) return { ok: false, reason: 'malformed', detail: malformed };
  const convert = CONVERSIONS[scheme];
  if (convert === undefined) return { ok: false, ...notImportable(`Cognito imports no ${scheme} hashes`) };
  const conversion = convert(hash);
  if ('reason' in conversion) return { ok: false, ...conversion };
  const violation = cognitoBoundsViolation(conversion);
  if (violation !== undefined) return { ok: false, reason: 'outside-cognito-bounds', detail: violation };
  return { ok: true, algorithm: conversion.algorithm, passwordHash: formatCognitoImportHash(conversion) };
};

export { COGNITO_IMPORTABLE_SCHEMES, toCognitoImportHash };
