import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COST_POLICY,
  HashPolicyError,
  identifyHash,
  MalformedHashError,
  verifyPassword,
} from '../../../../src/index.js';
import { argon2 } from '../../../../src/schemes/memory-hard/argon2.js';

const verifyArgon2 = (password: string, hash: string, policy = {}) =>
  verifyPassword(password, hash, { scheme: 'argon2', policy });

const UPASS_TABLE = 't\u00e1\u0411\u2113\u0259';
const UNICODE = 'Zoë ☃ 密码 😀';
/** passlib 1.7.4: argon2.using(rounds=1, memory_cost=64, parallelism=1, salt=b"saltsaltsaltsalt").hash("") */
const EMPTY_ID = '$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZYtxhQxeyNZlcvkwg8dwJk9qNxma2cHSPQx/9UORRWA';
/** passlib's sample vector ("password"). */
const SAMPLE_I = '$argon2i$v=19$m=256,t=1,p=1$c29tZXNhbHQ$AJFIsNZTMKTAewB4+ETN1A';
/** argon2-cffi low level, version 16, rendered as passlib renders it (no `v=`): "password". */
const V16_ID = '$argon2id$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$E+H8tOvTirXyHvc6zbeEsZuEAAyYgnRLq5vcAZTnp74';

describe('Scheme: argon2', () => {
  describe('known-answer vectors', () => {
    it.each([
      // passlib's tests/test_handlers_argon2.py (its own and libargon2's reference vectors).
      ['password', SAMPLE_I],
      ['password', '$argon2i$v=19$m=380,t=2,p=2$c29tZXNhbHQ$SrssP8n7m/12VWPM8dvNrw'],
      [UPASS_TABLE, '$argon2i$v=19$m=512,t=2,p=2$1sV0O4PWLtc12Ypv1f7oGw$z+yqzlKtrq3SaNfXDfIDnQ'],
      ['password\0', '$argon2i$v=19$m=512,t=2,p=2$c29tZXNhbHQ$Fb5+nPuLzZvtqKRwqUEtUQ'],
      ['password', '$argon2i$m=256,t=2,p=1$c29tZXNhbHQ$/U3YPXYsSb3q9XxHvc0MLxur+GP960kN9j7emXX8zwY'],
      ['password', '$argon2i$m=256,t=2,p=2$c29tZXNhbHQ$tsEVYKap1h6scGt5ovl9aLRGOqOth+AMB+KwHpDFZPs'],
      ['password', '$argon2i$v=19$m=256,t=2,p=2$c29tZXNhbHQ$T/XOJ2mh1/TIpJHfCdQan76Q5esCFVoT5MAeIM1Oq2E'],
      ['password', '$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc'],
      // Made here with passlib 1.7.4 / argon2-cffi 25.1 (salt "saltsaltsaltsalt").
      ['', EMPTY_ID],
      ['', '$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$9xWJMzTDrL0Ue4hX+NrXdV5YCL3DbidreK2i3pt3uPs'],
      ['', '$argon2d$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$3wY7IGq2nfL5Oe1SEOsTpH4hslUfNnpvaAU0galDQNA'],
      [UNICODE, '$argon2id$v=19$m=256,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA$almrK0+tm6pLh2h76jRVkuYkboBbPSYYZf668ydeb2w'],
      ['password', '$argon2id$v=19$m=100,t=1,p=4$c2FsdHNhbHRzYWx0c2FsdA$m/tFXF3dKnuPV3zdUfx5Tw'],
      ['password', '$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$JwUVxA'],
      ['password', V16_ID],
      ['password', '$argon2d$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$lQVAh0yRsQ5VloIGNUSWrjXLc03s4UAqsE4NkoZA9QY'],
      ['', '$argon2id$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$lp2lkIjJTYD3PWGsUozJ5wqmLQf1Iwp9QWh7C92f+yw'],
    ])('verifies %j against %s, and refuses a near miss', async (password, hash) => {
      // Act
      const right = await verifyArgon2(password, hash);
      const wrong = await verifyArgon2(`${password}x`, hash);

      // Assess
      expect(right).toMatchObject({ ok: true, scheme: 'argon2' });
      expect(wrong.ok).toBe(false);
    });

    it('refuses the empty password against a hash of another, and another against the empty one', async () => {
      // Act / Assess
      await expect(verifyArgon2('', SAMPLE_I)).resolves.toMatchObject({ ok: false });
      await expect(verifyArgon2('x', EMPTY_ID)).resolves.toMatchObject({ ok: false });
    });

    it('verifies each type only as itself (the type is hashed in)', async () => {
      // Act / Assess
      await expect(verifyArgon2('', EMPTY_ID.replace('argon2id', 'argon2i'))).resolves.toMatchObject({ ok: false });
      await expect(verifyArgon2('', EMPTY_ID.replace('argon2id', 'argon2d'))).resolves.toMatchObject({ ok: false });
    });
  });

  describe('quirks of passlib (libargon2) it reproduces', () => {
    it('ends the hash at a NUL character, as the C library reads it', async () => {
      // Act / Assess
      await expect(verifyArgon2('', `${EMPTY_ID}\0anything`)).resolves.toMatchObject({ ok: true });
    });

    it('reads v=16 written out as the version-less 1.0 hash', async () => {
      // Act / Assess
      await expect(verifyArgon2('password', V16_ID.replace('$m=', '$v=16$m='))).resolves.toMatchObject({ ok: true });
    });

    it('answers false for a version passlib never writes (libargon2 accepts any number)', async () => {
      // Act / Assess
      await expect(verifyArgon2('', EMPTY_ID.replace('v=19', 'v=18'))).resolves.toMatchObject({ ok: false });
      await expect(verifyArgon2('', EMPTY_ID.replace('v=19', 'v=0'))).resolves.toMatchObject({ ok: false });
    });

    it('accepts a salt of exactly 8 bytes and a hash of exactly 4 bytes', async () => {
      // Prepare: "c29tZXNhbHQ" is "somesalt".
      const shortest = '$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$AAAAAA';

      // Act / Assess
      await expect(verifyArgon2('password', shortest)).resolves.toMatchObject({ ok: false });
    });
  });

  describe('malformed hashes', () => {
    it.each([
      // passlib's known_malformed_hashes.
      ['an unknown type', '$argon2qq$v=19$t=2,p=4$c29tZXNhbHQAAAAAAAAAAA$QWLzI4TY9HkL2ZTLc8g6SinwdhZewYrzz9zxCo0bkGY'],
      ['no m parameter', '$argon2i$v=19$t=2,p=4$c29tZXNhbHQAAAAAAAAAAA$QWLzI4TY9HkL2ZTLc8g6SinwdhZewYrzz9zxCo0bkGY'],
      [
        't above 2^32-1',
        '$argon2i$v=19$m=65536,t=8589934592,p=4$c29tZXNhbHQAAAAAAAAAAA$QWLzI4TY9HkL2ZTLc8g6SinwdhZewYrzz9zxCo0bkGY',
      ],
      [
        'an unexpected parameter',
        '$argon2i$v=19$m=65536,t=2,p=4,q=5$c29tZXNhbHQAAAAAAAAAAA$QWLzI4TY9HkL2ZTLc8g6SinwdhZewYrzz9zxCo0bkGY',
      ],
      [
        'parameters out of order',
        '$argon2i$v=19$t=2,m=65536,p=4,q=5$c29tZXNhbHQAAAAAAAAAAA$QWLzI4TY9HkL2ZTLc8g6SinwdhZewYrzz9zxCo0bkGY',
      ],
      ['m below 8p', '$argon2i$v=19$m=127,t=2,p=16$c29tZXNhbHQ$IMit9qkFULCMA/ViizL57cnTLOa5DiVM9eMwpAvPwr4'],
      // passlib's keyid test; it also parses data= but refuses it (NotImplementedError).
      [
        'a keyid field',
        '$argon2i$v=19$m=65536,t=2,p=4,keyid=ABCD$c29tZXNhbHQ$IMit9qkFULCMA/ViizL57cnTLOa5DiVM9eMwpAvPwr4',
      ],
      ['a data field', '$argon2i$v=19$m=512,t=2,p=2,data=c29tZWRhdGE$c29tZXNhbHQ$KgHyCesFyyjkVkihZ5VNFw'],
      // libargon2's decoder.
      ['an uppercase type', EMPTY_ID.replace('argon2id', 'argon2ID')],
      ['an unknown lowercase type', EMPTY_ID.replace('argon2id', 'argon2x')],
      ['a version with a leading zero', EMPTY_ID.replace('v=19', 'v=019')],
      ['m with a leading zero', EMPTY_ID.replace('m=64', 'm=064')],
      ['m with a sign', EMPTY_ID.replace('m=64', 'm=+64')],
      ['an empty version', EMPTY_ID.replace('v=19', 'v=')],
      ['a version above 2^32-1', EMPTY_ID.replace('v=19', 'v=4294967296')],
      ['m below 8', EMPTY_ID.replace('m=64', 'm=7')],
      ['t of 0', EMPTY_ID.replace('t=1', 't=0')],
      ['p of 0', EMPTY_ID.replace('p=1', 'p=0')],
      ['p above 2^24-1', EMPTY_ID.replace('m=64', 'm=4294967295').replace('p=1', 'p=16777216')],
      ['a 7-byte salt', '$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbA$ZYtxhQxeyNZlcvkwg8dwJk9qNxma2cHSPQx/9UORRWA'],
      ['an empty salt', '$argon2id$v=19$m=64,t=1,p=1$$ZYtxhQxeyNZlcvkwg8dwJk9qNxma2cHSPQx/9UORRWA'],
      ['a 3-byte hash', '$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$YWJj'],
      ['an empty hash', '$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$'],
      ['no hash field', '$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA'],
      ['base64 padding', `${EMPTY_ID}=`],
      ['padding bits set in the hash', `${EMPTY_ID.slice(0, -1)}B`],
      ['a base64 length of 1 mod 4', `${EMPTY_ID}AA`],
      ['a character outside base64', EMPTY_ID.replace('ZYtx', 'ZY.x')],
      ['an extra field', `${EMPTY_ID}$`],
      ['a trailing newline', `${EMPTY_ID}\n`],
      ['a leading space', ` ${EMPTY_ID}`],
      ['a non-ASCII character, even after a NUL', `${EMPTY_ID}\0é`],
      ['no $ after the type', '$argon2id'],
    ])('rejects %s with MalformedHashError', async (_, hash) => {
      // Act / Assess
      await expect(verifyArgon2('password', hash)).rejects.toBeInstanceOf(MalformedHashError);
    });
  });

  describe('cost policy', () => {
    it.each([
      ['m above argon2MaxMemoryKiB', EMPTY_ID.replace('m=64', 'm=4294967295')],
      ['t above argon2MaxTimeCost', EMPTY_ID.replace('t=1', 't=4294967295')],
      ['p above argon2MaxParallelism', EMPTY_ID.replace('m=64', 'm=8000').replace('p=1', 'p=1000')],
    ])('refuses %s with HashPolicyError before any hashing', async (_, hostile) => {
      // Prepare
      const started = performance.now();

      // Act
      const attempt = verifyArgon2('', hostile);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(HashPolicyError);
      expect(performance.now() - started).toBeLessThan(50);
    });

    it('follows a stricter policy', async () => {
      // Act / Assess
      await expect(verifyArgon2('', EMPTY_ID, { argon2MaxMemoryKiB: 32 })).rejects.toBeInstanceOf(HashPolicyError);
      await expect(verifyArgon2('', EMPTY_ID, { argon2MaxMemoryKiB: 64 })).resolves.toMatchObject({ ok: true });
    });

    it('checks the format before the policy', async () => {
      // Act / Assess
      await expect(verifyArgon2('', `${EMPTY_ID.replace('m=64', 'm=4294967295')}=`)).rejects.toBeInstanceOf(
        MalformedHashError,
      );
    });
  });

  describe('needsUpdate', () => {
    const needsUpdate = (hash: string) => argon2.prepare(hash, { policy: DEFAULT_COST_POLICY }).needsUpdate;
    const current = EMPTY_ID.replace('m=64,t=1,p=1', 'm=65536,t=3,p=4');

    it("is false for argon2id v=19 at passlib's default cost or above", () => {
      // Act / Assess
      expect(needsUpdate(current)).toBe(false);
      expect(needsUpdate(current.replace('m=65536,t=3', 'm=131072,t=4'))).toBe(false);
    });

    it.each([
      ['type i', current.replace('argon2id', 'argon2i')],
      ['type d', current.replace('argon2id', 'argon2d')],
      ['version 16', current.replace('$v=19', '')],
      ['memory below 65536 KiB', current.replace('m=65536', 'm=19456')],
      ['fewer than 3 passes', current.replace('t=3', 't=2')],
    ])('is true for %s', (_, hash) => {
      // Act / Assess
      expect(needsUpdate(hash)).toBe(true);
    });
  });

  describe('identifyHash', () => {
    it.each([EMPTY_ID, SAMPLE_I, V16_ID])('names argon2 for %s', (hash) => {
      // Act / Assess
      expect(identifyHash(hash)).toBe('argon2');
    });

    it('names nothing for what passlib recognises by its prefix but cannot verify', () => {
      // Act / Assess: a one-character hash, an unknown type, an uppercase type.
      expect(identifyHash('$argon2d$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$x')).toBeUndefined();
      expect(identifyHash('$argon2qq$v=19$t=2,p=4$c29tZXNhbHQ$x')).toBeUndefined();
      expect(identifyHash('$argon2ID$v=19$m=64,t=1,p=1$c29tZXNhbHQ$x')).toBeUndefined();
    });
  });
});
