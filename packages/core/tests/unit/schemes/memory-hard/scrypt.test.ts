import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COST_POLICY,
  HashPolicyError,
  identifyHash,
  MalformedHashError,
  verifyPassword,
} from '../../../../src/index.js';
import { scrypt } from '../../../../src/schemes/memory-hard/scrypt.js';

const verifyScrypt = (password: string, hash: string, policy = {}) =>
  verifyPassword(password, hash, { scheme: 'scrypt', policy });

const UPASS_TABLE = 't\u00e1\u0411\u2113\u0259';
const UNICODE = 'Zoë ☃ 密码 😀';
/** passlib 1.7.4: scrypt.using(rounds=4, block_size=8, parallelism=1, salt=b"saltsaltsaltsalt").hash("") */
const EMPTY = '$scrypt$ln=4,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$KjMXA+ztMvG1DNU/OJLnH+cwgCb03WVM93yCoDb2OPE';
/** passlib's "nacl" vector (ln=1, r=4, p=2). */
const NACL = '$scrypt$ln=1,r=4,p=2$yhnD+J+Tci4lZCwFgHCuVQ$fAsEWmxSHuC0cHKMwKVFPzrQukgvK09Sj+NueTSxKds';
/** passlib 1.7.4 with ident="$7$" (the salt is the literal text "c2FsdHNhbHQ"), password UNICODE. */
const SEVEN = '$7$26..../....c2FsdHNhbHQ$1Xd5jO9lQb8TdZV7CY45AWESj.FYUnrD3RudhcTgDd3';

describe('Scheme: scrypt', () => {
  describe('known-answer vectors', () => {
    it.each([
      // passlib's tests/test_handlers_scrypt.py, from the scrypt paper and its own.
      ['', '$scrypt$ln=4,r=1,p=1$$d9ZXYjhleyA7GcpCwYoEl/FrSETjB0ro39/6P+3iFEI'],
      ['password', '$scrypt$ln=10,r=8,p=16$TmFDbA$/bq+HJ00cgB4VucZDQHp/nxq18vII3gw53N2Y0s3MWI'],
      ['test', '$scrypt$ln=8,r=8,p=1$wlhLyXmP8b53bm1NKYVQqg$mTpvG8lzuuDk+DWz8HZIB6Vum6erDuUm0As5yU+VxWA'],
      ['password', '$scrypt$ln=8,r=2,p=1$dO6d0xoDoLT2PofQGoNQag$g/Wf2A0vhHhaJM+addK61QPBthSmYB6uVTtQzh8CM3o'],
      [UPASS_TABLE, '$scrypt$ln=7,r=8,p=1$jjGmtDamdA4BQAjBeA9BSA$OiWRHhQtpDx7M/793x6UXK14AD512jg/qNm/hkWZG4M'],
      ['nacl', NACL],
      ['pleaseletmein', '$scrypt$ln=14,r=8,p=1$U29kaXVtQ2hsb3JpZGU$cCO9yzr9c0hGHAbNgf046/2o+7qQT44+qbVD9lRdofI'],
      ['pleaseletmein', '$7$C6..../....SodiumChloride$kBGj9fHznVYFQMEn/qDCfrDevf9YDtcDdKvEqHJLV8D'],
      // Made here with passlib 1.7.4 (salt "saltsaltsaltsalt").
      ['', EMPTY],
      [UNICODE, '$scrypt$ln=4,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$pLHgyURWW9V530uQe6JSXe41lECxNHYeqJCbUbSpDl0'],
      ['pass\0word', '$scrypt$ln=4,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$1LT3aTPE+ix1V75oj5F1HErm+U9CliOiyW0RMa97bnI'],
      [UNICODE, SEVEN],
    ])('verifies %j against %s, and refuses a near miss', async (password, hash) => {
      // Act
      const right = await verifyScrypt(password, hash);
      const wrong = await verifyScrypt(`${password}x`, hash);

      // Assess
      expect(right).toMatchObject({ ok: true, scheme: 'scrypt' });
      expect(wrong.ok).toBe(false);
    });
  });

  describe('quirks of passlib it reproduces', () => {
    it.each([
      ['base64 padding', `${EMPTY}=`],
      ['padding bits set in the checksum', `${EMPTY.slice(0, -1)}F`],
      ['a cost with a leading zero', EMPTY.replace('ln=4', 'ln=04')],
      ['a cost with spaces and a sign (Python int())', EMPTY.replace('ln=4', 'ln= +4 ')],
      ['a cost in Arabic-Indic digits (Python int())', EMPTY.replace('ln=4', 'ln=\u0664')],
      ['a cost with an underscore (Python int())', EMPTY.replace('r=8', 'r=0_8')],
    ])('verifies a hash with %s', async (_, hash) => {
      // Act / Assess
      await expect(verifyScrypt('', hash)).resolves.toMatchObject({ ok: true });
    });

    it('reads the log2(N) of a $7$ hash from one hash64 character', async () => {
      // Prepare: "0" is 2 in hash64, so this is ln=2 and must not match the ln=4 checksum.
      const otherCost = SEVEN.replace('$7$2', '$7$0');

      // Act / Assess
      await expect(verifyScrypt(UNICODE, otherCost)).resolves.toMatchObject({ ok: false });
    });

    it('verifies an empty $7$ salt', async () => {
      // Act / Assess
      await expect(
        verifyScrypt(UNICODE, '$7$26..../....$1Xd5jO9lQb8TdZV7CY45AWESj.FYUnrD3RudhcTgDd3'),
      ).resolves.toMatchObject({ ok: false });
    });
  });

  describe('malformed hashes', () => {
    it.each([
      // passlib's known_malformed_hashes.
      ['no p value', '$scrypt$ln=10,r=1$wvif8/4fg1Cq9V7L2dv73w$bJcLia1lyfQ1X2x0xflehwVXPzWIUQWWdnlGwfVzBeQ'],
      ['ln=0', '$scrypt$ln=0,r=1,p=1$wvif8/4fg1Cq9V7L2dv73w$bJcLia1lyfQ1X2x0xflehwVXPzWIUQWWdnlGwfVzBeQ'],
      ['a letter for r', '$scrypt$ln=10,r=A,p=1$wvif8/4fg1Cq9V7L2dv73w$bJcLia1lyfQ1X2x0xflehwVXPzWIUQWWdnlGwfVzBeQ'],
      [
        'r·p too large',
        '$scrypt$ln=10,r=134217728,p=8$wvif8/4fg1Cq9V7L2dv73w$bJcLia1lyfQ1X2x0xflehwVXPzWIUQWWdnlGwfVzBeQ',
      ],
      // passlib's parser and checks.
      ['ln=32', EMPTY.replace('ln=4', 'ln=32')],
      ['r=0', EMPTY.replace('r=8', 'r=0')],
      ['p=0', EMPTY.replace('p=1', 'p=0')],
      ['a negative r', EMPTY.replace('r=8', 'r=-8')],
      ['an unknown field name (passlib: AssertionError)', EMPTY.replace('ln=4', 'xn=4')],
      ['a fourth field', EMPTY.replace('p=1', 'p=1,q=1')],
      ['a ; separator', EMPTY.replace('ln=4,', 'ln=4;')],
      ['a decimal cost', EMPTY.replace('ln=4', 'ln=4.0')],
      ['a checksum one byte short', EMPTY.replace('OPE', 'OP')],
      ['a checksum three bytes too long', `${EMPTY}AAAA`],
      ['no checksum field', EMPTY.slice(0, EMPTY.lastIndexOf('$'))],
      ['an empty checksum', EMPTY.slice(0, EMPTY.lastIndexOf('$') + 1)],
      ['an extra field', `${EMPTY}$`],
      ['a stray dot, which breaks the padding arithmetic', EMPTY.replace('KjMXA', 'KjMX.A')],
      ['a trailing newline', `${EMPTY}\n`],
      ['a salt whose length is 1 mod 4', EMPTY.replace('c2FsdA$', 'c2Fsd$')],
      ['a non-ASCII salt', EMPTY.replace('c2FsdA$', 'c2FsdAé$')],
      ['a salt over 1024 bytes', EMPTY.replace('c2FsdHNhbHRzYWx0c2FsdA', 'QUFB'.repeat(342))],
      ['an uppercase ident', EMPTY.replace('$scrypt$', '$SCRYPT$')],
      ['a leading space', ` ${EMPTY}`],
      // Python's hashlib and OpenSSL (ValueError in passlib, even under the cost policy).
      ['N of 2^16 with r=1 (OpenSSL wants N < 2^(16r))', EMPTY.replace('ln=4,r=8', 'ln=16,r=1')],
      ['memory above what hashlib.scrypt accepts', EMPTY.replace('ln=4', 'ln=21')],
      ['p·128·r above what hashlib.scrypt accepts', EMPTY.replace('r=8,p=1', 'r=1,p=16777216')],
      // $7$.
      ['a $7$ parameter field under 11 characters', '$7$26..../...$1Xd5jO9lQb8TdZV7CY45AWESj.FYUnrD3RudhcTgDd3'],
      ['a $7$ hash with an extra $', '$7$26..../....c2F$zaGFsdHNhbHQ$1Xd5jO9lQb8TdZV7CY45AWESj.FYUnrD3RudhcTgDd3'],
      ['a $7$ config string', SEVEN.slice(0, SEVEN.lastIndexOf('$'))],
      ['a $7$ checksum with a bad character', `${SEVEN.slice(0, -1)}!`],
      ['a $7$ checksum one character long', `${SEVEN}C`],
      ['a bad $7$ cost character', SEVEN.replace('$7$2', '$7$!')],
      ['a $7$ block size of 0', SEVEN.replace('26....', '2.....')],
      ['a $7$ log2(N) of 63', SEVEN.replace('$7$2', '$7$z')],
      ['a non-ASCII $7$ salt', SEVEN.replace('c2FsdHNhbHQ', 'c2FsdHNhbHé')],
      ['$7$ alone', '$7$'],
    ])('rejects %s with MalformedHashError', async (_, hash) => {
      // Act / Assess
      await expect(verifyScrypt('', hash)).rejects.toBeInstanceOf(MalformedHashError);
    });
  });

  describe('cost policy', () => {
    it('refuses 128·N·r·p above scryptMaxMemoryBytes with HashPolicyError before any hashing', async () => {
      // Prepare: ln=20, r=8 is 1 GiB; the default policy allows 256 MiB.
      const hostile = EMPTY.replace('ln=4', 'ln=20');
      const started = performance.now();

      // Act
      const attempt = verifyScrypt('', hostile);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(HashPolicyError);
      expect(performance.now() - started).toBeLessThan(50);
    });

    it('counts parallelism as memory', async () => {
      // Act / Assess
      await expect(
        verifyScrypt('', EMPTY.replace('p=1', 'p=128'), { scryptMaxMemoryBytes: 1024 * 1024 }),
      ).rejects.toBeInstanceOf(HashPolicyError);
      await expect(verifyScrypt('', EMPTY, { scryptMaxMemoryBytes: 16 * 128 * 8 })).resolves.toMatchObject({
        ok: true,
      });
    });

    it('checks the format before the policy', async () => {
      // Act / Assess
      await expect(verifyScrypt('', `${EMPTY.replace('ln=4', 'ln=20')}$`)).rejects.toBeInstanceOf(MalformedHashError);
    });
  });

  describe('needsUpdate', () => {
    const needsUpdate = (hash: string) => scrypt.prepare(hash, { policy: DEFAULT_COST_POLICY }).needsUpdate;

    it("is false at passlib's default (ln=16, r=8) and above", () => {
      // Act / Assess
      expect(needsUpdate(EMPTY.replace('ln=4', 'ln=16'))).toBe(false);
      expect(needsUpdate(EMPTY.replace('ln=4,r=8', 'ln=15,r=16'))).toBe(false);
    });

    it('is true for less memory than 128·2^16·8 bytes', () => {
      // Act / Assess
      expect(needsUpdate(EMPTY)).toBe(true);
      expect(needsUpdate(EMPTY.replace('ln=4', 'ln=16').replace('r=8', 'r=4'))).toBe(true);
      expect(needsUpdate(SEVEN)).toBe(true);
    });
  });

  describe('identifyHash', () => {
    it.each([EMPTY, NACL, SEVEN])('names scrypt for %s', (hash) => {
      // Act / Assess
      expect(identifyHash(hash)).toBe('scrypt');
    });
  });
});
