// biome-ignore-all lint/correctness/noPrecisionLoss: AssemblyScript reads 64-bit literals exactly (u64).
/**
 * SHA-256-crypt and SHA-512-crypt (Ulrich Drepper, "Unix crypt using SHA-256 and SHA-512") in one
 * WebAssembly call. The round loop makes hundreds of thousands of tiny hashes; from JavaScript each one
 * would cross into C++ (~0.4 µs), so the whole computation lives here instead.
 *
 * Host protocol: write the password bytes and then the salt bytes at `inputPointer()`, call
 * `sha256Crypt` / `sha512Crypt(passwordLength, saltLength, rounds)`, read the 32 / 64 raw digest bytes
 * at the returned pointer (0 means an argument was out of range or memory could not grow). Memory grows
 * for long passwords, so the host must take a fresh view of `memory.buffer` after every call. The
 * password and everything derived from it are zeroed before returning.
 *
 * Generic functions take the SHA-2 word type: `u32` selects SHA-256, `u64` SHA-512. Every size below
 * (block, digest, length field) is a multiple of the word size, and `sizeof<T>()` folds at compile time.
 */

import { INPUT, MAX_PASSWORD_BYTES, reserveMemory, scratchStart } from './shared';

/** The specification truncates salts to 16 bytes; the caller does that. */
const MAX_SALT_BYTES: i32 = 16;
const MIN_ROUNDS: u32 = 1000;
const MAX_ROUNDS: u32 = 999999999;
/** Rounds follow a pattern over i % 2, i % 3 and i % 7, so it repeats every 42 rounds. */
const CYCLE: i32 = 42;

// ---------------------------------------------------------------------------------------------------
// Static memory
// ---------------------------------------------------------------------------------------------------

const OUTPUT: usize = memory.data(64, 16);
/** Chaining value being worked on, as native words. */
const STATE: usize = memory.data(64, 16);
/** Message schedule of the block being compressed (80 words of SHA-512 at most). */
const SCHEDULE: usize = memory.data(80 * 8, 16);
/** One block of a streamed message: its bytes while filling, and the same block as words. */
const BLOCK_BYTES: usize = memory.data(128, 16);
const BLOCK_WORDS: usize = memory.data(128, 16);
/** Digest B (bytes), digest A (native words), a scratch digest (bytes), and the salt-derived S bytes. */
const DIGEST_B: usize = memory.data(64, 16);
const DIGEST_A: usize = memory.data(64, 16);
const DIGEST_TMP: usize = memory.data(64, 16);
const SEQUENCE_S: usize = memory.data(MAX_SALT_BYTES, 16);
/** Which of the 8 round templates round i uses, for i in one 42-round cycle. */
const ORDER: usize = memory.data(CYCLE, 16);
/** Per template: the chaining value after the blocks that precede the digest (see buildTemplates). */
const MIDSTATES: usize = memory.data(8 * 64, 16);
/** Per template descriptor, DESCRIPTOR_SIZE bytes: see the offsets below. */
const DESCRIPTORS: usize = memory.data(8 * 48, 16);
const DESCRIPTOR_SIZE: usize = 48;
const D_WORDS: usize = 0; // u32: address of the template message, as native words
const D_FIRST_BLOCK: usize = 4; // u32: first block to compress (earlier ones are in the midstate)
const D_BLOCKS: usize = 8; // u32: number of blocks of the padded message
const D_DIGEST_WORD: usize = 12; // u32: index of the word where the previous digest starts
const D_DIGEST_SHIFT: usize = 16; // u32: byte misalignment of the previous digest inside that word
const D_EDGE_FIRST: usize = 24; // T: template word the digest's first bytes share (digest bytes zero)
const D_EDGE_LAST: usize = 32; // T: template word the digest's last bytes share (digest bytes zero)

const K256: usize = memory.data<u32>([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

const K512: usize = memory.data<u64>([
  0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
  0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
  0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
  0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
  0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
  0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
  0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
  0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
  0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
  0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
  0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
  0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
  0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
  0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
  0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
  0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
]);

const IV256: usize = memory.data<u32>([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

const IV512: usize = memory.data<u64>([
  0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1, 0x510e527fade682d1,
  0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
]);

// ---------------------------------------------------------------------------------------------------
// Compression functions (FIPS 180-4). The working variables live in locals for the whole block; each
// pass of the loop fills eight schedule words (copied from the block, later from the recurrence) and runs
// eight rounds with the variables renamed instead of shifted, so a round is arithmetic on registers.
// Two choices shorten the chain of dependent operations, which bounds the speed of a round:
// - T1 adds the terms known a round early (h, K[t], W[t]) first and Σ1(e) last;
// - Maj(a, b, c) is computed as ((a ^ b) & (b ^ c)) ^ b, where b ^ c is the previous round's a ^ b
//   (kept alternately in x and y).
// ---------------------------------------------------------------------------------------------------

function ch<T>(e: T, f: T, g: T): T {
  return g ^ (e & (f ^ g));
}

function Sigma0_256(x: u32): u32 {
  return rotr<u32>(x, 2) ^ rotr<u32>(x, 13) ^ rotr<u32>(x, 22);
}
function Sigma1_256(x: u32): u32 {
  return rotr<u32>(x, 6) ^ rotr<u32>(x, 11) ^ rotr<u32>(x, 25);
}
function sigma0_256(x: u32): u32 {
  return rotr<u32>(x, 7) ^ rotr<u32>(x, 18) ^ (x >>> 3);
}
function sigma1_256(x: u32): u32 {
  return rotr<u32>(x, 17) ^ rotr<u32>(x, 19) ^ (x >>> 10);
}

/** Message schedule: W[t] from W[t-2], W[t-7], W[t-15] and W[t-16]. */
function nextWord256(w2: u32, w7: u32, w15: u32, w16: u32): u32 {
  return sigma1_256(w2) + w7 + sigma0_256(w15) + w16;
}

function Sigma0_512(x: u64): u64 {
  return rotr<u64>(x, 28) ^ rotr<u64>(x, 34) ^ rotr<u64>(x, 39);
}
function Sigma1_512(x: u64): u64 {
  return rotr<u64>(x, 14) ^ rotr<u64>(x, 18) ^ rotr<u64>(x, 41);
}
function sigma0_512(x: u64): u64 {
  return rotr<u64>(x, 1) ^ rotr<u64>(x, 8) ^ (x >>> 7);
}
function sigma1_512(x: u64): u64 {
  return rotr<u64>(x, 19) ^ rotr<u64>(x, 61) ^ (x >>> 6);
}

function nextWord512(w2: u64, w7: u64, w15: u64, w16: u64): u64 {
  return sigma1_512(w2) + w7 + sigma0_512(w15) + w16;
}

/**
 * Compresses one SHA-256 block (16 native words at `block`) into the chaining value at `from`, writing the
 * result at `to` (which may be `from`).
 */
function compress256(from: usize, to: usize, block: usize): void {
  let a = load<u32>(from, 0);
  let b = load<u32>(from, 4);
  let c = load<u32>(from, 8);
  let d = load<u32>(from, 12);
  let e = load<u32>(from, 16);
  let f = load<u32>(from, 20);
  let g = load<u32>(from, 24);
  let h = load<u32>(from, 28);
  let t1: u32;
  let x: u32;
  let y: u32 = b ^ c;
  for (let t: usize = 0; t < 64; t += 8) {
    const k = K256 + (t << 2);
    const w = SCHEDULE + (t << 2);
    if (t < 16) {
      const m = block + (t << 2);
      store<u32>(w, load<u32>(m, 0), 0);
      store<u32>(w, load<u32>(m, 4), 4);
      store<u32>(w, load<u32>(m, 8), 8);
      store<u32>(w, load<u32>(m, 12), 12);
      store<u32>(w, load<u32>(m, 16), 16);
      store<u32>(w, load<u32>(m, 20), 20);
      store<u32>(w, load<u32>(m, 24), 24);
      store<u32>(w, load<u32>(m, 28), 28);
    } else {
      // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], addressed from W[t-16] so offsets stay positive.
      const p = w - 64;
      store<u32>(p, nextWord256(load<u32>(p, 56), load<u32>(p, 36), load<u32>(p, 4), load<u32>(p, 0)), 64);
      store<u32>(p, nextWord256(load<u32>(p, 60), load<u32>(p, 40), load<u32>(p, 8), load<u32>(p, 4)), 68);
      store<u32>(p, nextWord256(load<u32>(p, 64), load<u32>(p, 44), load<u32>(p, 12), load<u32>(p, 8)), 72);
      store<u32>(p, nextWord256(load<u32>(p, 68), load<u32>(p, 48), load<u32>(p, 16), load<u32>(p, 12)), 76);
      store<u32>(p, nextWord256(load<u32>(p, 72), load<u32>(p, 52), load<u32>(p, 20), load<u32>(p, 16)), 80);
      store<u32>(p, nextWord256(load<u32>(p, 76), load<u32>(p, 56), load<u32>(p, 24), load<u32>(p, 20)), 84);
      store<u32>(p, nextWord256(load<u32>(p, 80), load<u32>(p, 60), load<u32>(p, 28), load<u32>(p, 24)), 88);
      store<u32>(p, nextWord256(load<u32>(p, 84), load<u32>(p, 64), load<u32>(p, 32), load<u32>(p, 28)), 92);
    }
    t1 = h + load<u32>(k, 0) + load<u32>(w, 0) + ch<u32>(e, f, g) + Sigma1_256(e);
    d += t1;
    x = a ^ b;
    h = t1 + (Sigma0_256(a) + ((x & y) ^ b));
    t1 = g + load<u32>(k, 4) + load<u32>(w, 4) + ch<u32>(d, e, f) + Sigma1_256(d);
    c += t1;
    y = h ^ a;
    g = t1 + (Sigma0_256(h) + ((y & x) ^ a));
    t1 = f + load<u32>(k, 8) + load<u32>(w, 8) + ch<u32>(c, d, e) + Sigma1_256(c);
    b += t1;
    x = g ^ h;
    f = t1 + (Sigma0_256(g) + ((x & y) ^ h));
    t1 = e + load<u32>(k, 12) + load<u32>(w, 12) + ch<u32>(b, c, d) + Sigma1_256(b);
    a += t1;
    y = f ^ g;
    e = t1 + (Sigma0_256(f) + ((y & x) ^ g));
    t1 = d + load<u32>(k, 16) + load<u32>(w, 16) + ch<u32>(a, b, c) + Sigma1_256(a);
    h += t1;
    x = e ^ f;
    d = t1 + (Sigma0_256(e) + ((x & y) ^ f));
    t1 = c + load<u32>(k, 20) + load<u32>(w, 20) + ch<u32>(h, a, b) + Sigma1_256(h);
    g += t1;
    y = d ^ e;
    c = t1 + (Sigma0_256(d) + ((y & x) ^ e));
    t1 = b + load<u32>(k, 24) + load<u32>(w, 24) + ch<u32>(g, h, a) + Sigma1_256(g);
    f += t1;
    x = c ^ d;
    b = t1 + (Sigma0_256(c) + ((x & y) ^ d));
    t1 = a + load<u32>(k, 28) + load<u32>(w, 28) + ch<u32>(f, g, h) + Sigma1_256(f);
    e += t1;
    y = b ^ c;
    a = t1 + (Sigma0_256(b) + ((y & x) ^ c));
  }
  store<u32>(to, load<u32>(from, 0) + a, 0);
  store<u32>(to, load<u32>(from, 4) + b, 4);
  store<u32>(to, load<u32>(from, 8) + c, 8);
  store<u32>(to, load<u32>(from, 12) + d, 12);
  store<u32>(to, load<u32>(from, 16) + e, 16);
  store<u32>(to, load<u32>(from, 20) + f, 20);
  store<u32>(to, load<u32>(from, 24) + g, 24);
  store<u32>(to, load<u32>(from, 28) + h, 28);
}

/** The same for SHA-512. */
function compress512(from: usize, to: usize, block: usize): void {
  let a = load<u64>(from, 0);
  let b = load<u64>(from, 8);
  let c = load<u64>(from, 16);
  let d = load<u64>(from, 24);
  let e = load<u64>(from, 32);
  let f = load<u64>(from, 40);
  let g = load<u64>(from, 48);
  let h = load<u64>(from, 56);
  let t1: u64;
  let x: u64;
  let y: u64 = b ^ c;
  for (let t: usize = 0; t < 80; t += 8) {
    const k = K512 + (t << 3);
    const w = SCHEDULE + (t << 3);
    if (t < 16) {
      const m = block + (t << 3);
      store<u64>(w, load<u64>(m, 0), 0);
      store<u64>(w, load<u64>(m, 8), 8);
      store<u64>(w, load<u64>(m, 16), 16);
      store<u64>(w, load<u64>(m, 24), 24);
      store<u64>(w, load<u64>(m, 32), 32);
      store<u64>(w, load<u64>(m, 40), 40);
      store<u64>(w, load<u64>(m, 48), 48);
      store<u64>(w, load<u64>(m, 56), 56);
    } else {
      // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], addressed from W[t-16] so offsets stay positive.
      const p = w - 128;
      store<u64>(p, nextWord512(load<u64>(p, 112), load<u64>(p, 72), load<u64>(p, 8), load<u64>(p, 0)), 128);
      store<u64>(p, nextWord512(load<u64>(p, 120), load<u64>(p, 80), load<u64>(p, 16), load<u64>(p, 8)), 136);
      store<u64>(p, nextWord512(load<u64>(p, 128), load<u64>(p, 88), load<u64>(p, 24), load<u64>(p, 16)), 144);
      store<u64>(p, nextWord512(load<u64>(p, 136), load<u64>(p, 96), load<u64>(p, 32), load<u64>(p, 24)), 152);
      store<u64>(p, nextWord512(load<u64>(p, 144), load<u64>(p, 104), load<u64>(p, 40), load<u64>(p, 32)), 160);
      store<u64>(p, nextWord512(load<u64>(p, 152), load<u64>(p, 112), load<u64>(p, 48), load<u64>(p, 40)), 168);
      store<u64>(p, nextWord512(load<u64>(p, 160), load<u64>(p, 120), load<u64>(p, 56), load<u64>(p, 48)), 176);
      store<u64>(p, nextWord512(load<u64>(p, 168), load<u64>(p, 128), load<u64>(p, 64), load<u64>(p, 56)), 184);
    }
    t1 = h + load<u64>(k, 0) + load<u64>(w, 0) + ch<u64>(e, f, g) + Sigma1_512(e);
    d += t1;
    x = a ^ b;
    h = t1 + (Sigma0_512(a) + ((x & y) ^ b));
    t1 = g + load<u64>(k, 8) + load<u64>(w, 8) + ch<u64>(d, e, f) + Sigma1_512(d);
    c += t1;
    y = h ^ a;
    g = t1 + (Sigma0_512(h) + ((y & x) ^ a));
    t1 = f + load<u64>(k, 16) + load<u64>(w, 16) + ch<u64>(c, d, e) + Sigma1_512(c);
    b += t1;
    x = g ^ h;
    f = t1 + (Sigma0_512(g) + ((x & y) ^ h));
    t1 = e + load<u64>(k, 24) + load<u64>(w, 24) + ch<u64>(b, c, d) + Sigma1_512(b);
    a += t1;
    y = f ^ g;
    e = t1 + (Sigma0_512(f) + ((y & x) ^ g));
    t1 = d + load<u64>(k, 32) + load<u64>(w, 32) + ch<u64>(a, b, c) + Sigma1_512(a);
    h += t1;
    x = e ^ f;
    d = t1 + (Sigma0_512(e) + ((x & y) ^ f));
    t1 = c + load<u64>(k, 40) + load<u64>(w, 40) + ch<u64>(h, a, b) + Sigma1_512(h);
    g += t1;
    y = d ^ e;
    c = t1 + (Sigma0_512(d) + ((y & x) ^ e));
    t1 = b + load<u64>(k, 48) + load<u64>(w, 48) + ch<u64>(g, h, a) + Sigma1_512(g);
    f += t1;
    x = c ^ d;
    b = t1 + (Sigma0_512(c) + ((x & y) ^ d));
    t1 = a + load<u64>(k, 56) + load<u64>(w, 56) + ch<u64>(f, g, h) + Sigma1_512(f);
    e += t1;
    y = b ^ c;
    a = t1 + (Sigma0_512(b) + ((y & x) ^ c));
  }
  store<u64>(to, load<u64>(from, 0) + a, 0);
  store<u64>(to, load<u64>(from, 8) + b, 8);
  store<u64>(to, load<u64>(from, 16) + c, 16);
  store<u64>(to, load<u64>(from, 24) + d, 24);
  store<u64>(to, load<u64>(from, 32) + e, 32);
  store<u64>(to, load<u64>(from, 40) + f, 40);
  store<u64>(to, load<u64>(from, 48) + g, 48);
  store<u64>(to, load<u64>(from, 56) + h, 56);
}

// ---------------------------------------------------------------------------------------------------
// Sizes and helpers generic over the word type
// ---------------------------------------------------------------------------------------------------

/** 64 or 128. */
function blockSize<T>(): usize {
  return sizeof<T>() << 4;
}
/** 32 or 64. */
function digestSize<T>(): usize {
  return sizeof<T>() << 3;
}
/** The big-endian bit length ends the last block: 8 bytes for SHA-256, 16 for SHA-512. */
function lengthFieldSize<T>(): usize {
  return sizeof<T>() << 1;
}

function initialValue<T>(): usize {
  return sizeof<T>() === 8 ? IV512 : IV256;
}

function compress<T>(from: usize, to: usize, block: usize): void {
  if (sizeof<T>() === 8) compress512(from, to, block);
  else compress256(from, to, block);
}

/** Copies the eight words of a chaining value. */
function copyState<T>(to: usize, from: usize): void {
  memory.copy(to, from, digestSize<T>());
}

/** Length of a message of `length` bytes once padded to whole blocks. */
function paddedSize<T>(length: usize): usize {
  const block = blockSize<T>();
  return ((length + 1 + lengthFieldSize<T>() + block - 1) / block) * block;
}

/** Turns big-endian bytes into native words in place (or back: the swap is its own inverse). */
function swapWords<T>(at: usize, length: usize): void {
  for (let p = at; p < at + length; p += sizeof<T>()) store<T>(p, bswap<T>(load<T>(p)));
}

// ---------------------------------------------------------------------------------------------------
// Streaming hash, for the setup digests (their inputs can reach hundreds of megabytes for long passwords,
// so they are fed piece by piece instead of being laid out in memory).
// ---------------------------------------------------------------------------------------------------

let buffered: usize = 0;
let totalLength: u64 = 0;

function compressBytes<T>(bytes: usize): void {
  memory.copy(BLOCK_WORDS, bytes, blockSize<T>());
  swapWords<T>(BLOCK_WORDS, blockSize<T>());
  compress<T>(STATE, STATE, BLOCK_WORDS);
}

function hashStart<T>(): void {
  copyState<T>(STATE, initialValue<T>());
  buffered = 0;
  totalLength = 0;
}

function hashUpdate<T>(data: usize, length: usize): void {
  const block = blockSize<T>();
  totalLength += <u64>length;
  if (buffered > 0) {
    const take = min(block - buffered, length);
    memory.copy(BLOCK_BYTES + buffered, data, take);
    buffered += take;
    data += take;
    length -= take;
    if (buffered < block) return;
    compressBytes<T>(BLOCK_BYTES);
    buffered = 0;
  }
  while (length >= block) {
    compressBytes<T>(data);
    data += block;
    length -= block;
  }
  if (length > 0) {
    memory.copy(BLOCK_BYTES, data, length);
    buffered = length;
  }
}

/** Pads, compresses the rest and writes the digest's bytes at `out`; STATE keeps it as native words. */
function hashFinish<T>(out: usize): void {
  const block = blockSize<T>();
  store<u8>(BLOCK_BYTES + buffered, 0x80);
  buffered++;
  if (buffered > block - lengthFieldSize<T>()) {
    memory.fill(BLOCK_BYTES + buffered, 0, block - buffered);
    compressBytes<T>(BLOCK_BYTES);
    buffered = 0;
  }
  memory.fill(BLOCK_BYTES + buffered, 0, block - 8 - buffered);
  store<u64>(BLOCK_BYTES + block - 8, bswap<u64>(totalLength << 3));
  compressBytes<T>(BLOCK_BYTES);
  memory.copy(out, STATE, digestSize<T>());
  swapWords<T>(out, digestSize<T>());
}

// ---------------------------------------------------------------------------------------------------
// Round templates. Round i hashes one of eight messages, chosen by whether i is odd and whether 3 and 7
// divide it:  even: C | [S] | [P] | P      odd: P | [S] | [P] | C
// (C the previous digest, S and P the salt and password sequences, [..] present when i % 3 resp. i % 7
// is non-zero). Everything but C is fixed, so each message is laid out once, padded and converted to
// native words; a round only writes C into its slot (shifted when C does not start on a word boundary)
// and compresses. Blocks entirely before C never change: their chaining value is kept as a midstate.
// ---------------------------------------------------------------------------------------------------

function buildTemplates<T>(
  sequenceP: usize,
  passwordLength: usize,
  saltLength: usize,
  area: usize,
  stride: usize,
): void {
  const digest = digestSize<T>();
  for (let template: usize = 0; template < 8; template++) {
    const odd = (template & 4) !== 0;
    const withSalt = (template & 2) !== 0;
    const withExtraP = (template & 1) !== 0;
    const start = area + template * stride;
    let at = start;
    let digestOffset: usize = 0;
    if (odd) {
      memory.copy(at, sequenceP, passwordLength);
      at += passwordLength;
    } else {
      memory.fill(at, 0, digest);
      at += digest;
    }
    if (withSalt) {
      memory.copy(at, SEQUENCE_S, saltLength);
      at += saltLength;
    }
    if (withExtraP) {
      memory.copy(at, sequenceP, passwordLength);
      at += passwordLength;
    }
    if (odd) {
      digestOffset = at - start;
      memory.fill(at, 0, digest);
      at += digest;
    } else {
      memory.copy(at, sequenceP, passwordLength);
      at += passwordLength;
    }
    const length = at - start;
    const padded = paddedSize<T>(length);
    store<u8>(at, 0x80);
    memory.fill(at + 1, 0, padded - length - 1);
    store<u64>(start + padded - 8, bswap<u64>((<u64>length) << 3));
    swapWords<T>(start, padded);

    const word = digestOffset / sizeof<T>();
    const shift = digestOffset % sizeof<T>();
    const firstBlock = word >> 4;
    const midstate = MIDSTATES + template * 64;
    copyState<T>(midstate, initialValue<T>());
    for (let b: usize = 0; b < firstBlock; b++) compress<T>(midstate, midstate, start + b * blockSize<T>());

    const descriptor = DESCRIPTORS + template * DESCRIPTOR_SIZE;
    store<u32>(descriptor + D_WORDS, <u32>start);
    store<u32>(descriptor + D_FIRST_BLOCK, <u32>firstBlock);
    store<u32>(descriptor + D_BLOCKS, <u32>(padded / blockSize<T>()));
    store<u32>(descriptor + D_DIGEST_WORD, <u32>word);
    store<u32>(descriptor + D_DIGEST_SHIFT, <u32>shift);
    store<T>(descriptor + D_EDGE_FIRST, load<T>(start + word * sizeof<T>()));
    store<T>(descriptor + D_EDGE_LAST, shift === 0 ? 0 : load<T>(start + (word + 8) * sizeof<T>()));
  }
  for (let i: i32 = 0; i < CYCLE; i++) {
    const template = ((i & 1) << 2) | (i % 3 !== 0 ? 2 : 0) | (i % 7 !== 0 ? 1 : 0);
    store<u8>(ORDER + i, <u8>template);
  }
}

/** Writes the chaining value (the previous round's digest) into a template's slot. */
function placeDigest<T>(descriptor: usize): void {
  const w = sizeof<T>();
  const slot = <usize>load<u32>(descriptor + D_WORDS) + <usize>load<u32>(descriptor + D_DIGEST_WORD) * w;
  const shift = load<u32>(descriptor + D_DIGEST_SHIFT);
  if (shift === 0) {
    store<T>(slot, load<T>(STATE, 0), 0);
    store<T>(slot, load<T>(STATE, w), w);
    store<T>(slot, load<T>(STATE, 2 * w), 2 * w);
    store<T>(slot, load<T>(STATE, 3 * w), 3 * w);
    store<T>(slot, load<T>(STATE, 4 * w), 4 * w);
    store<T>(slot, load<T>(STATE, 5 * w), 5 * w);
    store<T>(slot, load<T>(STATE, 6 * w), 6 * w);
    store<T>(slot, load<T>(STATE, 7 * w), 7 * w);
    return;
  }
  // Big-endian words: the digest's first bytes fill the low end of the first word, after the template's.
  const right = <T>(shift << 3);
  const left = <T>(((<u32>w) << 3) - (shift << 3));
  let carry = load<T>(descriptor + D_EDGE_FIRST);
  for (let k: usize = 0; k < 8; k++) {
    const value = load<T>(STATE + k * w);
    store<T>(slot + k * w, carry | (value >>> right));
    carry = value << left;
  }
  store<T>(slot + 8 * w, carry | load<T>(descriptor + D_EDGE_LAST));
}

// ---------------------------------------------------------------------------------------------------
// SHA-crypt
// ---------------------------------------------------------------------------------------------------

function shaCrypt<T>(passwordLength: usize, saltLength: usize, rounds: u32): usize {
  const digest = digestSize<T>();
  const password = INPUT;
  const salt = INPUT + passwordLength;

  // Digest B = H(password | salt | password).
  hashStart<T>();
  hashUpdate<T>(password, passwordLength);
  hashUpdate<T>(salt, saltLength);
  hashUpdate<T>(password, passwordLength);
  hashFinish<T>(DIGEST_B);

  // Digest A = H(password | salt | B repeated to the password's length | for each bit of that length,
  // lowest first: B when it is 1, the password when it is 0).
  hashStart<T>();
  hashUpdate<T>(password, passwordLength);
  hashUpdate<T>(salt, saltLength);
  let remaining = passwordLength;
  for (; remaining > digest; remaining -= digest) hashUpdate<T>(DIGEST_B, digest);
  hashUpdate<T>(DIGEST_B, remaining);
  for (let n = passwordLength; n > 0; n >>= 1) {
    if (n & 1) hashUpdate<T>(DIGEST_B, digest);
    else hashUpdate<T>(password, passwordLength);
  }
  hashFinish<T>(DIGEST_TMP);
  copyState<T>(DIGEST_A, STATE);
  const firstByteOfA = <usize>load<u8>(DIGEST_TMP);

  // Memory past the static data: the P sequence, then the eight round templates.
  const sequenceP = scratchStart();
  const area = (sequenceP + passwordLength + 15) & ~(<usize>15);
  const stride = paddedSize<T>(digest + saltLength + 2 * passwordLength);
  const end = area + 8 * stride;
  if (!reserveMemory(end)) {
    wipe(passwordLength + saltLength, 0, sequenceP);
    return 0;
  }

  // P sequence: H(password repeated password-length times), repeated to the password's length.
  hashStart<T>();
  for (let i: usize = 0; i < passwordLength; i++) hashUpdate<T>(password, passwordLength);
  hashFinish<T>(DIGEST_TMP);
  for (let at: usize = 0; at < passwordLength; at += digest) {
    memory.copy(sequenceP + at, DIGEST_TMP, min(digest, passwordLength - at));
  }

  // S sequence: H(salt repeated 16 + A[0] times), cut to the salt's length (at most 16 < digest).
  hashStart<T>();
  for (let i: usize = 0; i < 16 + firstByteOfA; i++) hashUpdate<T>(salt, saltLength);
  hashFinish<T>(DIGEST_TMP);
  memory.copy(SEQUENCE_S, DIGEST_TMP, saltLength);

  buildTemplates<T>(sequenceP, passwordLength, saltLength, area, stride);

  // Digest C: `rounds` hashes, each of the template for i % 42 with the previous digest (A at first).
  copyState<T>(STATE, DIGEST_A);
  const block = blockSize<T>();
  let position: i32 = 0;
  for (let i: u32 = 0; i < rounds; i++) {
    const template = <usize>load<u8>(ORDER + position);
    position = position === CYCLE - 1 ? 0 : position + 1;
    const descriptor = DESCRIPTORS + template * DESCRIPTOR_SIZE;
    placeDigest<T>(descriptor);
    const words = <usize>load<u32>(descriptor + D_WORDS);
    const blocks = <usize>load<u32>(descriptor + D_BLOCKS);
    let b = <usize>load<u32>(descriptor + D_FIRST_BLOCK);
    compress<T>(MIDSTATES + template * 64, STATE, words + b * block);
    for (b++; b < blocks; b++) compress<T>(STATE, STATE, words + b * block);
  }

  memory.copy(OUTPUT, STATE, digest);
  swapWords<T>(OUTPUT, digest);
  wipe(passwordLength + saltLength, end - sequenceP, sequenceP);
  return OUTPUT;
}

/**
 * Zeroes the password and everything derived from it (P sequence, templates, intermediate digests): they
 * would let anyone recompute the hash without the password. Only the final digest stays, in OUTPUT.
 */
function wipe(inputLength: usize, dynamicLength: usize, dynamicStart: usize): void {
  memory.fill(INPUT, 0, inputLength);
  memory.fill(dynamicStart, 0, dynamicLength);
  memory.fill(STATE, 0, 64);
  memory.fill(SCHEDULE, 0, 80 * 8);
  memory.fill(BLOCK_BYTES, 0, 128);
  memory.fill(BLOCK_WORDS, 0, 128);
  memory.fill(DIGEST_B, 0, 64);
  memory.fill(DIGEST_A, 0, 64);
  memory.fill(DIGEST_TMP, 0, 64);
  memory.fill(SEQUENCE_S, 0, MAX_SALT_BYTES);
  memory.fill(MIDSTATES, 0, 8 * 64);
  memory.fill(DESCRIPTORS, 0, 8 * DESCRIPTOR_SIZE);
}

function validArguments(passwordLength: i32, saltLength: i32, rounds: u32): bool {
  return (
    passwordLength >= 0 &&
    passwordLength <= MAX_PASSWORD_BYTES &&
    saltLength >= 0 &&
    saltLength <= MAX_SALT_BYTES &&
    rounds >= MIN_ROUNDS &&
    rounds <= MAX_ROUNDS
  );
}

// ---------------------------------------------------------------------------------------------------
// Exports (re-exported by assembly/index.ts, the module's entry)
// ---------------------------------------------------------------------------------------------------

/** Raw 32-byte SHA-256-crypt digest at the returned pointer; 0 when an argument is out of range. */
export function sha256Crypt(passwordLength: i32, saltLength: i32, rounds: u32): usize {
  if (!validArguments(passwordLength, saltLength, rounds)) return 0;
  return shaCrypt<u32>(<usize>passwordLength, <usize>saltLength, rounds);
}

/** Raw 64-byte SHA-512-crypt digest at the returned pointer; 0 when an argument is out of range. */
export function sha512Crypt(passwordLength: i32, saltLength: i32, rounds: u32): usize {
  if (!validArguments(passwordLength, saltLength, rounds)) return 0;
  return shaCrypt<u64>(<usize>passwordLength, <usize>saltLength, rounds);
}
