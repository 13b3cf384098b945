/**
 * The compression functions of MD5 and SHA-1, for the crypt schemes' round loops only.
 *
 * sun_md5_crypt, sha1_crypt and phpass hash thousands to hundreds of thousands of short, same-shaped
 * messages in a row. Through node:crypto each of those costs a JS-to-C++ crossing (about 1 µs, several
 * times the hashing itself), so their loops instead write each message into a padded block buffer that is
 * reused, and run the compression function here on it: no allocation and no crossing per round. Every
 * other use of these hashes (setup, one-off digests) goes through node:crypto. The unit tests check each
 * function against node:crypto. (md5_crypt and sha2-crypt run whole in WebAssembly instead; fshp's
 * repeated SHA-256 has its own one-block loop, digest/rehash-sha256.ts.)
 *
 * A hash's state is an `Int32Array` of its 32-bit words. `compress` reads one block from a `DataView` at
 * any byte offset; `writeDigest` writes the state as the digest's bytes at any offset, which is how one
 * round's digest becomes part of the next round's message. They are classes, not closures made per call,
 * so that every instance shares the same methods and V8 can keep inlining them into the round loops from
 * one verify to the next.
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
 * and the bit length. Messages here hold a password of at most 4096 characters and a few digests, tens of
 * KiB at most, so the bit length fits the low 32 bits of the length field.
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

export type { BlockHash };

const md5 = (): BlockHash => new Md5();
const sha1 = (): BlockHash => new Sha1();

export { hashPadded, md5, paddedLength, paddedMessage, sha1 };
