import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, inject, it } from 'vitest';
import { roundTripThroughGroup } from '../helpers/kafka.js';

describe('Service: Apache Kafka broker', () => {
  const env = inject('stackEnv');

  it('delivers produced messages to a consumer group, in order', async () => {
    // Prepare
    const values = ['first', 'second', 'third'];

    // Act
    const received = await roundTripThroughGroup({ clientId: 'smoke', brokers: [env.KAFKA_BROKERS ?? ''] }, values);

    // Assess
    expect(received).toEqual(values);
  });

  it('does the same over the SASL/SCRAM listener with the stack credentials', async () => {
    // Prepare
    const values = ['alpha', 'beta'];

    // Act
    const received = await roundTripThroughGroup(
      {
        clientId: 'smoke-sasl',
        brokers: [env.KAFKA_SASL_BROKERS ?? ''],
        sasl: {
          mechanism: 'scram-sha-512',
          username: env.KAFKA_SASL_USERNAME ?? '',
          password: env.KAFKA_SASL_PASSWORD ?? '',
        },
      },
      values,
    );

    // Assess
    expect(received).toEqual(values);
  });

  it('refuses a wrong SCRAM password', async () => {
    // Prepare
    const admin = new Kafka({
      brokers: [env.KAFKA_SASL_BROKERS ?? ''],
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
      sasl: { mechanism: 'scram-sha-512', username: env.KAFKA_SASL_USERNAME ?? '', password: 'not-the-password' },
    }).admin();

    // Act
    const connecting = admin.connect();

    // Assess
    await expect(connecting).rejects.toThrow(/SASL SCRAM SHA512 authentication failed/);
  });
});
