import { murmur2 as bigIntMurmur2, compatibilityPartitioner } from '@platformatic/kafka';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { murmur2, murmur2Partitioner } from '../../../src/kafka/murmur2-partitioner.js';

describe('Function: murmur2', () => {
  it.each([
    // Kafka's own vectors (clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java, testMurmur2).
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('hashes %j to %i, as the Java client does', (key, expected) => {
    expect(murmur2(Buffer.from(key))).toBe(expected);
  });

  it('agrees with the BigInt port inside @platformatic/kafka on any bytes, every tail length included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        expect(murmur2(bytes)).toBe(bigIntMurmur2(Buffer.from(bytes)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Function: murmur2Partitioner', () => {
  it('answers what the Java-compatible partitioner of @platformatic/kafka answers, never a negative number', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const key = Buffer.from(email);
        const partition = murmur2Partitioner({}, key);
        expect(partition).toBe(compatibilityPartitioner({ topic: 't' }, key));
        expect(partition).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('sends a message without a key to partition 0', () => {
    expect(murmur2Partitioner({}, undefined)).toBe(0);
  });
});
