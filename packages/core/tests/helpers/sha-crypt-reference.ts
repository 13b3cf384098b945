import { createHash } from 'node:crypto';

/**
 * SHA-crypt (Drepper's "Unix crypt using SHA-256 and SHA-512") written step by step over node:crypto, one
 * fresh hash per step: slow (a JS ↔ C++ crossing per round) but easy to check against the specification.
 * Tests compare the WebAssembly backend with it. Returns the raw digest, before the hash64 encoding.
 */
const shaCryptReference = (
  algorithm: 'sha256' | 'sha512',
  password: Uint8Array,
  salt: Uint8Array,
  rounds: number,
): Uint8Array => {
  const hashOf = (...parts: Uint8Array[]): Uint8Array => {
    const hash = createHash(algorithm);
    for (const part of parts) hash.update(part);
    return new Uint8Array(hash.digest());
  };
  const repeat = (times: number, part: Uint8Array): Uint8Array[] => Array.from({ length: times }, () => part);
  /** `source` repeated until it is `length` bytes long. */
  const stretch = (source: Uint8Array, length: number): Uint8Array =>
    Uint8Array.from({ length }, (_, i) => source[i % source.length] ?? 0);

  // Digest B: password, salt, password.
  const digestB = hashOf(password, salt, password);

  // Digest A: password, salt, B stretched to the password's length, then one part per bit of that length
  // (lowest bit first): B for a 1, the password for a 0.
  const partsOfA = [password, salt, stretch(digestB, password.length)];
  for (let length = password.length; length > 0; length >>= 1) partsOfA.push(length & 1 ? digestB : password);
  const digestA = hashOf(...partsOfA);

  // P sequence: hash of the password repeated once per password byte, stretched to the password's length.
  const sequenceP = stretch(hashOf(...repeat(password.length, password)), password.length);
  // S sequence: hash of the salt repeated 16 + A[0] times, cut to the salt's length.
  const sequenceS = hashOf(...repeat(16 + (digestA[0] ?? 0), salt)).subarray(0, salt.length);

  // Digest C: each round hashes the previous digest with the sequences, in an order set by i % 2, 3, 7.
  let digestC = digestA;
  for (let i = 0; i < rounds; i++) {
    const parts: Uint8Array[] = [i % 2 === 1 ? sequenceP : digestC];
    if (i % 3 !== 0) parts.push(sequenceS);
    if (i % 7 !== 0) parts.push(sequenceP);
    parts.push(i % 2 === 1 ? digestC : sequenceP);
    digestC = hashOf(...parts);
  }
  return digestC;
};

export { shaCryptReference };
