import { hash64CharValue } from './encoding/hash64.js';
import { identifyHash } from './identify-hash.js';
import { parsePythonInt } from './python/python-int.js';
import type { SchemeName } from './scheme-names.js';
import { parseBcrypt } from './schemes/bcrypt/bcrypt.js';
import { parseFshp } from './schemes/digest/fshp.js';
import { parseArgon2 } from './schemes/memory-hard/argon2.js';
import { parseScrypt } from './schemes/memory-hard/scrypt.js';
import { parseWerkzeugScrypt } from './schemes/memory-hard/werkzeug-scrypt.js';
import { parseMc3 } from './schemes/pbkdf2/shared.js';

/**
 * The work a stored hash asks of a verifier, for an audit's "cost parameters seen". `rounds` is the
 * iteration count the scheme runs (bcrypt 2^cost, PBKDF2 iterations, sha-crypt rounds, scrypt N, argon2 t);
 * `memoryKiB` what argon2 (m) and scrypt (128·N·r bytes) allocate; `parallelism` their p.
 */
interface HashCost {
  readonly rounds?: number;
  readonly memoryKiB?: number;
  readonly parallelism?: number;
}

type CostReader = (hash: string) => HashCost;

const bcryptCost =
  (scheme: SchemeName, prefix = ''): CostReader =>
  (hash) => ({ rounds: 2 ** parseBcrypt(scheme, hash.slice(prefix.length)).cost });

const mc3Rounds =
  (scheme: SchemeName, prefix: string, options?: Parameters<typeof parseMc3>[3]): CostReader =>
  (hash) => ({ rounds: parseMc3(scheme, hash, prefix, options).rounds });

const fixedRounds =
  (rounds: number): CostReader =>
  () => ({ rounds });

/** A Python int() field captured by `pattern`, or `fallback` when the pattern does not match. */
const fieldRounds =
  (pattern: RegExp, fallback?: number): CostReader =>
  (hash) => {
    const text = pattern.exec(hash)?.[1];
    const rounds = text === undefined ? fallback : parsePythonInt(text);
    return rounds === undefined ? {} : { rounds };
  };

const argon2Cost =
  (scheme: SchemeName, prefix = ''): CostReader =>
  (hash) => {
    const { timeCost, memoryCost, parallelism } = parseArgon2(scheme, hash.slice(prefix.length));
    return { rounds: timeCost, memoryKiB: memoryCost, parallelism };
  };

const scryptCost = (n: number, r: number, p: number): HashCost => ({
  rounds: n,
  memoryKiB: (128 * n * r) / 1024,
  parallelism: p,
});

/** bsdi_crypt's rounds: 4 hash64 characters after `_`, least significant first. */
const bsdiRounds =
  (prefix: string): CostReader =>
  (hash) => {
    let rounds = 0;
    for (const char of [...hash.slice(prefix.length + 1, prefix.length + 5)].reverse()) {
      rounds = rounds * 64 + hash64CharValue(char);
    }
    return { rounds };
  };

/** Werkzeug 3.1's iterations for `pbkdf2[:sha256]` without a number, as the werkzeug_pbkdf2 scheme reads it. */
const WERKZEUG_DEFAULT_ITERATIONS = 1_000_000;
/** sha256_crypt and sha512_crypt without `rounds=`. */
const SHA_CRYPT_IMPLICIT_ROUNDS = 5_000;
/** sun_md5_crypt runs this many rounds on top of the ones it names. */
const SUN_MD5_BASE_ROUNDS = 4_096;

/**
 * How each scheme with a work factor records it. Schemes with a fixed one (md5_crypt's 1000, Atlassian's
 * 10,000, msdcc2's 10,240) report that; single digests and the DES crypt family report nothing. Each
 * reader is given a hash exact identification has found well-formed for its scheme.
 */
const COST_READERS: Readonly<Partial<Record<SchemeName, CostReader>>> = {
  bcrypt: bcryptCost('bcrypt'),
  django_bcrypt: bcryptCost('django_bcrypt', 'bcrypt$'),
  ldap_bcrypt: bcryptCost('ldap_bcrypt', '{CRYPT}'),
  django_bcrypt_sha256: bcryptCost('django_bcrypt_sha256', 'bcrypt_sha256$'),
  wordpress_bcrypt: bcryptCost('wordpress_bcrypt', '$wp'),
  bcrypt_sha256: (hash) => {
    const cost = /^\$bcrypt-sha256\$(?:v=\d+,t=2b,r=|2[ab],)(\d{1,2})\$/.exec(hash)?.[1];
    return cost === undefined ? {} : { rounds: 2 ** Number(cost) };
  },
  pbkdf2_sha1: mc3Rounds('pbkdf2_sha1', '$pbkdf2$'),
  pbkdf2_sha256: mc3Rounds('pbkdf2_sha256', '$pbkdf2-sha256$'),
  pbkdf2_sha512: mc3Rounds('pbkdf2_sha512', '$pbkdf2-sha512$'),
  ldap_pbkdf2_sha1: mc3Rounds('ldap_pbkdf2_sha1', '{PBKDF2}'),
  ldap_pbkdf2_sha256: mc3Rounds('ldap_pbkdf2_sha256', '{PBKDF2-SHA256}'),
  ldap_pbkdf2_sha512: mc3Rounds('ldap_pbkdf2_sha512', '{PBKDF2-SHA512}'),
  django_pbkdf2_sha1: mc3Rounds('django_pbkdf2_sha1', 'pbkdf2_sha1$'),
  django_pbkdf2_sha256: mc3Rounds('django_pbkdf2_sha256', 'pbkdf2_sha256$'),
  cta_pbkdf2_sha1: mc3Rounds('cta_pbkdf2_sha1', '$p5k2$', { base: 16 }),
  dlitz_pbkdf2_sha1: mc3Rounds('dlitz_pbkdf2_sha1', '$p5k2$', { base: 16, defaultRounds: 400 }),
  grub_pbkdf2_sha512: mc3Rounds('grub_pbkdf2_sha512', 'grub.pbkdf2.sha512.', { separator: '.' }),
  scram: fieldRounds(/^\$scram\$([^$]*)\$/),
  atlassian_pbkdf2_sha1: fixedRounds(10_000),
  msdcc2: fixedRounds(10_240),
  werkzeug_pbkdf2: fieldRounds(/^pbkdf2:[^:$]*:([^:$]*)\$/, WERKZEUG_DEFAULT_ITERATIONS),
  sha256_crypt: fieldRounds(/^\$5\$rounds=([^$]*)\$/, SHA_CRYPT_IMPLICIT_ROUNDS),
  sha512_crypt: fieldRounds(/^\$6\$rounds=([^$]*)\$/, SHA_CRYPT_IMPLICIT_ROUNDS),
  ldap_sha256_crypt: fieldRounds(/^\{CRYPT\}\$5\$rounds=([^$]*)\$/, SHA_CRYPT_IMPLICIT_ROUNDS),
  ldap_sha512_crypt: fieldRounds(/^\{CRYPT\}\$6\$rounds=([^$]*)\$/, SHA_CRYPT_IMPLICIT_ROUNDS),
  sha1_crypt: fieldRounds(/^\$sha1\$([^$]*)\$/),
  ldap_sha1_crypt: fieldRounds(/^\{CRYPT\}\$sha1\$([^$]*)\$/),
  sun_md5_crypt: (hash) => ({ rounds: SUN_MD5_BASE_ROUNDS + Number(/^\$md5,rounds=(\d+)\$/.exec(hash)?.[1] ?? 0) }),
  md5_crypt: fixedRounds(1_000),
  apr_md5_crypt: fixedRounds(1_000),
  ldap_md5_crypt: fixedRounds(1_000),
  phpass: (hash) => ({ rounds: 2 ** hash64CharValue(hash.charAt(3)) }),
  bsdi_crypt: bsdiRounds(''),
  ldap_bsdi_crypt: bsdiRounds('{CRYPT}'),
  fshp: (hash) => ({ rounds: parseFshp(hash).rounds }),
  argon2: argon2Cost('argon2'),
  django_argon2: argon2Cost('django_argon2', 'argon2'),
  scrypt: (hash) => {
    const { n, r, p } = parseScrypt(hash);
    return scryptCost(n, r, p);
  },
  // Exact identification has checked Django's six fields and their canonical numbers.
  django_scrypt: (hash) => {
    const [, n, , r, p] = hash.split('$').map(Number);
    return scryptCost(n ?? 0, r ?? 0, p ?? 0);
  },
  werkzeug_scrypt: (hash) => {
    const parsed = parseWerkzeugScrypt(hash);
    return parsed === undefined ? {} : scryptCost(parsed.n, parsed.r, parsed.p);
  },
};

/**
 * The cost parameters of a stored hash of `scheme`: `{}` for a scheme without a work factor, or a hash that
 * is not a well-formed hash of `scheme`. Parses only; nothing is hashed.
 *
 * @example
 * ```ts
 * import { describeHashCost } from '@hashbridge/core';
 * describeHashCost('$argon2id$v=19$m=65536,t=3,p=4$…', 'argon2'); // { rounds: 3, memoryKiB: 65536, parallelism: 4 }
 * ```
 */
const describeHashCost = (hash: string, scheme: SchemeName): HashCost => {
  const read = COST_READERS[scheme];
  if (read === undefined || typeof hash !== 'string' || identifyHash(hash, { schemes: [scheme] }) !== scheme) return {};
  return read(hash);
};

export type { HashCost };
export { describeHashCost };
