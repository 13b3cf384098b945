import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_POLICY } from '../../../../src/constants.js';
import { encodeTransposedHash64 } from '../../../../src/encoding/hash64.js';
import {
  HashPolicyError,
  identifyHash,
  MalformedHashError,
  PasswordValueError,
  verifyPassword,
} from '../../../../src/index.js';
import { shaCryptDigest } from '../../../../src/schemes/crypt/sha-crypt-digest.js';
import { sha256Crypt, sha512Crypt } from '../../../../src/schemes/crypt/sha2-crypt.js';

const UNICODE = 'Zoë ☃ 密码 😀';
/** 175 UTF-8 bytes: messages of several blocks, and odd rounds whose fixed bytes fill whole blocks. */
const LONG = `correct horse battery staple, then a much longer tail: ${'é'.repeat(40)}${'😀'.repeat(10)}`;

/** Made with passlib 1.7.4: `sha256_crypt.using(salt=…, rounds=…).hash(password)`; the last from Drepper's specification. */
const SHA256_KNOWN = [
  { password: 'correct horse', hash: '$5$rounds=1000$hbSha256Salt0123$C4aJ6vEuCRbtzl3nVRqhmg4icjtsAkGqMvfyXCvL3I4' },
  { password: UNICODE, hash: '$5$rounds=1000$hbSha256Salt0123$fUc8KYxCn638xGbgc30aKSw.Ao5zrW6ncFCm.nyU3Q9' },
  { password: '', hash: '$5$rounds=1000$hbSha256Salt0123$8VJkRIhCzmK9DdpwHi7VpX55YO3P4votlF9DD62WHX1' },
  { password: 'correct horse', hash: '$5$hb5$UE2TWGNm8XIaErp2Fj3tWBHk9DH7eVSjRFyJ1qMPqx4' },
  { password: UNICODE, hash: '$5$hb5$AQrSnpWA3lfLqSzlElQgKAs7kI3G1ChNNhIy.Uyr7Y6' },
  { password: '', hash: '$5$hb5$nUtewrCA5usYSbWJiG1vsLhReMDkioKN6nsD.84EXB6' },
  { password: 'Hello world!', hash: '$5$rounds=10000$saltstringsaltst$3xv.VbSHBb41AL9AvLeujZkZRBAwqFMz2.opqey6IcA' },
  { password: LONG, hash: '$5$rounds=1000$hbLong$3RRqANmh0hI6BzyroCvRYHIaa2FzkICcI/j8SvrHjoC' },
];

const SHA512_KNOWN = [
  {
    password: 'correct horse',
    hash: '$6$rounds=1000$hbSha512Salt0123$M5tbHz3AKHBsZPhwtOJd81AunYndnaixMU.d2zRAlvp5ilsVGjdU8HKTIS2Gb1oXUQJujdzrJSYAKnyCL2tIF.',
  },
  {
    password: UNICODE,
    hash: '$6$rounds=1000$hbSha512Salt0123$h0.ZJDgk1QZ62n0Q3XnW2oz1w8oY2EI.pYl7zmIhhiu5mFc5ZBS.ii5XOZjYD5oLnzrZavINHhl6H9CH8NfZa.',
  },
  {
    password: '',
    hash: '$6$rounds=1000$hbSha512Salt0123$ljsz1KfZbMQPqPXNnz1e735dWKjRtUJF84gfW47V0PAegFIp2G5MOuaenVN2Dns8X0TfmHU6y8x6N0NiQca/K/',
  },
  {
    password: 'correct horse',
    hash: '$6$hb6$fiE2qROxLvopq2Tx6IvuTcCyXjBBd1Cyx0ixI.MtK8Y4dv3/yjsQCkOz94odGFBDl6RV1jHfjzsgvzFhN4Qv/0',
  },
  {
    password: LONG,
    hash: '$6$rounds=1000$hbLong$J14daUgqwXv6KGVya0c.TWOYQEA5rvtI3Eux2m5MWc8ck4p/ZN.I0hn4EfUEG2BDDDay3E3qWQMjtB6yF1PNE/',
  },
  {
    password: 'a very much longer text to encrypt.  This one even stretches over morethan one line.',
    hash: '$6$rounds=1400$anotherlongsalts$POfYwTEok97VWcjxIiSOjiykti.o/pQs.wPvMxQ6Fm7I6IoYN3CmLs66x9t0oSwbtEW7o7UmJEiDwGqd8p4ur1',
  },
];

const LDAP_KNOWN = [
  {
    scheme: 'ldap_sha256_crypt',
    password: 'correct horse',
    hash: '{CRYPT}$5$rounds=1000$hbLdap5$NqoohYO21NIxQ77cFS01X6IYxuLlCeXNNq06tGX9RR8',
  },
  {
    scheme: 'ldap_sha512_crypt',
    password: UNICODE,
    hash: '{CRYPT}$6$rounds=1000$hbLdap6$DzqT58e9zCVVL9F2XJBLEY.Zdyukg/61FyQNROXgWo5YaDAcfSPzYGTkWS1nZnrX/D7IIQg8axiMDE91CaBut/',
  },
] as const;

const SHA256 = '$5$rounds=1000$hbSha256Salt0123$C4aJ6vEuCRbtzl3nVRqhmg4icjtsAkGqMvfyXCvL3I4';
const SHA256_CHECKSUM = 'C4aJ6vEuCRbtzl3nVRqhmg4icjtsAkGqMvfyXCvL3I4';

describe('Scheme: sha256_crypt', () => {
  it.each(SHA256_KNOWN)('verifies the right password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(password, hash, { policy: { shaCryptMinRounds: 1000 } });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'sha256_crypt', needsUpdate: false });
  });

  it.each(SHA256_KNOWN)('refuses a wrong password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(`${password}x`, hash);

    // Assess
    expect(result.ok).toBe(false);
  });

  it('identifies $5$ hashes', () => {
    // Act & Assess
    expect(identifyHash(SHA256)).toBe('sha256_crypt');
  });

  it("reads the rounds with Python's int(), so ' 1000' and '+1000' verify as passlib lets them", async () => {
    // Act
    const results = await Promise.all(
      ['rounds= 1000$', 'rounds=+1000$', 'rounds=1_000$', 'rounds=1000 $'].map((rounds) =>
        verifyPassword('correct horse', SHA256.replace('rounds=1000$', rounds)),
      ),
    );

    // Assess
    expect(results.map((result) => result.ok)).toEqual([true, true, true, true]);
  });

  it.each([
    ['a character outside the alphabet in the salt', SHA256.replace('hbSha256', 'hb:ha256')],
    ['a character outside the alphabet in the checksum', SHA256.replace('C4aJ', 'C4a!')],
    ['a non-ASCII character in the checksum', SHA256.replace('C4aJ', 'C4aé')],
    ['zero-padded rounds', SHA256.replace('rounds=1000', 'rounds=01000')],
    ['rounds below 1000', SHA256.replace('rounds=1000', 'rounds=999')],
    ['rounds above 999999999', SHA256.replace('rounds=1000', 'rounds=1000000000')],
    ['rounds that are not a number', SHA256.replace('rounds=1000', 'rounds=1e3')],
    ['an empty rounds field', SHA256.replace('rounds=1000', 'rounds=')],
    ['a salt of 17 characters', SHA256.replace('hbSha256Salt0123', 'hbSha256Salt01234')],
    ['a checksum one character short', SHA256.slice(0, -1)],
    ['a checksum one character long', `${SHA256}a`],
    ['an extra $ at the end', `${SHA256}$`],
    ['an empty checksum (a configuration string)', SHA256.replace(SHA256_CHECKSUM, '')],
    ['no checksum field (a configuration string)', '$5$rounds=1000$hbSha256Salt0123'],
    ['nothing after the ident', '$5$'],
    ['rounds and no salt', '$5$rounds=1000'],
    ['the ident of sha512_crypt', SHA256.replace('$5$', '$6$')],
    ['a lowercase rounds field name', SHA256.replace('rounds=', 'ROUNDS=')],
  ])('rejects a hash with %s with MalformedHashError', async (_case, hash) => {
    // Act & Assess
    await expect(verifyPassword('correct horse', hash, { scheme: 'sha256_crypt' })).rejects.toBeInstanceOf(
      MalformedHashError,
    );
  });

  it('refuses a password with a NUL byte with PasswordValueError, but only once the hash parsed', async () => {
    // Act & Assess
    await expect(verifyPassword('correct\0horse', SHA256)).rejects.toBeInstanceOf(PasswordValueError);
    await expect(verifyPassword('correct\0horse', `${SHA256}$`, { scheme: 'sha256_crypt' })).rejects.toBeInstanceOf(
      MalformedHashError,
    );
  });

  it('refuses rounds above the policy with HashPolicyError before hashing', () => {
    // Prepare: 999,999,999 rounds would take minutes.
    const hostile = SHA256.replace('rounds=1000', 'rounds=999999999');

    // Act
    const started = performance.now();
    const prepare = () => sha256Crypt.prepare(hostile, { policy: DEFAULT_COST_POLICY });

    // Assess
    expect(prepare).toThrow(HashPolicyError);
    expect(performance.now() - started).toBeLessThan(50);
    expect(() => sha256Crypt.prepare(SHA256, { policy: { ...DEFAULT_COST_POLICY, shaCryptMaxRounds: 999 } })).toThrow(
      HashPolicyError,
    );
  });

  it('reports needsUpdate below the policy floor; implicit rounds count as 5000', async () => {
    // Act
    const low = await verifyPassword('correct horse', SHA256);
    const implicit = await verifyPassword('correct horse', '$5$hb5$UE2TWGNm8XIaErp2Fj3tWBHk9DH7eVSjRFyJ1qMPqx4');

    // Assess
    expect(low).toEqual({ ok: true, scheme: 'sha256_crypt', needsUpdate: true });
    expect(implicit).toEqual({ ok: true, scheme: 'sha256_crypt', needsUpdate: false });
  });

  it('treats rounds=5000 written out the same as the implicit 5000', async () => {
    // Act
    const result = await verifyPassword(
      'correct horse',
      '$5$rounds=5000$hb5$UE2TWGNm8XIaErp2Fj3tWBHk9DH7eVSjRFyJ1qMPqx4',
    );

    // Assess
    expect(result.ok).toBe(true);
  });
});

describe('Scheme: sha512_crypt', () => {
  it.each(SHA512_KNOWN)('verifies the right password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(password, hash);

    // Assess
    expect(result).toMatchObject({ ok: true, scheme: 'sha512_crypt' });
  });

  it.each(SHA512_KNOWN)('refuses a wrong password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(`${password}x`, hash);

    // Assess
    expect(result.ok).toBe(false);
  });

  it('identifies $6$ hashes', () => {
    // Act & Assess
    expect(identifyHash(SHA512_KNOWN[0]?.hash ?? '')).toBe('sha512_crypt');
  });

  it.each([
    ['zero-padded rounds', (SHA512_KNOWN[0]?.hash ?? '').replace('rounds=1000', 'rounds=01000')],
    ['a bad character in the salt', (SHA512_KNOWN[0]?.hash ?? '').replace('hbSha512', 'hbSha:12')],
    [
      'a checksum of sha256_crypt length',
      '$6$rounds=1000$hbSha512Salt0123$C4aJ6vEuCRbtzl3nVRqhmg4icjtsAkGqMvfyXCvL3I4',
    ],
    ['too many fields', `${SHA512_KNOWN[3]?.hash}$x`],
  ])('rejects a hash with %s with MalformedHashError', async (_case, hash) => {
    // Act & Assess
    await expect(verifyPassword('correct horse', hash, { scheme: 'sha512_crypt' })).rejects.toBeInstanceOf(
      MalformedHashError,
    );
  });

  it('refuses rounds above the policy with HashPolicyError', () => {
    // Act & Assess
    expect(() =>
      sha512Crypt.prepare((SHA512_KNOWN[0]?.hash ?? '').replace('rounds=1000', 'rounds=2000001'), {
        policy: DEFAULT_COST_POLICY,
      }),
    ).toThrow(HashPolicyError);
  });
});

describe('Scheme: ldap_sha256_crypt and ldap_sha512_crypt', () => {
  it.each(LDAP_KNOWN)('verifies $scheme behind {CRYPT}', async ({ scheme, password, hash }) => {
    // Act
    const [right, wrong] = await Promise.all([verifyPassword(password, hash), verifyPassword(`${password}x`, hash)]);

    // Assess
    expect(identifyHash(hash)).toBe(scheme);
    expect(right).toMatchObject({ ok: true, scheme });
    expect(wrong.ok).toBe(false);
  });

  it.each([
    ['a lowercase prefix', '{crypt}$5$rounds=1000$hbLdap5$NqoohYO21NIxQ77cFS01X6IYxuLlCeXNNq06tGX9RR8'],
    ['no prefix', '$5$rounds=1000$hbLdap5$NqoohYO21NIxQ77cFS01X6IYxuLlCeXNNq06tGX9RR8'],
    ['a malformed inner hash', '{CRYPT}$5$rounds=01000$hbLdap5$NqoohYO21NIxQ77cFS01X6IYxuLlCeXNNq06tGX9RR8'],
  ])('rejects %s with MalformedHashError', async (_case, hash) => {
    // Act & Assess
    await expect(verifyPassword('correct horse', hash, { scheme: 'ldap_sha256_crypt' })).rejects.toBeInstanceOf(
      MalformedHashError,
    );
  });
});

describe('Function: shaCryptDigest', () => {
  it("returns the raw digest that encodes to the specification's checksum", async () => {
    // Act
    const digest = await shaCryptDigest('sha256', Buffer.from('Hello world!'), Buffer.from('saltstring'), 5000);

    // Assess: the 32 bytes, in the transposed order sha256_crypt writes them.
    expect(digest).toHaveLength(32);
    expect(
      encodeTransposedHash64(
        digest,
        [
          20, 10, 0, 11, 1, 21, 2, 22, 12, 23, 13, 3, 14, 4, 24, 5, 25, 15, 26, 16, 6, 17, 7, 27, 8, 28, 18, 29, 19, 9,
          30, 31,
        ],
      ),
    ).toBe('5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5');
  });
});
