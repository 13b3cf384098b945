import { constantTimeEqual } from '../../crypto/constant-time.js';
import { PasswordValueError } from '../../errors.js';
import { pythonText, pythonUpper } from '../../python/python-text.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { isHexDigest, parseHexDigest } from './common.js';
import { desEncrypt, expandDesKey } from './des.js';

/**
 * Code page 437 (the IBM PC's), bytes 0x80–0xFF, as Unicode code points: the mapping Python's `cp437`
 * codec uses, which is passlib's default LAN Manager encoding. Bytes 0x00–0x7F are ASCII.
 */
// biome-ignore format: one row per 16 bytes, like a code page chart
const CP437_HIGH = [
  0x00c7, 0x00fc, 0x00e9, 0x00e2, 0x00e4, 0x00e0, 0x00e5, 0x00e7, 0x00ea, 0x00eb, 0x00e8, 0x00ef, 0x00ee, 0x00ec, 0x00c4, 0x00c5, // 0x80
  0x00c9, 0x00e6, 0x00c6, 0x00f4, 0x00f6, 0x00f2, 0x00fb, 0x00f9, 0x00ff, 0x00d6, 0x00dc, 0x00a2, 0x00a3, 0x00a5, 0x20a7, 0x0192, // 0x90
  0x00e1, 0x00ed, 0x00f3, 0x00fa, 0x00f1, 0x00d1, 0x00aa, 0x00ba, 0x00bf, 0x2310, 0x00ac, 0x00bd, 0x00bc, 0x00a1, 0x00ab, 0x00bb, // 0xA0
  0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556, 0x2555, 0x2563, 0x2551, 0x2557, 0x255d, 0x255c, 0x255b, 0x2510, // 0xB0
  0x2514, 0x2534, 0x252c, 0x251c, 0x2500, 0x253c, 0x255e, 0x255f, 0x255a, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256c, 0x2567, // 0xC0
  0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256b, 0x256a, 0x2518, 0x250c, 0x2588, 0x2584, 0x258c, 0x2590, 0x2580, // 0xD0
  0x03b1, 0x00df, 0x0393, 0x03c0, 0x03a3, 0x03c3, 0x00b5, 0x03c4, 0x03a6, 0x0398, 0x03a9, 0x03b4, 0x221e, 0x03c6, 0x03b5, 0x2229, // 0xE0
  0x2261, 0x00b1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00f7, 0x2248, 0x00b0, 0x2219, 0x00b7, 0x221a, 0x207f, 0x00b2, 0x25a0, 0x00a0, // 0xF0
];

const CP437_BYTE = new Map<number, number>(CP437_HIGH.map((codePoint, index) => [codePoint, 0x80 + index]));

/** The LAN Manager key material: at most 14 bytes, so encoding stops there. */
const LM_KEY_BYTES = 14;

/**
 * The password upper-cased (Unicode rules, as Python's `str.upper`) and encoded in cp437, NUL-padded or
 * cut to 14 bytes. passlib raises a UnicodeEncodeError for a character cp437 lacks; we raise
 * PasswordValueError: passlib refuses this password for this scheme.
 */
const lmKeyMaterial = (password: string): Uint8Array => {
  const bytes = new Uint8Array(LM_KEY_BYTES);
  let length = 0;
  for (const char of pythonUpper(pythonText(password))) {
    const codePoint = char.codePointAt(0) ?? 0;
    const byte = codePoint < 0x80 ? codePoint : CP437_BYTE.get(codePoint);
    if (byte === undefined) throw new PasswordValueError('lmhash cannot encode this password in code page 437');
    if (length < LM_KEY_BYTES) bytes[length] = byte;
    length++;
  }
  return bytes;
};

/** The constant each 7-byte half of the key encrypts. */
const LM_MAGIC = new TextEncoder().encode('KGS!@#$%');

const lmDigest = (password: string): string => {
  const key = lmKeyMaterial(password);
  const first = desEncrypt(expandDesKey(key.subarray(0, 7)), LM_MAGIC);
  const second = desEncrypt(expandDesKey(key.subarray(7, 14)), LM_MAGIC);
  return Buffer.concat([first, second]).toString('hex');
};

/** LAN Manager hash: 32 hex digits, either case; case-insensitive passwords, 14 characters at most. */
const lmhash: PasswordHashScheme = {
  name: 'lmhash',
  identify: (hash) => isHexDigest(hash, 32, 'lower'),
  prepare: (hash) => {
    const digest = parseHexDigest('lmhash', hash, 32, 'lower');
    return { needsUpdate: false, verify: async (password) => constantTimeEqual(lmDigest(password), digest) };
  },
};

export { lmhash };
