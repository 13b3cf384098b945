import { type BlockHash, paddedMessage } from './block-hash.js';

/** One round's message shape: where the previous digest goes in a padded buffer that holds the rest. */
interface RoundMessage {
  readonly view: DataView;
  readonly byteLength: number;
  readonly digestOffset: number;
  /** The first block that holds part of the digest; those before it never change, so are hashed once. */
  readonly firstBlock: number;
  /** The hash state after the blocks before `firstBlock`. */
  readonly startState: Int32Array;
}

/** Hashes one round's message, resuming after its fixed leading blocks. */
const hashRound = (hash: BlockHash, shape: RoundMessage): void => {
  hash.state.set(shape.startState);
  for (let block = shape.firstBlock; block < shape.byteLength; block += hash.blockBytes) {
    hash.compress(shape.view, block);
  }
};

/**
 * The round loop md5_crypt, sha256_crypt and sha512_crypt share. Round i (from 0) hashes
 *
 *   (i odd ? P : C) ‖ (i % 3 ? S : '') ‖ (i % 7 ? P : '') ‖ (i odd ? C : P)
 *
 * where C is the previous round's digest (`initial` before round 0) and P, S the password and salt
 * sequences (md5_crypt: the raw password and salt). Only C changes from one round to the next, and a round
 * takes one of eight shapes (odd or even, i % 3, i % 7), repeating every 42 rounds: each shape is built
 * once as a padded buffer, and a round writes C into its slot and compresses. In odd rounds C comes last:
 * when the fixed bytes before it fill whole blocks (long passwords), those are compressed once per shape
 * and each round resumes from the saved state. `rounds` is at least 1. Returns the last digest.
 */
const cryptRounds = (
  hash: BlockHash,
  initial: Uint8Array,
  p: Uint8Array,
  s: Uint8Array,
  rounds: number,
): Uint8Array => {
  const digestBytes = hash.digestBytes;
  const shapes = new Map<number, RoundMessage>();
  const shapeOf = (round: number): RoundMessage => {
    const odd = round % 2 === 1;
    const key = (odd ? 1 : 0) | (round % 3 === 0 ? 0 : 2) | (round % 7 === 0 ? 0 : 4);
    const known = shapes.get(key);
    if (known !== undefined) return known;
    const middle = [...(round % 3 === 0 ? [] : [s]), ...(round % 7 === 0 ? [] : [p])];
    const fixed = odd ? [p, ...middle] : [...middle, p];
    const fixedBytes = fixed.reduce((total, part) => total + part.length, 0);
    const { bytes, view } = paddedMessage(hash, digestBytes + fixedBytes);
    let offset = odd ? 0 : digestBytes;
    for (const part of fixed) {
      bytes.set(part, offset);
      offset += part.length;
    }
    const digestOffset = odd ? fixedBytes : 0;
    const firstBlock = Math.floor(digestOffset / hash.blockBytes) * hash.blockBytes;
    hash.reset();
    for (let block = 0; block < firstBlock; block += hash.blockBytes) hash.compress(view, block);
    const shape = { view, byteLength: bytes.length, digestOffset, firstBlock, startState: hash.state.slice() };
    shapes.set(key, shape);
    return shape;
  };
  const cycle = Array.from({ length: 42 }, (_, round) => shapeOf(round));

  const first = cycle[0] as RoundMessage;
  new Uint8Array(first.view.buffer).set(initial, first.digestOffset);
  hashRound(hash, first);
  for (let round = 1, position = 1; round < rounds; round++) {
    const shape = cycle[position] as RoundMessage;
    hash.writeDigest(shape.view, shape.digestOffset);
    hashRound(hash, shape);
    position = position === 41 ? 0 : position + 1;
  }
  const digest = new Uint8Array(digestBytes);
  hash.writeDigest(new DataView(digest.buffer), 0);
  return digest;
};

export { cryptRounds };
