/**
 * The Data Encryption Standard, written for this package from the tables published in FIPS PUB 46-3
 * (NIST, 1999), with the two twists Unix crypt(3) adds to it: a salt that swaps pairs of bits of the
 * E-box output, and encryption repeated many times over. Node 20's OpenSSL 3 keeps DES in its legacy
 * provider, which Node does not load, and no common npm DES package has crypt's salted variant, so the
 * legacy schemes share this one small implementation.
 *
 * Conventions, as in the standard: bit 1 is the most significant bit of the first byte, tables are
 * 1-based lists of input bit positions. A 64-bit block travels as two 32-bit words (bits 1–32, 33–64);
 * a half-block is one such word. Permutations run once per key or block; the 16 rounds, repeated up to
 * a few thousand times by bsdi_crypt, use shifts and eight table look-ups each.
 */

/** Initial permutation IP (FIPS 46-3, p. 10). Its inverse, the final permutation, is derived below. */
const IP = [
  58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24,
  16, 8, 57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31,
  23, 15, 7,
] as const;

/** E bit-selection table: expands the 32-bit half-block to 48 bits (FIPS 46-3, p. 13). */
const E = [
  32, 1, 2, 3, 4, 5, 4, 5, 6, 7, 8, 9, 8, 9, 10, 11, 12, 13, 12, 13, 14, 15, 16, 17, 16, 17, 18, 19, 20, 21, 20, 21, 22,
  23, 24, 25, 24, 25, 26, 27, 28, 29, 28, 29, 30, 31, 32, 1,
] as const;

/** Permutation P applied to the S-box outputs (FIPS 46-3, p. 15). */
const P = [
  16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25,
] as const;

/** Selection functions S1–S8, each 4 rows of 16 (FIPS 46-3, p. 14). */
const S_BOXES: readonly (readonly number[])[] = [
  [
    14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8, 4, 1,
    14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13,
  ],
  [
    15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5, 0, 14,
    7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9,
  ],
  [
    10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1, 13, 6,
    4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12,
  ],
  [
    7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9, 10, 6,
    9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14,
  ],
  [
    2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6, 4, 2, 1,
    11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3,
  ],
  [
    12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8, 9, 14,
    15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13,
  ],
  [
    4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6, 1, 4,
    11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12,
  ],
  [
    13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2, 7, 11,
    4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11,
  ],
];

/** Permuted choice 1: the 56 key bits kept (every eighth bit is parity and ignored) (FIPS 46-3, p. 18). */
const PC1 = [
  57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36, 63, 55,
  47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
] as const;

/** Permuted choice 2: the 48 bits of each round key, taken from C‖D (FIPS 46-3, p. 19). */
const PC2 = [
  14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2, 41, 52, 31, 37, 47, 55, 30,
  40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
] as const;

/** Left rotations of C and D before each of the 16 rounds (FIPS 46-3, p. 20). */
const KEY_ROTATIONS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1] as const;

const ROUNDS = 16;

/** The first 8 bytes as two unsigned 32-bit words (bytes 1–4, bytes 5–8), big-endian. */
const wordsOf = (bytes: Uint8Array): [number, number] => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return [view.getUint32(0), view.getUint32(4)];
};

/** Bit `position` (1 = most significant of `hi`, 64 = least significant of `lo`) of a 64-bit value. */
const bitAt = (hi: number, lo: number, position: number): number =>
  position <= 32 ? (hi >>> (32 - position)) & 1 : (lo >>> (64 - position)) & 1;

/**
 * Applies entries `from` to `to` (at most 32) of a 1-based FIPS table to a 64-bit input given as words,
 * the first entry's bit ending up most significant.
 */
const gather = (hi: number, lo: number, table: readonly number[], from: number, to: number): number => {
  let out = 0;
  for (let i = from; i < to; i++) out = (out << 1) | bitAt(hi, lo, table[i] ?? 0);
  return out >>> 0;
};

/** The inverse of a permutation table: where each input bit ends up. */
const inverse = (table: readonly number[]): number[] => {
  const result = new Array<number>(table.length).fill(0);
  table.forEach((from, to) => {
    result[from - 1] = to + 1;
  });
  return result;
};

/** Final permutation IP⁻¹ (FIPS 46-3, p. 10), derived so that it cannot disagree with IP. */
const FP = inverse(IP);

/**
 * SP[64·box + six bits]: the S-box output already moved by P to its place in the 32-bit f result, so a
 * round costs eight look-ups. Row = outer bits (1 and 6) of the six, column = inner four (FIPS 46-3, p. 13).
 */
const SP = new Int32Array(8 * 64);
S_BOXES.forEach((box, boxIndex) => {
  for (let six = 0; six < 64; six++) {
    const row = ((six >> 4) & 2) | (six & 1);
    const column = (six >> 1) & 15;
    const nibble = box[row * 16 + column] ?? 0;
    SP[boxIndex * 64 + six] = gather(nibble << (28 - 4 * boxIndex), 0, P, 0, 32);
  }
});

/**
 * E applied with shifts: E's eight 6-bit groups are bits 4g to 4g+5 of the half-block, counting bit 0 as
 * bit 32 and bit 33 as bit 1 (see the table above; a unit test checks the two agree). The 48 output bits
 * come as two 24-bit halves, first bit most significant: groups 1–4, then groups 5–8.
 */
const expandLeft = (r: number): number =>
  ((((r & 1) << 5) | (r >>> 27)) << 18) |
  (((r >>> 23) & 0x3f) << 12) |
  (((r >>> 19) & 0x3f) << 6) |
  ((r >>> 15) & 0x3f);

const expandRight = (r: number): number =>
  (((r >>> 11) & 0x3f) << 18) | (((r >>> 7) & 0x3f) << 12) | (((r >>> 3) & 0x3f) << 6) | ((r & 0x1f) << 1) | (r >>> 31);

/** The 16 round keys of a DES key, each 48 bits kept as two 24-bit halves: [k1 left, k1 right, k2 left, …]. */
type DesKeySchedule = Int32Array;

const rotate28 = (half: number, by: number): number => ((half << by) | (half >>> (28 - by))) & 0xfffffff;

/** Runs the DES key schedule on an 8-byte key; the low bit of each byte (parity) is ignored, as in DES. */
const desKeySchedule = (key: Uint8Array): DesKeySchedule => {
  if (key.length !== 8) throw new RangeError('a DES key is 8 bytes');
  const [hi, lo] = wordsOf(key);
  let c = gather(hi, lo, PC1, 0, 28);
  let d = gather(hi, lo, PC1, 28, 56);
  const schedule = new Int32Array(ROUNDS * 2);
  KEY_ROTATIONS.forEach((rotation, round) => {
    c = rotate28(c, rotation);
    d = rotate28(d, rotation);
    // C‖D as a 56-bit value in two words, for PC2's bit positions 1–56.
    const cdHi = ((c << 4) | (d >>> 24)) >>> 0;
    const cdLo = (d << 8) >>> 0;
    schedule[round * 2] = gather(cdHi, cdLo, PC2, 0, 24);
    schedule[round * 2 + 1] = gather(cdHi, cdLo, PC2, 24, 48);
  });
  return schedule;
};

/**
 * crypt(3)'s salt: when bit i of the salt (least significant first) is set, E output bits i+1 and i+25
 * trade places. In the 24-bit halves that is bit 23−i of each, so the mask is the salt bit-reversed.
 */
const saltMask = (salt: number): number => {
  let mask = 0;
  for (let i = 0; i < 24; i++) if ((salt >>> i) & 1) mask |= 1 << (23 - i);
  return mask;
};

interface DesOptions {
  /** crypt(3)'s 12- or 24-bit salt; 0 (the default) is standard DES. */
  readonly salt?: number;
  /** How many times to encrypt, each output the next input; 1 (the default) is standard DES. */
  readonly iterations?: number;
}

/**
 * DES's f function with crypt's salt: expand R, swap the salted bit pairs, mix in the round key, then
 * the S-boxes and P through SP.
 */
const feistel = (r: number, keyLeft: number, keyRight: number, mask: number): number => {
  const expandedLeft = expandLeft(r);
  const expandedRight = expandRight(r);
  const swap = (expandedLeft ^ expandedRight) & mask;
  const a = expandedLeft ^ swap ^ keyLeft;
  const b = expandedRight ^ swap ^ keyRight;
  return (
    (SP[(a >>> 18) & 0x3f] ?? 0) ^
    (SP[64 + ((a >>> 12) & 0x3f)] ?? 0) ^
    (SP[128 + ((a >>> 6) & 0x3f)] ?? 0) ^
    (SP[192 + (a & 0x3f)] ?? 0) ^
    (SP[256 + ((b >>> 18) & 0x3f)] ?? 0) ^
    (SP[320 + ((b >>> 12) & 0x3f)] ?? 0) ^
    (SP[384 + ((b >>> 6) & 0x3f)] ?? 0) ^
    (SP[448 + (b & 0x3f)] ?? 0)
  );
};

/**
 * Encrypts one 8-byte block, `iterations` times over. Between two encryptions the final permutation and
 * the next initial permutation cancel out, so they run once, at the ends.
 */
const desEncryptBlock = (schedule: DesKeySchedule, block: Uint8Array, options: DesOptions = {}): Uint8Array => {
  if (block.length !== 8) throw new RangeError('a DES block is 8 bytes');
  const mask = saltMask(options.salt ?? 0);
  const [hi, lo] = wordsOf(block);
  let left = gather(hi, lo, IP, 0, 32) | 0;
  let right = gather(hi, lo, IP, 32, 64) | 0;
  for (let iteration = options.iterations ?? 1; iteration > 0; iteration--) {
    // Two rounds per step, so the halves trade roles instead of places: L_i = R_{i-1}, R_i = L_{i-1} ⊕ f(R_{i-1}).
    for (let k = 0; k < ROUNDS * 2; k += 4) {
      left ^= feistel(right, schedule[k] ?? 0, schedule[k + 1] ?? 0, mask);
      right ^= feistel(left, schedule[k + 2] ?? 0, schedule[k + 3] ?? 0, mask);
    }
    // The preoutput block is R16‖L16, which is also the next encryption's L0‖R0.
    const preoutputLeft = right;
    right = left;
    left = preoutputLeft;
  }
  const output = new Uint8Array(8);
  const view = new DataView(output.buffer);
  view.setUint32(0, gather(left >>> 0, right >>> 0, FP, 0, 32));
  view.setUint32(4, gather(left >>> 0, right >>> 0, FP, 32, 64));
  return output;
};

/** Standard DES of one block (ECB, no salt, one encryption). */
const desEncrypt = (key: Uint8Array, block: Uint8Array): Uint8Array => desEncryptBlock(desKeySchedule(key), block);

/**
 * Widens a 7-byte (56-bit) key to DES's 8 bytes by giving each 7 bits a parity bit, left 0 since DES
 * ignores it; LAN Manager hashes key DES this way.
 */
const expandDesKey = (key7: Uint8Array): Uint8Array => {
  if (key7.length !== 7) throw new RangeError('a 56-bit DES key is 7 bytes');
  const padded = new Uint8Array(8);
  padded.set(key7);
  const [hi, lo] = wordsOf(padded);
  return Uint8Array.from({ length: 8 }, (_, i) => {
    let seven = 0;
    for (let bit = 1; bit <= 7; bit++) seven = (seven << 1) | bitAt(hi, lo, i * 7 + bit);
    return seven << 1;
  });
};

/** Applies entries `from` to `to` of a FIPS table to a 32-bit word: lets tests check `expandLeft` against E. */
const permuteWord = (word: number, table: readonly number[], from: number, to: number): number =>
  gather(word >>> 0, 0, table, from, to);

export type { DesKeySchedule, DesOptions };
export { desEncrypt, desEncryptBlock, desKeySchedule, E, expandDesKey, expandLeft, expandRight, permuteWord };
