/**
 * The compression functions of MD5, SHA-1, SHA-256 and SHA-512, for the crypt schemes' round loops only.
 *
 * md5_crypt, sha2-crypt, sha1_crypt and phpass hash hundreds of thousands of short, same-shaped messages
 * in a row. Through node:crypto each of those costs a JS-to-C++ crossing (about 1 µs, several times the
 * hashing itself), so their loops instead write each message into a padded block buffer that is reused,
 * and run the compression function here on it: no allocation and no crossing per round. Every other use
 * of these hashes (setup, one-off digests) goes through node:crypto. The unit tests check each function
 * against node:crypto.
 *
 * A hash's state is an `Int32Array` of its 32-bit words (SHA-512: high then low half of each 64-bit word).
 * `compress` reads one block from a `DataView` at any byte offset; `writeDigest` writes the state as the
 * digest's bytes at any offset, which is how one round's digest becomes part of the next round's message.
 * They are classes, not closures made per call, so that every instance shares the same methods and V8 can
 * keep inlining them into the round loops from one verify to the next.
 */
interface BlockHash {
  readonly blockBytes: number;
  readonly digestBytes: number;
  /** Bytes of the message-length field that ends the padding. */
  readonly lengthBytes: number;
  /** MD5 reads and writes words little-endian; the SHA family big-endian. */
  readonly littleEndian: boolean;
  readonly state: Int32Array;
  /** Back to the initial state. */
  reset(): void;
  compress(view: DataView, offset: number): void;
  writeDigest(view: DataView, offset: number): void;
}

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

/** The padded length of a `length`-byte message: room for 0x80 and the length field, whole blocks. */
const paddedLength = (hash: BlockHash, length: number): number =>
  Math.ceil((length + 1 + hash.lengthBytes) / hash.blockBytes) * hash.blockBytes;

/**
 * A block buffer for messages of `length` bytes: zeroes (the message goes there), then the padding byte
 * and the bit length. Messages here are at most about 33 KiB (a 4096-character password, twice), so the
 * bit length fits the low 32 bits of the length field.
 */
const paddedMessage = (hash: BlockHash, length: number): { bytes: Uint8Array; view: DataView } => {
  const bytes = new Uint8Array(paddedLength(hash, length));
  const view = new DataView(bytes.buffer);
  bytes[length] = 0x80;
  if (hash.littleEndian) view.setUint32(bytes.length - 8, length * 8, true);
  else view.setUint32(bytes.length - 4, length * 8, false);
  return { bytes, view };
};

/** Compresses every block of a padded message from the initial state; the digest is left in `state`. */
const hashPadded = (hash: BlockHash, view: DataView, byteLength: number): void => {
  hash.reset();
  for (let offset = 0; offset < byteLength; offset += hash.blockBytes) hash.compress(view, offset);
};

/** floor(|sin(i + 1)| · 2^32), written out rather than computed from Math.sin. */
const MD5_K = Int32Array.from([
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501, 0x698098d8,
  0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340,
  0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87,
  0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
  0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039,
  0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92,
  0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb,
  0xeb86d391,
]);
const MD5_SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

const MD5_INITIAL = Int32Array.from([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);

class Md5 implements BlockHash {
  readonly blockBytes = 64;
  readonly digestBytes = 16;
  readonly lengthBytes = 8;
  readonly littleEndian = true;
  readonly state = new Int32Array(4);
  private readonly x = new Int32Array(16);

  constructor() {
    this.reset();
  }

  reset(): void {
    this.state.set(MD5_INITIAL);
  }

  compress(view: DataView, offset: number): void {
    const state = this.state;
    const x = this.x;
    for (let i = 0; i < 16; i++) x[i] = view.getInt32(offset + 4 * i, true);
    let a = state[0] as number;
    let b = state[1] as number;
    let c = state[2] as number;
    let d = state[3] as number;
    // Four passes of sixteen steps, each with its own mixing function and word order; a step is
    // a ← b + rotl(a + f(b, c, d) + K[i] + X[g], s), then a, b, c, d rotate.
    for (let i = 0; i < 16; i++) {
      const sum = (a + ((b & c) | (~b & d)) + (MD5_K[i] as number) + (x[i] as number)) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + rotl(sum, MD5_SHIFTS[i & 3] as number)) | 0;
    }
    for (let i = 16; i < 32; i++) {
      const sum = (a + ((d & b) | (~d & c)) + (MD5_K[i] as number) + (x[(5 * i + 1) & 15] as number)) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + rotl(sum, MD5_SHIFTS[4 + (i & 3)] as number)) | 0;
    }
    for (let i = 32; i < 48; i++) {
      const sum = (a + (b ^ c ^ d) + (MD5_K[i] as number) + (x[(3 * i + 5) & 15] as number)) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + rotl(sum, MD5_SHIFTS[8 + (i & 3)] as number)) | 0;
    }
    for (let i = 48; i < 64; i++) {
      const sum = (a + (c ^ (b | ~d)) + (MD5_K[i] as number) + (x[(7 * i) & 15] as number)) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + rotl(sum, MD5_SHIFTS[12 + (i & 3)] as number)) | 0;
    }
    state[0] = ((state[0] as number) + a) | 0;
    state[1] = ((state[1] as number) + b) | 0;
    state[2] = ((state[2] as number) + c) | 0;
    state[3] = ((state[3] as number) + d) | 0;
  }

  writeDigest(view: DataView, offset: number): void {
    const state = this.state;
    for (let i = 0; i < 4; i++) view.setInt32(offset + 4 * i, state[i] as number, true);
  }
}

const SHA1_INITIAL = Int32Array.from([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);

class Sha1 implements BlockHash {
  readonly blockBytes = 64;
  readonly digestBytes = 20;
  readonly lengthBytes = 8;
  readonly littleEndian = false;
  readonly state = new Int32Array(5);
  private readonly w = new Int32Array(80);

  constructor() {
    this.reset();
  }

  reset(): void {
    this.state.set(SHA1_INITIAL);
  }

  compress(view: DataView, offset: number): void {
    const state = this.state;
    const w = this.w;
    for (let t = 0; t < 16; t++) w[t] = view.getInt32(offset + 4 * t, false);
    for (let t = 16; t < 80; t++) {
      w[t] = rotl((w[t - 3] as number) ^ (w[t - 8] as number) ^ (w[t - 14] as number) ^ (w[t - 16] as number), 1);
    }
    let a = state[0] as number;
    let b = state[1] as number;
    let c = state[2] as number;
    let d = state[3] as number;
    let e = state[4] as number;
    // Four stages of twenty steps, each with its own function and constant.
    for (let t = 0; t < 20; t++) {
      const next = (rotl(a, 5) + ((b & c) | (~b & d)) + 0x5a827999 + e + (w[t] as number)) | 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = next;
    }
    for (let t = 20; t < 40; t++) {
      const next = (rotl(a, 5) + (b ^ c ^ d) + 0x6ed9eba1 + e + (w[t] as number)) | 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = next;
    }
    for (let t = 40; t < 60; t++) {
      const next = (rotl(a, 5) + ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc + e + (w[t] as number)) | 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = next;
    }
    for (let t = 60; t < 80; t++) {
      const next = (rotl(a, 5) + (b ^ c ^ d) + 0xca62c1d6 + e + (w[t] as number)) | 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = next;
    }
    state[0] = ((state[0] as number) + a) | 0;
    state[1] = ((state[1] as number) + b) | 0;
    state[2] = ((state[2] as number) + c) | 0;
    state[3] = ((state[3] as number) + d) | 0;
    state[4] = ((state[4] as number) + e) | 0;
  }

  writeDigest(view: DataView, offset: number): void {
    const state = this.state;
    for (let i = 0; i < 5; i++) view.setInt32(offset + 4 * i, state[i] as number, false);
  }
}

/** The first 32 (SHA-256) or 64 (SHA-512) bits of the fractional parts of the cube roots of the first primes. */
const SHA256_K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

const SHA256_INITIAL = Int32Array.from([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

class Sha256 implements BlockHash {
  readonly blockBytes = 64;
  readonly digestBytes = 32;
  readonly lengthBytes = 8;
  readonly littleEndian = false;
  readonly state = new Int32Array(8);
  private readonly w = new Int32Array(64);

  constructor() {
    this.reset();
  }

  reset(): void {
    this.state.set(SHA256_INITIAL);
  }

  compress(view: DataView, offset: number): void {
    const state = this.state;
    const w = this.w;
    for (let t = 0; t < 16; t++) w[t] = view.getInt32(offset + 4 * t, false);
    for (let t = 16; t < 64; t++) {
      const w15 = w[t - 15] as number;
      const w2 = w[t - 2] as number;
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      w[t] = (s1 + (w[t - 7] as number) + s0 + (w[t - 16] as number)) | 0;
    }
    let a = state[0] as number;
    let b = state[1] as number;
    let c = state[2] as number;
    let d = state[3] as number;
    let e = state[4] as number;
    let f = state[5] as number;
    let g = state[6] as number;
    let h = state[7] as number;
    for (let t = 0; t < 64; t++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + s1 + ((e & f) ^ (~e & g)) + (SHA256_K[t] as number) + (w[t] as number)) | 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    state[0] = ((state[0] as number) + a) | 0;
    state[1] = ((state[1] as number) + b) | 0;
    state[2] = ((state[2] as number) + c) | 0;
    state[3] = ((state[3] as number) + d) | 0;
    state[4] = ((state[4] as number) + e) | 0;
    state[5] = ((state[5] as number) + f) | 0;
    state[6] = ((state[6] as number) + g) | 0;
    state[7] = ((state[7] as number) + h) | 0;
  }

  writeDigest(view: DataView, offset: number): void {
    const state = this.state;
    for (let i = 0; i < 8; i++) view.setInt32(offset + 4 * i, state[i] as number, false);
  }
}

/** SHA-512 round constants as (high, low) 32-bit pairs. */
const SHA512_K = Int32Array.from([
  0x428a2f98, 0xd728ae22, 0x71374491, 0x23ef65cd, 0xb5c0fbcf, 0xec4d3b2f, 0xe9b5dba5, 0x8189dbbc, 0x3956c25b,
  0xf348b538, 0x59f111f1, 0xb605d019, 0x923f82a4, 0xaf194f9b, 0xab1c5ed5, 0xda6d8118, 0xd807aa98, 0xa3030242,
  0x12835b01, 0x45706fbe, 0x243185be, 0x4ee4b28c, 0x550c7dc3, 0xd5ffb4e2, 0x72be5d74, 0xf27b896f, 0x80deb1fe,
  0x3b1696b1, 0x9bdc06a7, 0x25c71235, 0xc19bf174, 0xcf692694, 0xe49b69c1, 0x9ef14ad2, 0xefbe4786, 0x384f25e3,
  0x0fc19dc6, 0x8b8cd5b5, 0x240ca1cc, 0x77ac9c65, 0x2de92c6f, 0x592b0275, 0x4a7484aa, 0x6ea6e483, 0x5cb0a9dc,
  0xbd41fbd4, 0x76f988da, 0x831153b5, 0x983e5152, 0xee66dfab, 0xa831c66d, 0x2db43210, 0xb00327c8, 0x98fb213f,
  0xbf597fc7, 0xbeef0ee4, 0xc6e00bf3, 0x3da88fc2, 0xd5a79147, 0x930aa725, 0x06ca6351, 0xe003826f, 0x14292967,
  0x0a0e6e70, 0x27b70a85, 0x46d22ffc, 0x2e1b2138, 0x5c26c926, 0x4d2c6dfc, 0x5ac42aed, 0x53380d13, 0x9d95b3df,
  0x650a7354, 0x8baf63de, 0x766a0abb, 0x3c77b2a8, 0x81c2c92e, 0x47edaee6, 0x92722c85, 0x1482353b, 0xa2bfe8a1,
  0x4cf10364, 0xa81a664b, 0xbc423001, 0xc24b8b70, 0xd0f89791, 0xc76c51a3, 0x0654be30, 0xd192e819, 0xd6ef5218,
  0xd6990624, 0x5565a910, 0xf40e3585, 0x5771202a, 0x106aa070, 0x32bbd1b8, 0x19a4c116, 0xb8d2d0c8, 0x1e376c08,
  0x5141ab53, 0x2748774c, 0xdf8eeb99, 0x34b0bcb5, 0xe19b48a8, 0x391c0cb3, 0xc5c95a63, 0x4ed8aa4a, 0xe3418acb,
  0x5b9cca4f, 0x7763e373, 0x682e6ff3, 0xd6b2b8a3, 0x748f82ee, 0x5defb2fc, 0x78a5636f, 0x43172f60, 0x84c87814,
  0xa1f0ab72, 0x8cc70208, 0x1a6439ec, 0x90befffa, 0x23631e28, 0xa4506ceb, 0xde82bde9, 0xbef9a3f7, 0xb2c67915,
  0xc67178f2, 0xe372532b, 0xca273ece, 0xea26619c, 0xd186b8c7, 0x21c0c207, 0xeada7dd6, 0xcde0eb1e, 0xf57d4f7f,
  0xee6ed178, 0x06f067aa, 0x72176fba, 0x0a637dc5, 0xa2c898a6, 0x113f9804, 0xbef90dae, 0x1b710b35, 0x131c471b,
  0x28db77f5, 0x23047d84, 0x32caab7b, 0x40c72493, 0x3c9ebe0a, 0x15c9bebc, 0x431d67c4, 0x9c100d4c, 0x4cc5d4be,
  0xcb3e42b6, 0x597f299c, 0xfc657e2a, 0x5fcb6fab, 0x3ad6faec, 0x6c44198c, 0x4a475817,
]);

/** SHA-512 round constants, high and low halves. */
const SHA512_KH = SHA512_K.filter((_, i) => i % 2 === 0);
const SHA512_KL = SHA512_K.filter((_, i) => i % 2 === 1);

/** Adds the 64-bit (high, low) to state words `index`, `index + 1`. */
const add64 = (state: Int32Array, index: number, high: number, low: number): void => {
  const sum = ((state[index + 1] as number) >>> 0) + (low >>> 0);
  state[index] = ((state[index] as number) + high + ((sum / 0x100000000) | 0)) | 0;
  state[index + 1] = sum | 0;
};

/**
 * SHA-512 on 32-bit halves: each 64-bit value is a (high, low) pair of locals. Low halves are summed as
 * unsigned doubles (exact), and the carry, `sum / 2^32` truncated, is added to the high halves.
 */
const SHA512_INITIAL = Int32Array.from([
  0x6a09e667, 0xf3bcc908, 0xbb67ae85, 0x84caa73b, 0x3c6ef372, 0xfe94f82b, 0xa54ff53a, 0x5f1d36f1, 0x510e527f,
  0xade682d1, 0x9b05688c, 0x2b3e6c1f, 0x1f83d9ab, 0xfb41bd6b, 0x5be0cd19, 0x137e2179,
]);

class Sha512 implements BlockHash {
  readonly blockBytes = 128;
  readonly digestBytes = 64;
  readonly lengthBytes = 16;
  readonly littleEndian = false;
  readonly state = new Int32Array(16);
  private readonly wh = new Int32Array(80);
  private readonly wl = new Int32Array(80);

  constructor() {
    this.reset();
  }

  reset(): void {
    this.state.set(SHA512_INITIAL);
  }

  compress(view: DataView, offset: number): void {
    const state = this.state;
    const wh = this.wh;
    const wl = this.wl;
    for (let t = 0; t < 16; t++) {
      wh[t] = view.getInt32(offset + 8 * t, false);
      wl[t] = view.getInt32(offset + 8 * t + 4, false);
    }
    for (let t = 16; t < 80; t++) {
      // σ0(w[t-15]) = rotr1 ^ rotr8 ^ shr7;  σ1(w[t-2]) = rotr19 ^ rotr61 ^ shr6.
      const xh = wh[t - 15] as number;
      const xl = wl[t - 15] as number;
      const s0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7);
      const s0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25));
      const yh = wh[t - 2] as number;
      const yl = wl[t - 2] as number;
      const s1h = ((yh >>> 19) | (yl << 13)) ^ ((yl >>> 29) | (yh << 3)) ^ (yh >>> 6);
      const s1l = ((yl >>> 19) | (yh << 13)) ^ ((yh >>> 29) | (yl << 3)) ^ ((yl >>> 6) | (yh << 26));
      const low = (s1l >>> 0) + ((wl[t - 7] as number) >>> 0) + (s0l >>> 0) + ((wl[t - 16] as number) >>> 0);
      wh[t] = (s1h + (wh[t - 7] as number) + s0h + (wh[t - 16] as number) + ((low / 0x100000000) | 0)) | 0;
      wl[t] = low | 0;
    }
    let ah = state[0] as number;
    let al = state[1] as number;
    let bh = state[2] as number;
    let bl = state[3] as number;
    let ch = state[4] as number;
    let cl = state[5] as number;
    let dh = state[6] as number;
    let dl = state[7] as number;
    let eh = state[8] as number;
    let el = state[9] as number;
    let fh = state[10] as number;
    let fl = state[11] as number;
    let gh = state[12] as number;
    let gl = state[13] as number;
    let hh = state[14] as number;
    let hl = state[15] as number;
    for (let t = 0; t < 80; t++) {
      // Σ1(e) = rotr14 ^ rotr18 ^ rotr41;  Ch(e, f, g) = (e & f) ^ (~e & g).
      const s1h = ((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23));
      const s1l = ((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23));
      const chh = (eh & fh) ^ (~eh & gh);
      const chl = (el & fl) ^ (~el & gl);
      const t1Low =
        (hl >>> 0) + (s1l >>> 0) + (chl >>> 0) + ((SHA512_KL[t] as number) >>> 0) + ((wl[t] as number) >>> 0);
      const t1h = (hh + s1h + chh + (SHA512_KH[t] as number) + (wh[t] as number) + ((t1Low / 0x100000000) | 0)) | 0;
      const t1l = t1Low | 0;
      // Σ0(a) = rotr28 ^ rotr34 ^ rotr39;  Maj(a, b, c) = (a & b) ^ (a & c) ^ (b & c).
      const s0h = ((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25));
      const s0l = ((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25));
      const t2Low = (s0l >>> 0) + (((al & bl) ^ (al & cl) ^ (bl & cl)) >>> 0);
      const t2h = (s0h + ((ah & bh) ^ (ah & ch) ^ (bh & ch)) + ((t2Low / 0x100000000) | 0)) | 0;
      hh = gh;
      hl = gl;
      gh = fh;
      gl = fl;
      fh = eh;
      fl = el;
      const eLow = (dl >>> 0) + (t1l >>> 0);
      eh = (dh + t1h + ((eLow / 0x100000000) | 0)) | 0;
      el = eLow | 0;
      dh = ch;
      dl = cl;
      ch = bh;
      cl = bl;
      bh = ah;
      bl = al;
      const aLow = (t1l >>> 0) + (t2Low >>> 0);
      ah = (t1h + t2h + ((aLow / 0x100000000) | 0)) | 0;
      al = aLow | 0;
    }
    add64(state, 0, ah, al);
    add64(state, 2, bh, bl);
    add64(state, 4, ch, cl);
    add64(state, 6, dh, dl);
    add64(state, 8, eh, el);
    add64(state, 10, fh, fl);
    add64(state, 12, gh, gl);
    add64(state, 14, hh, hl);
  }

  writeDigest(view: DataView, offset: number): void {
    const state = this.state;
    for (let i = 0; i < 16; i++) view.setInt32(offset + 4 * i, state[i] as number, false);
  }
}

export type { BlockHash };

const md5 = (): BlockHash => new Md5();
const sha1 = (): BlockHash => new Sha1();
const sha256 = (): BlockHash => new Sha256();
const sha512 = (): BlockHash => new Sha512();

export { hashPadded, md5, paddedLength, paddedMessage, sha1, sha256, sha512 };
