import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_BATCHES_IN_FLIGHT,
  ProducerConfigError,
  resolveProducerConfig,
} from '../../src/index.js';

const required = { databaseUrl: 'postgres://localhost/legacy', brokers: 'localhost:9092' };

describe('Function: resolveProducerConfig, batching', () => {
  it('defaults to batches of 5,000 rows, three in flight', () => {
    // Act
    const config = resolveProducerConfig(required, {});

    // Assess
    expect(config.batchSize).toBe(DEFAULT_BATCH_SIZE);
    expect(config.batchSize).toBe(5000);
    expect(config.batchesInFlight).toBe(DEFAULT_BATCHES_IN_FLIGHT);
    expect(config.batchesInFlight).toBe(3);
  });

  it('takes --batches-in-flight as the command line gives it, a string', () => {
    expect(resolveProducerConfig({ ...required, batchesInFlight: '8' }, {}).batchesInFlight).toBe(8);
  });

  it.each(['0', '17', '2.5', 'many'])('refuses --batches-in-flight %s, naming the flag', (value) => {
    expect(() => resolveProducerConfig({ ...required, batchesInFlight: value }, {})).toThrow(ProducerConfigError);
    expect(() => resolveProducerConfig({ ...required, batchesInFlight: value }, {})).toThrow(/--batches-in-flight/);
  });
});
