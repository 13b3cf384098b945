/**
 * Kafka's standard key partitioner (the Java client's `BuiltInPartitioner`, kafkajs's default): the
 * partition of a keyed message is `murmur2(key) & 0x7fffffff`, modulo the partition count (the client takes
 * the modulo). Every producer following that rule sends one user to the same partition.
 *
 * Written here because @platformatic/kafka computes murmur2 with BigInt arithmetic, about a microsecond per
 * key — an eighth of the Kafka thread's CPU time in a 1M-row export. 32-bit `Math.imul` gives the same
 * numbers (the tests compare both, and Kafka's own test vectors) at a fraction of the cost.
 */

const SEED = 0x9747b28c;
const MIX = 0x5bd1e995;

/** MurmurHash2 as Kafka's `Utils.murmur2` computes it: a signed 32-bit integer. */
const murmur2 = (data: Uint8Array): number => {
  const length = data.length;
  const whole = length - (length % 4);
  let hash = SEED ^ length;
  for (let index = 0; index < whole; index += 4) {
    let word =
      (data[index] as number) |
      ((data[index + 1] as number) << 8) |
      ((data[index + 2] as number) << 16) |
      ((data[index + 3] as number) << 24);
    word = Math.imul(word, MIX);
    word ^= word >>> 24;
    word = Math.imul(word, MIX);
    hash = Math.imul(hash, MIX) ^ word;
  }
  const rest = length - whole;
  if (rest > 0) {
    if (rest === 3) hash ^= (data[whole + 2] as number) << 16;
    if (rest >= 2) hash ^= (data[whole + 1] as number) << 8;
    hash ^= data[whole] as number;
    hash = Math.imul(hash, MIX);
  }
  hash ^= hash >>> 13;
  hash = Math.imul(hash, MIX);
  hash ^= hash >>> 15;
  return hash;
};

/**
 * The partitioner handed to @platformatic/kafka: it receives the serialised key and answers a non-negative
 * number that the client reduces modulo the topic's partition count. Messages without a key (the producer
 * never sends one) go to partition 0.
 */
const murmur2Partitioner = (_message: unknown, key: Buffer | undefined): number =>
  key === undefined ? 0 : murmur2(key) & 0x7fffffff;

export { murmur2, murmur2Partitioner };
