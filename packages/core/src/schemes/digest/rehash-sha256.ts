/**
 * SHA-256 applied again and again to its own 32-byte output, in plain JavaScript. FSHP's default is
 * 480000 such rounds; through node:crypto each round is a separate call into C++ (~0.5 µs of overhead for
 * ~0.2 µs of hashing), 2.5x passlib's time. A 32-byte message is always exactly one block — the digest,
 * the 0x80 marker, zeros, the bit length 256 — so each round here is one compression with a fixed tail
 * and no allocation, which V8 runs at about passlib's speed. Tested against node:crypto.
 *
 * Shape matters for speed: a small function per round, called many times, is optimised by V8 from the
 * first verify; one long loop over module-level state would run through on-stack replacement at a
 * third of the speed.
 */

/** FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

/** FIPS 180-4 §5.3.3: the initial hash value. */
const IV = Int32Array.from([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

/** Typed-array reads within bounds; `noUncheckedIndexedAccess` cannot know that. */
const at = (words: Int32Array, index: number): number => words[index] as number;

/** Replaces `state` (8 words) by the SHA-256 of its 32 bytes; `w` is the 64-word schedule to reuse. */
const compressDigest = (state: Int32Array, w: Int32Array): void => {
  for (let i = 0; i < 8; i++) w[i] = at(state, i);
  w[8] = 0x80000000 | 0;
  for (let i = 9; i < 15; i++) w[i] = 0;
  w[15] = 256;
  for (let i = 16; i < 64; i++) {
    const x = at(w, i - 15);
    const y = at(w, i - 2);
    const sigma0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const sigma1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (at(w, i - 16) + sigma0 + at(w, i - 7) + sigma1) | 0;
  }
  let a = at(IV, 0);
  let b = at(IV, 1);
  let c = at(IV, 2);
  let d = at(IV, 3);
  let e = at(IV, 4);
  let f = at(IV, 5);
  let g = at(IV, 6);
  let h = at(IV, 7);
  for (let i = 0; i < 64; i++) {
    const bigSigma1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const choose = g ^ (e & (f ^ g));
    const t1 = (h + bigSigma1 + choose + at(K, i) + at(w, i)) | 0;
    const bigSigma0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (bigSigma0 + ((a & b) | (c & (a | b)))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (at(IV, 0) + a) | 0;
  state[1] = (at(IV, 1) + b) | 0;
  state[2] = (at(IV, 2) + c) | 0;
  state[3] = (at(IV, 3) + d) | 0;
  state[4] = (at(IV, 4) + e) | 0;
  state[5] = (at(IV, 5) + f) | 0;
  state[6] = (at(IV, 6) + g) | 0;
  state[7] = (at(IV, 7) + h) | 0;
};

/** SHA-256 of `digest` (32 bytes), `times` times over; `times` = 0 returns a copy. */
const rehashSha256 = (digest: Uint8Array, times: number): Buffer => {
  const bytes = Buffer.from(digest);
  const state = Int32Array.from({ length: 8 }, (_, index) => bytes.readInt32BE(index * 4));
  const schedule = new Int32Array(64);
  for (let round = 0; round < times; round++) compressDigest(state, schedule);
  const out = Buffer.alloc(32);
  state.forEach((word, index) => {
    out.writeInt32BE(word, index * 4);
  });
  return out;
};

export { rehashSha256 };
