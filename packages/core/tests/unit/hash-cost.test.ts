import { readFrameworkVectors, readPasslibVectors } from '@hashbridge/testing';
import { describe, expect, it } from 'vitest';
import {
  type CostPolicy,
  DEFAULT_COST_POLICY,
  describeHashCost,
  type HashCost,
  HashPolicyError,
  identifyHash,
  listSchemes,
  type SchemeName,
} from '../../src/index.js';
import { findScheme } from '../../src/registry.js';

/** Every well-formed hash of the fixtures, once per scheme. */
const madeHashes = (): { scheme: SchemeName; hash: string }[] => {
  const seen = new Map<string, { scheme: SchemeName; hash: string }>();
  for (const { scheme, hash } of [...readPasslibVectors(), ...readFrameworkVectors()]) {
    const name = scheme as SchemeName;
    if (identifyHash(hash, { schemes: [name] }) === name) seen.set(`${name}\0${hash}`, { scheme: name, hash });
  }
  return [...seen.values()];
};

/**
 * How each scheme's own cost policy check (HashPolicyError in `prepare`) measures the cost describeHashCost
 * reports: a policy at exactly that measure admits the hash, one below refuses it. So the figures are the
 * schemes' own, not a second reading of the formats.
 */
const POLICY_MEASURES: readonly [RegExp, (cost: HashCost) => Partial<CostPolicy>, number][] = [
  [/bcrypt/, ({ rounds = 0 }) => ({ bcryptMaxCost: Math.log2(rounds) }), 1],
  [/pbkdf2|^scram$/, ({ rounds = 0 }) => ({ pbkdf2MaxIterations: rounds }), 1],
  [/^(ldap_)?sha(256|512)_crypt$/, ({ rounds = 0 }) => ({ shaCryptMaxRounds: rounds }), 1],
  [
    /^(ldap_)?sha1_crypt$|^sun_md5_crypt$|^phpass$|bsdi_crypt$|^fshp$/,
    ({ rounds = 0 }) => ({ otherMaxIterations: rounds }),
    1,
  ],
  [/argon2/, ({ rounds = 0 }) => ({ argon2MaxTimeCost: rounds }), 1],
  [/argon2/, ({ memoryKiB = 0 }) => ({ argon2MaxMemoryKiB: memoryKiB }), 1],
  [/argon2/, ({ parallelism = 0 }) => ({ argon2MaxParallelism: parallelism }), 1],
  [/scrypt/, ({ memoryKiB = 0, parallelism = 0 }) => ({ scryptMaxMemoryBytes: memoryKiB * 1024 * parallelism }), 1],
];

const UNBOUNDED: CostPolicy = Object.fromEntries(
  Object.keys(DEFAULT_COST_POLICY).map((key) => [key, key.includes('Min') ? 0 : Number.POSITIVE_INFINITY]),
) as unknown as CostPolicy;

const admits = (scheme: SchemeName, hash: string, policy: Partial<CostPolicy>): boolean => {
  try {
    findScheme(scheme)?.prepare(hash, { user: 'user', realm: 'realm', policy: { ...UNBOUNDED, ...policy } });
    return true;
  } catch (error) {
    if (error instanceof HashPolicyError) return false;
    throw error;
  }
};

describe('Function: describeHashCost', () => {
  it.each<[string, string, SchemeName, HashCost]>([
    ['bcrypt: 2^cost', '$2b$12$GhvMmNVjRW29ulnudl.LbuAnUtN/LRfe1JsBm1Xu6LE3059z5Tr8m', 'bcrypt', { rounds: 4096 }],
    [
      'pbkdf2: the iterations',
      '$pbkdf2-sha256$29000$5zxH6J1Tai1lzPn/31vrXQ$OcOdd4tPWr5LFdDaI.MIyinE/WbyhkEAkA2Dfv4IZe4',
      'pbkdf2_sha256',
      { rounds: 29_000 },
    ],
    [
      'Django pbkdf2',
      `pbkdf2_sha256$1000000$${'a'.repeat(22)}$${Buffer.alloc(32).toString('base64')}`,
      'django_pbkdf2_sha256',
      { rounds: 1_000_000 },
    ],
    [
      'argon2: t, m and p',
      `$argon2id$v=19$m=65536,t=3,p=4$${'A'.repeat(22)}$${'A'.repeat(43)}`,
      'argon2',
      { rounds: 3, memoryKiB: 65_536, parallelism: 4 },
    ],
    [
      'scrypt: N, and 128·N·r bytes',
      `$scrypt$ln=16,r=8,p=1$${'A'.repeat(22)}$${'A'.repeat(43)}`,
      'scrypt',
      { rounds: 65_536, memoryKiB: 65_536, parallelism: 1 },
    ],
    [
      'Django scrypt',
      `scrypt$16384$${'a'.repeat(22)}$8$5$${Buffer.alloc(64).toString('base64')}`,
      'django_scrypt',
      { rounds: 16_384, memoryKiB: 16_384, parallelism: 5 },
    ],
    [
      'Werkzeug scrypt',
      `scrypt:32768:8:1$${'a'.repeat(16)}$${'0'.repeat(128)}`,
      'werkzeug_scrypt',
      { rounds: 32_768, memoryKiB: 32_768, parallelism: 1 },
    ],
    [
      'Werkzeug pbkdf2',
      `pbkdf2:sha256:600000$${'a'.repeat(16)}$${'0'.repeat(64)}`,
      'werkzeug_pbkdf2',
      { rounds: 600_000 },
    ],
    [
      'Werkzeug pbkdf2 without a count: its default',
      `pbkdf2:sha256$${'a'.repeat(16)}$${'0'.repeat(64)}`,
      'werkzeug_pbkdf2',
      { rounds: 1_000_000 },
    ],
    ['sha512_crypt with rounds=', `$6$rounds=656000$saltsalt$${'A'.repeat(86)}`, 'sha512_crypt', { rounds: 656_000 }],
    ['sha512_crypt without: 5000', `$6$saltsalt$${'A'.repeat(86)}`, 'sha512_crypt', { rounds: 5000 }],
    ['md5_crypt: always 1000', `$1$saltsalt$${'A'.repeat(22)}`, 'md5_crypt', { rounds: 1000 }],
    ['hex_md5: no work factor', '5f4dcc3b5aa765d61d8327deb882cf99', 'hex_md5', {}],
    ['des_crypt: none either', 'abJnggxhB/yWI', 'des_crypt', {}],
    ['a hash not of the scheme', '$2b$12$short', 'bcrypt', {}],
  ])('reads %s', (_name, hash, scheme, expected) => {
    expect(describeHashCost(hash, scheme)).toEqual(expected);
  });

  it("agrees with each scheme's own cost policy check on every known-answer hash", () => {
    // Prepare
    const hashes = madeHashes();
    let checks = 0;

    for (const { scheme, hash } of hashes) {
      // Act
      const cost = describeHashCost(hash, scheme);

      // Assess
      for (const [schemes, measure, step] of POLICY_MEASURES) {
        if (!schemes.test(scheme)) continue;
        const at = measure(cost);
        const [[key, value = 0]] = Object.entries(at) as [[keyof CostPolicy, number]];
        expect(admits(scheme, hash, at), `${scheme} ${key}=${value}`).toBe(true);
        expect(admits(scheme, hash, { [key]: value - step }), `${scheme} ${key}<${value}`).toBe(false);
        checks++;
      }
    }
    expect(checks).toBeGreaterThan(500);
  });

  it('reports a cost for every scheme that has one, and for no other', () => {
    const withCost = new Set(
      madeHashes()
        .filter(({ scheme, hash }) => describeHashCost(hash, scheme).rounds !== undefined)
        .map(({ scheme }) => scheme),
    );
    const without = listSchemes().filter((scheme) => !withCost.has(scheme));
    expect(without.sort()).toEqual(
      [
        'bigcrypt',
        'bsd_nthash',
        'cisco_asa',
        'cisco_pix',
        'cisco_type7',
        'crypt16',
        'des_crypt',
        'django_des_crypt',
        'django_disabled',
        'django_salted_md5',
        'django_salted_sha1',
        'django_unsalted_md5',
        'django_unsalted_sha1',
        'hex_md4',
        'hex_md5',
        'hex_sha1',
        'hex_sha256',
        'hex_sha512',
        'htdigest',
        'ldap_des_crypt',
        'ldap_hex_md5',
        'ldap_hex_sha1',
        'ldap_md5',
        'ldap_plaintext',
        'ldap_salted_md5',
        'ldap_salted_sha1',
        'ldap_salted_sha256',
        'ldap_salted_sha512',
        'ldap_sha1',
        'lmhash',
        'msdcc',
        'mssql2000',
        'mssql2005',
        'mysql323',
        'mysql41',
        'nthash',
        'oracle10',
        'oracle11',
        'plaintext',
        'postgres_md5',
        'roundup_plaintext',
        'unix_disabled',
      ].sort(),
    );
  });
});
