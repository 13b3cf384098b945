import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_POLICY } from '../../../../src/constants.js';
import {
  HashPolicyError,
  identifyHash,
  MalformedHashError,
  type SchemeName,
  verifyPassword,
} from '../../../../src/index.js';
import { pbkdf2Sha256 } from '../../../../src/schemes/pbkdf2/pbkdf2-digest.js';

/** Vectors made with passlib 1.7.4 (`handler.using(rounds=1000, salt=…).hash(password)`) and from its test suite. */
const KNOWN: readonly { scheme: SchemeName; password: string; hash: string }[] = [
  {
    scheme: 'pbkdf2_sha1',
    password: 'correct horse',
    hash: '$pbkdf2$1000$AQEBAQEBAQEBAQEBAQEBAQ$48lohXIkQJUky9k1RRCfI.0WtL0',
  },
  {
    scheme: 'pbkdf2_sha1',
    password: 'Zoë ☃ 密码 😀',
    hash: '$pbkdf2$1000$AQEBAQEBAQEBAQEBAQEBAQ$Ohhn/BJYhMX6gMxgguHeQFUSbC4',
  },
  { scheme: 'pbkdf2_sha1', password: '', hash: '$pbkdf2$1000$AQEBAQEBAQEBAQEBAQEBAQ$6.gZawOJ1qedm6UAAT54DfSGtDc' },
  {
    scheme: 'pbkdf2_sha1',
    password: 'password',
    hash: '$pbkdf2$1212$OB.dtnSEXZK8U5cgxU/GYQ$y5LKPOplRmok7CZp/aqVDVg8zGI',
  },
  {
    scheme: 'pbkdf2_sha256',
    password: 'correct horse',
    hash: '$pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg$cBg8D2DungRB9k76szThf5ehfyBz991ay6PT8Srwk4M',
  },
  {
    scheme: 'pbkdf2_sha256',
    password: 'Zoë ☃ 密码 😀',
    hash: '$pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg$zxQxy/DaMUSLfZn.2tSlFJwgzLjyQemuOTdByLtKn58',
  },
  {
    scheme: 'pbkdf2_sha256',
    password: '',
    hash: '$pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg$1SowFvcyM8WmWKE5mw1mE6SzWhTrQkI1ozLfFjQpvY4',
  },
  {
    scheme: 'pbkdf2_sha512',
    password: 'correct horse',
    hash: '$pbkdf2-sha512$1000$c2FsdC1vZi0xNi1ieXRlcw$RjINxw.LVmjcTB0EGjP1JUyPsiHwBwR8dZJ2Zrsrjtw5PlGUq1/eCVBl9Th.sQNpOMTGRrs8.8zw80f9L4Vg0g',
  },
  {
    scheme: 'pbkdf2_sha512',
    password: 'Zoë ☃ 密码 😀',
    hash: '$pbkdf2-sha512$1000$c2FsdC1vZi0xNi1ieXRlcw$jxEec.VrFj3mXwIcMZZoHfGqsJ0VedMC4rmpI3QnHZfKtBmi6k9buy9FIf236Q4QilDkipt08TcPwVDtrHqFrw',
  },
  {
    scheme: 'pbkdf2_sha512',
    password: '',
    hash: '$pbkdf2-sha512$1000$c2FsdC1vZi0xNi1ieXRlcw$CvxbCxt.nPXATJZbfYPewUvusVYbO9TNgyKGmsduy6eUzd0a34oKBhVKfFoUXBXHDZVKnJcucJBBeVwxAatFbA',
  },
  {
    scheme: 'ldap_pbkdf2_sha1',
    password: 'correct horse',
    hash: '{PBKDF2}1000$AgICAgICAgICAgICAgICAg$s7qIN3RU2JrYMvHeUK0Lu1DBrxw',
  },
  { scheme: 'ldap_pbkdf2_sha1', password: '', hash: '{PBKDF2}1000$AgICAgICAgICAgICAgICAg$oVooOk3CKYOXMgXi0M681ENOPmk' },
  {
    scheme: 'ldap_pbkdf2_sha256',
    password: 'Zoë ☃ 密码 😀',
    hash: '{PBKDF2-SHA256}1000$AwMDAwMDAwMDAwMDAwMDAw$mNqSWcz7SnocrS5JAvjBXT6Iw2H204rh9PsliSCsD90',
  },
  {
    scheme: 'ldap_pbkdf2_sha512',
    password: 'password',
    hash: '{PBKDF2-SHA512}1212$RHY0Fr3IDMSVO/RSZyb5ow$eNLfBK.eVozomMr.1gYa17k9B7KIK25NOEshvhrSX.esqY3s.FvWZViXz4KoLlQI.BzY/YTNJOiKc5gBYFYGww',
  },
];

const SHA256_HASH = '$pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg$cBg8D2DungRB9k76szThf5ehfyBz991ay6PT8Srwk4M';

describe('Scheme: pbkdf2_sha1, pbkdf2_sha256, pbkdf2_sha512 and their LDAP forms', () => {
  it.each(KNOWN)('verifies the right password for a passlib $scheme hash', async ({ scheme, password, hash }) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme });

    // Assess
    expect(result).toEqual({ ok: true, scheme, needsUpdate: true });
  });

  it.each(KNOWN)('refuses a wrong password for a passlib $scheme hash', async ({ scheme, password, hash }) => {
    // Act
    const result = await verifyPassword(`${password}x`, hash, { scheme });

    // Assess
    expect(result.ok).toBe(false);
  });

  it.each(KNOWN)('identifies a $scheme hash by its prefix', ({ scheme, hash }) => {
    // Act & Assess
    expect(identifyHash(hash)).toBe(scheme);
  });

  it('accepts what passlib accepts: spaced, signed, underscored or Unicode-digit rounds, `+` for `.`', async () => {
    // Prepare: passlib reads rounds with Python's int() and decodes ab64 leniently; each of these verifies there.
    const [, , , salt = '', digest = ''] = SHA256_HASH.split('$');
    const variants = [
      `$pbkdf2-sha256$ +1_000\n$${salt}$${digest}`,
      `$pbkdf2-sha256$١٠٠٠$${salt}$${digest}`,
      `$pbkdf2-sha256$1000$${salt}$${digest.replaceAll('.', '+')}`,
    ];

    // Act
    const results = await Promise.all(variants.map((hash) => verifyPassword('correct horse', hash)));

    // Assess
    expect(results.map((result) => result.ok)).toEqual([true, true, true]);
  });

  it('reads an empty salt as passlib does: a mismatch, not an error', async () => {
    // Act
    const result = await verifyPassword('correct horse', SHA256_HASH.replace('MDEyMzQ1Njc4OWFiY2RlZg', ''));

    // Assess
    expect(result.ok).toBe(false);
  });

  it.each([
    ['zero-padded rounds', '$pbkdf2-sha256$01000$MDEyMzQ1Njc4OWFiY2RlZg$cBg8D2DungRB9k76szThf5ehfyBz991ay6PT8Srwk4M'],
    ['empty rounds', '$pbkdf2-sha256$$MDEyMzQ1Njc4OWFiY2RlZg$cBg8D2DungRB9k76szThf5ehfyBz991ay6PT8Srwk4M'],
    ['zero rounds', '$pbkdf2-sha256$0$MDEyMzQ1Njc4OWFiY2RlZg$cBg8D2DungRB9k76szThf5ehfyBz991ay6PT8Srwk4M'],
    ['negative rounds', '$pbkdf2-sha256$-1000$MDEyMzQ1Njc4OWFiY2RlZg$cBg8D2DungRB9k76szThf5ehfyBz991ay6PT8Srwk4M'],
    ['non-decimal rounds', '$pbkdf2-sha256$1e3$MDEyMzQ1Njc4OWFiY2RlZg$cBg8D2DungRB9k76szThf5ehfyBz991ay6PT8Srwk4M'],
    [
      'rounds above 2^32-1',
      '$pbkdf2-sha256$4294967296$MDEyMzQ1Njc4OWFiY2RlZg$cBg8D2DungRB9k76szThf5ehfyBz991ay6PT8Srwk4M',
    ],
    ['no digest field', '$pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg'],
    ['an empty digest', '$pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg$'],
    ['a fourth field', `${SHA256_HASH}$`],
    ['a digest one character short', SHA256_HASH.slice(0, -1)],
    ['a digest one character long', `${SHA256_HASH}A`],
    ['a trailing newline (the padding no longer fits)', `${SHA256_HASH}\n`],
    ['a non-ASCII digest character', `${SHA256_HASH}é`],
    ['a character outside ab64 in the salt', SHA256_HASH.replace('Y2RlZg', 'Y2R-Zg')],
    ['a salt of impossible length', SHA256_HASH.replace('Y2RlZg', 'Y2RlZ')],
    ['an uppercase prefix', SHA256_HASH.toUpperCase()],
    ['a leading space', ` ${SHA256_HASH}`],
    [
      'an LDAP prefix in lowercase',
      '{pbkdf2-sha256}1212$4vjV83LKPjQzk31VI4E0Vw$hsYF68OiOUPdDZ1Fg.fJPeq1h/gXXY7acBp9/6c.tmQ',
    ],
  ])('rejects a hash with %s with MalformedHashError', async (_case, hash) => {
    // Prepare
    const scheme: SchemeName = hash.startsWith('{') ? 'ldap_pbkdf2_sha256' : 'pbkdf2_sha256';

    // Act & Assess
    await expect(verifyPassword('correct horse', hash, { scheme })).rejects.toBeInstanceOf(MalformedHashError);
  });

  it('rejects the other prefix when the LDAP scheme is named, with MalformedHashError', async () => {
    // Act & Assess
    await expect(verifyPassword('correct horse', SHA256_HASH, { scheme: 'ldap_pbkdf2_sha256' })).rejects.toBeInstanceOf(
      MalformedHashError,
    );
  });

  it('rejects rounds above the policy with HashPolicyError, in prepare, before any hashing', () => {
    // Prepare: 2^32-1 rounds would take an hour to hash.
    const hash = SHA256_HASH.replace('$1000$', '$4294967295$');

    // Act
    const started = performance.now();
    const prepare = () => pbkdf2Sha256.prepare(hash, { policy: DEFAULT_COST_POLICY });

    // Assess
    expect(prepare).toThrow(HashPolicyError);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('refuses rounds OpenSSL cannot run (over 2^31-1) with HashPolicyError even under a looser policy', async () => {
    // Prepare: valid to passlib's parser, but its hashlib call raises OverflowError, and Node's a RangeError.
    const hash = SHA256_HASH.replace('$1000$', '$3000000000$');

    // Act & Assess
    await expect(
      verifyPassword('correct horse', hash, { policy: { pbkdf2MaxIterations: 2 ** 40 } }),
    ).rejects.toBeInstanceOf(HashPolicyError);
  });

  it('honours a caller policy that admits fewer iterations', async () => {
    // Act & Assess
    await expect(
      verifyPassword('correct horse', SHA256_HASH, { policy: { pbkdf2MaxIterations: 999 } }),
    ).rejects.toBeInstanceOf(HashPolicyError);
  });

  it('reports needsUpdate only below the policy floor', async () => {
    // Act
    const below = await verifyPassword('correct horse', SHA256_HASH);
    const atFloor = await verifyPassword('correct horse', SHA256_HASH, { policy: { pbkdf2MinIterations: 1000 } });

    // Assess
    expect(below.needsUpdate).toBe(true);
    expect(atFloor.needsUpdate).toBe(false);
  });
});
