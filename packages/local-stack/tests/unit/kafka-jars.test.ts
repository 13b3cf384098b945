import { describe, expect, it } from 'vitest';
import { kafkaJarsSource } from '../../src/prerequisites/kafka-jars.js';

describe('Function: kafkaJarsSource', () => {
  it.each(['maven', 'download'] as const)('takes HASHBRIDGE_KAFKA_JARS=%s as it is', (source) => {
    expect(kafkaJarsSource({ HASHBRIDGE_KAFKA_JARS: source })).toBe(source);
  });

  it('throws ERR_LOCAL_STACK for a value it does not know, naming the choices', () => {
    expect(() => kafkaJarsSource({ HASHBRIDGE_KAFKA_JARS: 'gradle' })).toThrow(
      expect.objectContaining({ code: 'ERR_LOCAL_STACK', message: expect.stringContaining('maven, download') }),
    );
  });
});
