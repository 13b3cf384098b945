import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { md5CryptDigestWasm, shaCryptDigestWasm } from '../../../src/backends/sha-crypt-wasm/index.js';
import { encodeTransposedHash64 } from '../../../src/encoding/hash64.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const MD5_MAGIC = bytes('$1$');
const APR_MAGIC = bytes('$apr1$');
const EMPTY = new Uint8Array(0);

/**
 * FreeBSD's md5crypt writes the digest in 24-bit groups of bytes (i, i+6, i+12) for i = 0..4, then byte 11
 * alone; encodeTransposedHash64 wants each group lowest byte first.
 */
const TRANSPOSITION = [12, 6, 0, 13, 7, 1, 14, 8, 2, 15, 9, 3, 5, 10, 4, 11];

const md5 = (...parts: readonly Uint8Array[]): Uint8Array => {
  const hash = createHash('md5');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
};

/** MD5-crypt step by step through node:crypto, one fresh hash per digest, as the algorithm reads. */
const md5CryptReference = (password: Uint8Array, salt: Uint8Array, magic: Uint8Array): Uint8Array => {
  const b = md5(password, salt, password);
  const parts = [password, magic, salt];
  for (let left = password.length; left > 0; left -= 16) parts.push(b.subarray(0, Math.min(16, left)));
  for (let bits = password.length; bits > 0; bits >>= 1)
    parts.push(bits & 1 ? new Uint8Array(1) : password.subarray(0, 1));
  let c = md5(...parts);
  for (let round = 0; round < 1000; round++) {
    const odd = round % 2 === 1;
    c = md5(odd ? password : c, round % 3 ? salt : EMPTY, round % 7 ? password : EMPTY, odd ? c : password);
  }
  return c;
};

/** Made with passlib 1.7.4 (`md5_crypt` / `apr_md5_crypt.using(salt=…).hash(password)`). */
const PASSLIB_VECTORS: readonly { password: string; salt: string; magic: Uint8Array; hash: string }[] = [
  { password: '', salt: '', magic: MD5_MAGIC, hash: '$1$$qRPK7m23GJusamGpoGLby/' },
  { password: 'x', salt: '.', magic: MD5_MAGIC, hash: '$1$.$JaiFyrTLC03XAwoYUK/EY/' },
  {
    password: 'correct horse battery staple',
    salt: 'sGE/h49U',
    magic: MD5_MAGIC,
    hash: '$1$sGE/h49U$lEUubOpbkktyHN3MPTMHd1',
  },
  { password: 'pässwörd ✓ 🔐', salt: 'A', magic: MD5_MAGIC, hash: '$1$A$fd28.SdkFFvzmEfcX.uwq/' },
  { password: 'passlib '.repeat(25), salt: 'k9C4jn38', magic: MD5_MAGIC, hash: '$1$k9C4jn38$XcZStENrinAVyKSHQvmA30' },
  { password: '', salt: 'aprEmpty', magic: APR_MAGIC, hash: '$apr1$aprEmpty$ctSv6pLR8p49wsW1wk.YA/' },
  { password: 'correct horse battery staple', salt: 'zz', magic: APR_MAGIC, hash: '$apr1$zz$EHd1UOUnCEC7WbUMUiGT9/' },
  // The longest password passlib takes: 4096 characters of 4 UTF-8 bytes (U+1D11E).
  {
    password: '\u{1D11E}'.repeat(4096),
    salt: 'longpass',
    magic: MD5_MAGIC,
    hash: '$1$longpass$kFVemsIuzK5wUcTg8.qfZ1',
  },
  {
    password: '\u{1D11E}'.repeat(4096),
    salt: 'longpass',
    magic: APR_MAGIC,
    hash: '$apr1$longpass$MATSQ62FaRx28bKhulyib.',
  },
];

describe('Function: md5CryptDigestWasm', () => {
  it.each(PASSLIB_VECTORS)('matches passlib for $hash', ({ password, salt, magic, hash }) => {
    // Act
    const digest = md5CryptDigestWasm(bytes(password), bytes(salt), magic);

    // Assess
    expect(digest).toHaveLength(16);
    expect(encodeTransposedHash64(digest, TRANSPOSITION)).toBe(hash.slice(hash.lastIndexOf('$') + 1));
  });

  it.each([
    ['$1$', MD5_MAGIC],
    ['$apr1$', APR_MAGIC],
  ])(
    'agrees with a step-by-step node:crypto implementation on random inputs with magic %s',
    (_, magic) => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 8 }), (password, salt) => {
          // Act
          const digest = md5CryptDigestWasm(password, salt, magic);

          // Assess
          expect(digest).toEqual(md5CryptReference(password, salt, magic));
        }),
        { numRuns: 60 },
      );
    },
    30_000,
  );

  it('covers every password length around the block boundaries, with every salt length', () => {
    for (let saltLength = 0; saltLength <= 8; saltLength++) {
      // Prepare: lengths where the round messages change their number of blocks or where the digest starts.
      const salt = bytes('boundary').subarray(0, saltLength);
      for (let length = 0; length <= 140; length++) {
        const password = Uint8Array.from({ length }, (_, i) => (i * 7 + 1) & 0xff);

        // Act
        const digest = md5CryptDigestWasm(password, salt, MD5_MAGIC);

        // Assess
        expect(digest, `${length}-byte password, ${saltLength}-byte salt`).toEqual(
          md5CryptReference(password, salt, MD5_MAGIC),
        );
      }
    }
  }, 30_000);

  it('gives the same answer for a short password after memory grew for a long one', () => {
    // Prepare
    const short = bytes('short');
    const salt = bytes('saltsalt');
    const before = md5CryptDigestWasm(short, salt, MD5_MAGIC);

    // Act
    md5CryptDigestWasm(new Uint8Array(16_384).fill(0x61), salt, MD5_MAGIC);
    const after = md5CryptDigestWasm(short, salt, MD5_MAGIC);

    // Assess
    expect(after).toEqual(before);
  });

  it('shares the module with SHA-crypt without either disturbing the other', () => {
    // Prepare
    const password = bytes('correct horse battery staple');
    const salt = bytes('saltsalt');
    const md5Before = md5CryptDigestWasm(password, salt, MD5_MAGIC);
    const shaBefore = shaCryptDigestWasm('sha256', password, salt, 1000);

    // Act: each in between the other's long-password calls, which fill the memory they share.
    shaCryptDigestWasm('sha512', new Uint8Array(4000).fill(0x62), salt, 1000);
    const md5After = md5CryptDigestWasm(password, salt, MD5_MAGIC);
    md5CryptDigestWasm(new Uint8Array(16_384).fill(0x63), salt, APR_MAGIC);
    const shaAfter = shaCryptDigestWasm('sha256', password, salt, 1000);

    // Assess
    expect(md5After).toEqual(md5Before);
    expect(shaAfter).toEqual(shaBefore);
  }, 30_000);

  it('returns a copy the next call does not overwrite', () => {
    // Prepare
    const first = md5CryptDigestWasm(bytes('one'), bytes('salt'), MD5_MAGIC);
    const snapshot = Uint8Array.from(first);

    // Act
    md5CryptDigestWasm(bytes('two'), bytes('salt'), MD5_MAGIC);

    // Assess
    expect(first).toEqual(snapshot);
  });

  it.each([
    ['a password over 16384 bytes', new Uint8Array(16_385), new Uint8Array(8), MD5_MAGIC],
    ['a salt over 8 bytes', new Uint8Array(8), new Uint8Array(9), MD5_MAGIC],
    ['a magic over 8 bytes', new Uint8Array(8), new Uint8Array(8), new Uint8Array(9)],
  ] as const)('rejects %s with a RangeError', (_, password, salt, magic) => {
    // Act & Assess
    expect(() => md5CryptDigestWasm(password, salt, magic)).toThrow(RangeError);
  });
});
