/**
 * MD5-crypt (Poul-Henning Kamp's FreeBSD `$1$`, and Apache's `$apr1$`, which differs only in the magic
 * string it hashes) in one WebAssembly call: the two setup digests and the 1000 rounds. From JavaScript,
 * each of the ~1000–2000 compressions of a verify costs more in call overhead than in arithmetic.
 *
 * Host protocol: write the password bytes, then the salt bytes (at most 8), then the magic bytes (at
 * most 8, e.g. `$1$`) at `inputPointer()`, call `md5Crypt(passwordLength, saltLength, magicLength)` and
 * read the 16 raw digest bytes at the returned pointer (0 means an argument was out of range or memory
 * could not grow). Memory grows for long passwords, so the host must take a fresh view of `memory.buffer`
 * after every call. The password and everything derived from it are zeroed before returning.
 *
 * MD5 is little-endian, as WebAssembly is: message bytes are read as words in place, and the chaining
 * value stored as words is the digest's bytes.
 */

import { INPUT, MAX_PASSWORD_BYTES, reserveMemory, scratchStart } from './shared';

/** FreeBSD's md5crypt uses at most 8 salt characters (the caller truncates or refuses longer ones). */
const MAX_SALT_BYTES: i32 = 8;
const MAX_MAGIC_BYTES: i32 = 8;
const ROUNDS: i32 = 1000;
/** Rounds follow a pattern over i % 2, i % 3 and i % 7, so it repeats every 42 rounds. */
const CYCLE: i32 = 42;
const BLOCK: usize = 64;
const DIGEST: usize = 16;

// ---------------------------------------------------------------------------------------------------
// Static memory
// ---------------------------------------------------------------------------------------------------

const OUTPUT: usize = memory.data(16, 16);
/** Chaining value being worked on. */
const STATE: usize = memory.data(16, 16);
/** The partial block of a streamed message. */
const PENDING: usize = memory.data(64, 16);
const DIGEST_B: usize = memory.data(16, 16);
/** A zero byte, fed for the one-bits of the password length. */
const NUL: usize = memory.data(1, 16);
/** Which of the 8 round templates round i uses, for i in one 42-round cycle. */
const ORDER: usize = memory.data(CYCLE, 16);
/** Per template: the chaining value after the blocks that precede the digest. */
const MIDSTATES: usize = memory.data(8 * 16, 16);
/** Per template, 16 bytes: address of the first block to compress, end of the message, digest slot. */
const DESCRIPTORS: usize = memory.data(8 * 16, 16);
const D_FIRST_BLOCK: usize = 0;
const D_END: usize = 4;
const D_SLOT: usize = 8;

const IV: usize = memory.data<u32>([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);

// ---------------------------------------------------------------------------------------------------
// Compression function (RFC 1321). A step is a = b + rotl(a + f(b, c, d) + X[k] + T[i], s). Its speed is
// bounded by the chain of operations that wait for b, the previous step's result, so each function is
// written to put as little as possible after b, and a + X[k] + T[i] (known a step early) is added first:
// - F = d ^ (b & (c ^ d));
// - G = (b & d) + (c & ~d): the two halves share no bits, so + equals |, and c & ~d is known early;
// - H = b ^ (c ^ d);  I = c ^ (b | ~d).
// The step functions are small enough that Binaryen (-O3) inlines every call: the compiled compression
// function is straight-line code over locals (the same binary as with AssemblyScript's @inline, which
// biome cannot parse on functions).
// ---------------------------------------------------------------------------------------------------

function ff(a: u32, b: u32, c: u32, d: u32, x: u32, t: u32, s: u32): u32 {
  return rotl<u32>(a + x + t + (d ^ (b & (c ^ d))), s) + b;
}
function gg(a: u32, b: u32, c: u32, d: u32, x: u32, t: u32, s: u32): u32 {
  return rotl<u32>(a + x + t + (c & ~d) + (b & d), s) + b;
}
function hh(a: u32, b: u32, c: u32, d: u32, x: u32, t: u32, s: u32): u32 {
  return rotl<u32>(a + x + t + (b ^ (c ^ d)), s) + b;
}
function ii(a: u32, b: u32, c: u32, d: u32, x: u32, t: u32, s: u32): u32 {
  return rotl<u32>(a + x + t + (c ^ (b | ~d)), s) + b;
}

/** Compresses the 64-byte block at `block` into the chaining value at `from`, writing it at `to`. */
function compress(from: usize, to: usize, block: usize): void {
  const x0 = load<u32>(block, 0);
  const x1 = load<u32>(block, 4);
  const x2 = load<u32>(block, 8);
  const x3 = load<u32>(block, 12);
  const x4 = load<u32>(block, 16);
  const x5 = load<u32>(block, 20);
  const x6 = load<u32>(block, 24);
  const x7 = load<u32>(block, 28);
  const x8 = load<u32>(block, 32);
  const x9 = load<u32>(block, 36);
  const x10 = load<u32>(block, 40);
  const x11 = load<u32>(block, 44);
  const x12 = load<u32>(block, 48);
  const x13 = load<u32>(block, 52);
  const x14 = load<u32>(block, 56);
  const x15 = load<u32>(block, 60);
  let a = load<u32>(from, 0);
  let b = load<u32>(from, 4);
  let c = load<u32>(from, 8);
  let d = load<u32>(from, 12);

  a = ff(a, b, c, d, x0, 0xd76aa478, 7);
  d = ff(d, a, b, c, x1, 0xe8c7b756, 12);
  c = ff(c, d, a, b, x2, 0x242070db, 17);
  b = ff(b, c, d, a, x3, 0xc1bdceee, 22);
  a = ff(a, b, c, d, x4, 0xf57c0faf, 7);
  d = ff(d, a, b, c, x5, 0x4787c62a, 12);
  c = ff(c, d, a, b, x6, 0xa8304613, 17);
  b = ff(b, c, d, a, x7, 0xfd469501, 22);
  a = ff(a, b, c, d, x8, 0x698098d8, 7);
  d = ff(d, a, b, c, x9, 0x8b44f7af, 12);
  c = ff(c, d, a, b, x10, 0xffff5bb1, 17);
  b = ff(b, c, d, a, x11, 0x895cd7be, 22);
  a = ff(a, b, c, d, x12, 0x6b901122, 7);
  d = ff(d, a, b, c, x13, 0xfd987193, 12);
  c = ff(c, d, a, b, x14, 0xa679438e, 17);
  b = ff(b, c, d, a, x15, 0x49b40821, 22);

  a = gg(a, b, c, d, x1, 0xf61e2562, 5);
  d = gg(d, a, b, c, x6, 0xc040b340, 9);
  c = gg(c, d, a, b, x11, 0x265e5a51, 14);
  b = gg(b, c, d, a, x0, 0xe9b6c7aa, 20);
  a = gg(a, b, c, d, x5, 0xd62f105d, 5);
  d = gg(d, a, b, c, x10, 0x02441453, 9);
  c = gg(c, d, a, b, x15, 0xd8a1e681, 14);
  b = gg(b, c, d, a, x4, 0xe7d3fbc8, 20);
  a = gg(a, b, c, d, x9, 0x21e1cde6, 5);
  d = gg(d, a, b, c, x14, 0xc33707d6, 9);
  c = gg(c, d, a, b, x3, 0xf4d50d87, 14);
  b = gg(b, c, d, a, x8, 0x455a14ed, 20);
  a = gg(a, b, c, d, x13, 0xa9e3e905, 5);
  d = gg(d, a, b, c, x2, 0xfcefa3f8, 9);
  c = gg(c, d, a, b, x7, 0x676f02d9, 14);
  b = gg(b, c, d, a, x12, 0x8d2a4c8a, 20);

  a = hh(a, b, c, d, x5, 0xfffa3942, 4);
  d = hh(d, a, b, c, x8, 0x8771f681, 11);
  c = hh(c, d, a, b, x11, 0x6d9d6122, 16);
  b = hh(b, c, d, a, x14, 0xfde5380c, 23);
  a = hh(a, b, c, d, x1, 0xa4beea44, 4);
  d = hh(d, a, b, c, x4, 0x4bdecfa9, 11);
  c = hh(c, d, a, b, x7, 0xf6bb4b60, 16);
  b = hh(b, c, d, a, x10, 0xbebfbc70, 23);
  a = hh(a, b, c, d, x13, 0x289b7ec6, 4);
  d = hh(d, a, b, c, x0, 0xeaa127fa, 11);
  c = hh(c, d, a, b, x3, 0xd4ef3085, 16);
  b = hh(b, c, d, a, x6, 0x04881d05, 23);
  a = hh(a, b, c, d, x9, 0xd9d4d039, 4);
  d = hh(d, a, b, c, x12, 0xe6db99e5, 11);
  c = hh(c, d, a, b, x15, 0x1fa27cf8, 16);
  b = hh(b, c, d, a, x2, 0xc4ac5665, 23);

  a = ii(a, b, c, d, x0, 0xf4292244, 6);
  d = ii(d, a, b, c, x7, 0x432aff97, 10);
  c = ii(c, d, a, b, x14, 0xab9423a7, 15);
  b = ii(b, c, d, a, x5, 0xfc93a039, 21);
  a = ii(a, b, c, d, x12, 0x655b59c3, 6);
  d = ii(d, a, b, c, x3, 0x8f0ccc92, 10);
  c = ii(c, d, a, b, x10, 0xffeff47d, 15);
  b = ii(b, c, d, a, x1, 0x85845dd1, 21);
  a = ii(a, b, c, d, x8, 0x6fa87e4f, 6);
  d = ii(d, a, b, c, x15, 0xfe2ce6e0, 10);
  c = ii(c, d, a, b, x6, 0xa3014314, 15);
  b = ii(b, c, d, a, x13, 0x4e0811a1, 21);
  a = ii(a, b, c, d, x4, 0xf7537e82, 6);
  d = ii(d, a, b, c, x11, 0xbd3af235, 10);
  c = ii(c, d, a, b, x2, 0x2ad7d2bb, 15);
  b = ii(b, c, d, a, x9, 0xeb86d391, 21);

  store<u32>(to, load<u32>(from, 0) + a, 0);
  store<u32>(to, load<u32>(from, 4) + b, 4);
  store<u32>(to, load<u32>(from, 8) + c, 8);
  store<u32>(to, load<u32>(from, 12) + d, 12);
}

// ---------------------------------------------------------------------------------------------------
// Streaming MD5, for the two setup digests
// ---------------------------------------------------------------------------------------------------

let pending: usize = 0;
let totalLength: u64 = 0;

function hashStart(): void {
  memory.copy(STATE, IV, DIGEST);
  pending = 0;
  totalLength = 0;
}

function hashUpdate(data: usize, length: usize): void {
  totalLength += <u64>length;
  if (pending > 0) {
    const take = min(BLOCK - pending, length);
    memory.copy(PENDING + pending, data, take);
    pending += take;
    data += take;
    length -= take;
    if (pending < BLOCK) return;
    compress(STATE, STATE, PENDING);
    pending = 0;
  }
  for (; length >= BLOCK; data += BLOCK, length -= BLOCK) compress(STATE, STATE, data);
  if (length > 0) {
    memory.copy(PENDING, data, length);
    pending = length;
  }
}

/** Pads and compresses the rest; the digest is left in STATE and copied to `out`. */
function hashFinish(out: usize): void {
  store<u8>(PENDING + pending, 0x80);
  pending++;
  if (pending > BLOCK - 8) {
    memory.fill(PENDING + pending, 0, BLOCK - pending);
    compress(STATE, STATE, PENDING);
    pending = 0;
  }
  memory.fill(PENDING + pending, 0, BLOCK - 8 - pending);
  store<u64>(PENDING + BLOCK - 8, totalLength << 3);
  compress(STATE, STATE, PENDING);
  memory.copy(out, STATE, DIGEST);
}

// ---------------------------------------------------------------------------------------------------
// Round templates. Round i hashes one of eight messages, chosen by whether i is odd and whether 3 and 7
// divide it:  even: C | [S] | [P] | P      odd: P | [S] | [P] | C
// (C the previous digest, S the salt, P the password, [..] present when i % 3 resp. i % 7 is non-zero).
// Everything but C is fixed, so each message is laid out once, padded; a round writes C into its slot and
// compresses. Blocks entirely before C never change: their chaining value is kept as a midstate.
// ---------------------------------------------------------------------------------------------------

function paddedSize(length: usize): usize {
  return (length + 1 + 8 + BLOCK - 1) & ~(BLOCK - 1);
}

function buildTemplates(passwordLength: usize, saltLength: usize, area: usize, stride: usize): void {
  const password = INPUT;
  const salt = INPUT + passwordLength;
  for (let template: usize = 0; template < 8; template++) {
    const odd = (template & 4) !== 0;
    const withSalt = (template & 2) !== 0;
    const withExtraP = (template & 1) !== 0;
    const start = area + template * stride;
    let at = start;
    if (odd) {
      memory.copy(at, password, passwordLength);
      at += passwordLength;
    } else {
      at += DIGEST;
    }
    if (withSalt) {
      memory.copy(at, salt, saltLength);
      at += saltLength;
    }
    if (withExtraP) {
      memory.copy(at, password, passwordLength);
      at += passwordLength;
    }
    const slot = odd ? at : start;
    if (odd) {
      at += DIGEST;
    } else {
      memory.copy(at, password, passwordLength);
      at += passwordLength;
    }
    const length = at - start;
    const padded = paddedSize(length);
    store<u8>(at, 0x80);
    memory.fill(at + 1, 0, padded - length - 1);
    store<u64>(start + padded - 8, (<u64>length) << 3);

    const firstBlock = start + ((slot - start) & ~(BLOCK - 1));
    const midstate = MIDSTATES + template * DIGEST;
    memory.copy(midstate, IV, DIGEST);
    for (let block = start; block < firstBlock; block += BLOCK) compress(midstate, midstate, block);

    const descriptor = DESCRIPTORS + template * 16;
    store<u32>(descriptor + D_FIRST_BLOCK, <u32>firstBlock);
    store<u32>(descriptor + D_END, <u32>(start + padded));
    store<u32>(descriptor + D_SLOT, <u32>slot);
  }
  for (let i: i32 = 0; i < CYCLE; i++) {
    const template = ((i & 1) << 2) | (i % 3 !== 0 ? 2 : 0) | (i % 7 !== 0 ? 1 : 0);
    store<u8>(ORDER + i, <u8>template);
  }
}

// ---------------------------------------------------------------------------------------------------
// MD5-crypt
// ---------------------------------------------------------------------------------------------------

function md5CryptDigest(passwordLength: usize, saltLength: usize, magicLength: usize): usize {
  const password = INPUT;
  const salt = INPUT + passwordLength;
  const magic = salt + saltLength;

  // Memory past the static data: the eight round templates.
  const area = scratchStart();
  const stride = paddedSize(DIGEST + saltLength + 2 * passwordLength);
  const end = area + 8 * stride;
  if (!reserveMemory(end)) {
    wipe(passwordLength + saltLength + magicLength, area, 0);
    return 0;
  }

  // Digest B = MD5(password | salt | password).
  hashStart();
  hashUpdate(password, passwordLength);
  hashUpdate(salt, saltLength);
  hashUpdate(password, passwordLength);
  hashFinish(DIGEST_B);

  // Digest A = MD5(password | magic | salt | B repeated to the password's length | for each bit of that
  // length, lowest first: a NUL byte when it is 1, the password's first byte when it is 0).
  hashStart();
  hashUpdate(password, passwordLength);
  hashUpdate(magic, magicLength);
  hashUpdate(salt, saltLength);
  let remaining = passwordLength;
  for (; remaining > DIGEST; remaining -= DIGEST) hashUpdate(DIGEST_B, DIGEST);
  hashUpdate(DIGEST_B, remaining);
  for (let n = passwordLength; n > 0; n >>= 1) hashUpdate(n & 1 ? NUL : password, 1);
  hashFinish(STATE);

  buildTemplates(passwordLength, saltLength, area, stride);

  // 1000 rounds, each the template for i % 42 with the previous digest (A at first).
  let position: i32 = 0;
  for (let i: i32 = 0; i < ROUNDS; i++) {
    const template = <usize>load<u8>(ORDER + position);
    position = position === CYCLE - 1 ? 0 : position + 1;
    const descriptor = DESCRIPTORS + (template << 4);
    const slot = <usize>load<u32>(descriptor + D_SLOT);
    store<u32>(slot, load<u32>(STATE, 0), 0);
    store<u32>(slot, load<u32>(STATE, 4), 4);
    store<u32>(slot, load<u32>(STATE, 8), 8);
    store<u32>(slot, load<u32>(STATE, 12), 12);
    let block = <usize>load<u32>(descriptor + D_FIRST_BLOCK);
    const blocksEnd = <usize>load<u32>(descriptor + D_END);
    compress(MIDSTATES + template * DIGEST, STATE, block);
    for (block += BLOCK; block < blocksEnd; block += BLOCK) compress(STATE, STATE, block);
  }

  memory.copy(OUTPUT, STATE, DIGEST);
  wipe(passwordLength + saltLength + magicLength, area, end - area);
  return OUTPUT;
}

/**
 * Zeroes the password and everything derived from it (templates, midstates, intermediate digests): they
 * would let anyone recompute the hash without the password. Only the final digest stays, in OUTPUT.
 */
function wipe(inputLength: usize, dynamicStart: usize, dynamicLength: usize): void {
  memory.fill(INPUT, 0, inputLength);
  memory.fill(dynamicStart, 0, dynamicLength);
  memory.fill(STATE, 0, DIGEST);
  memory.fill(PENDING, 0, BLOCK);
  memory.fill(DIGEST_B, 0, DIGEST);
  memory.fill(MIDSTATES, 0, 8 * DIGEST);
  memory.fill(DESCRIPTORS, 0, 8 * 16);
}

// ---------------------------------------------------------------------------------------------------
// Exports (re-exported by assembly/index.ts, the module's entry)
// ---------------------------------------------------------------------------------------------------

/** Raw 16-byte MD5-crypt digest at the returned pointer; 0 when an argument is out of range. */
export function md5Crypt(passwordLength: i32, saltLength: i32, magicLength: i32): usize {
  if (
    passwordLength < 0 ||
    passwordLength > MAX_PASSWORD_BYTES ||
    saltLength < 0 ||
    saltLength > MAX_SALT_BYTES ||
    magicLength < 0 ||
    magicLength > MAX_MAGIC_BYTES
  ) {
    return 0;
  }
  return md5CryptDigest(<usize>passwordLength, <usize>saltLength, <usize>magicLength);
}
