import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type BlockHash, hashPadded, md5, paddedMessage, sha1 } from '../../../../src/schemes/crypt/block-hash.js';

const HASHES: readonly [string, () => BlockHash][] = [
  ['md5', md5],
  ['sha1', sha1],
];

/** Our compression functions over a whole padded message, read back as digest bytes. */
const digestOf = (hash: BlockHash, message: Uint8Array): Buffer => {
  const { bytes, view } = paddedMessage(hash, message.length);
  bytes.set(message);
  hashPadded(hash, view, bytes.length);
  const digest = Buffer.alloc(hash.digestBytes);
  hash.writeDigest(new DataView(digest.buffer, digest.byteOffset), 0);
  return digest;
};

describe('Function: block hashes of the crypt round loops', () => {
  it.each(HASHES)('%s matches node:crypto for every message length around the block boundaries', (name, make) => {
    // Prepare: lengths 0–300 cover one, two and three blocks and every padding split.
    const hash = make();
    const messages = Array.from({ length: 301 }, (_, length) => randomBytes(length));

    // Act
    const ours = messages.map((message) => digestOf(hash, message).toString('hex'));

    // Assess
    expect(ours).toEqual(messages.map((message) => createHash(name).update(message).digest('hex')));
  });

  it.each(HASHES)('%s writes its digest at an unaligned offset, ready to chain', (name, make) => {
    // Prepare
    const hash = make();
    const first = digestOf(hash, Buffer.from('abc'));
    const message = Buffer.concat([Buffer.from('xyz'), first]);
    const { bytes, view } = paddedMessage(hash, message.length);
    bytes.set(Buffer.from('xyz'));

    // Act: the previous digest goes in right from the hash state, three bytes in.
    hash.writeDigest(view, 3);
    hashPadded(hash, view, bytes.length);
    const chained = Buffer.alloc(hash.digestBytes);
    hash.writeDigest(new DataView(chained.buffer, chained.byteOffset), 0);

    // Assess
    expect(chained.toString('hex')).toBe(createHash(name).update(message).digest('hex'));
  });
});
