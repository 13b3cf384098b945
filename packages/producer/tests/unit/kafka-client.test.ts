import { afterEach, describe, expect, it } from 'vitest';
import { kafkaConfigFor, mskIamTokenProvider } from '../../src/index.js';

describe('Function: mskIamTokenProvider', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('makes a SigV4-presigned kafka-cluster:Connect URL as a base64url token', async () => {
    // Prepare: credentials from the default chain's environment source (no AWS call is made).
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
    delete process.env.AWS_PROFILE;

    // Act
    const { value } = await mskIamTokenProvider({ region: 'eu-west-1' })();

    // Assess
    const url = new URL(Buffer.from(value, 'base64url').toString('utf8'));
    expect(url.host).toBe('kafka.eu-west-1.amazonaws.com');
    expect(url.searchParams.get('Action')).toBe('kafka-cluster:Connect');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(
      /^AKIDEXAMPLE\/\d{8}\/eu-west-1\/kafka-cluster\/aws4_request$/,
    );
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(900);
  });
});

describe('Function: kafkaConfigFor', () => {
  it('wires the IAM token provider into kafkajs as OAUTHBEARER over TLS', () => {
    const config = kafkaConfigFor({
      brokers: ['b-1-public.example:9198'],
      auth: 'iam',
      region: 'eu-west-1',
      saslMechanism: 'scram-sha-512',
    });
    expect(config.ssl).toBe(true);
    expect(config.sasl).toMatchObject({ mechanism: 'oauthbearer' });
    expect(typeof (config.sasl as { oauthBearerProvider?: unknown }).oauthBearerProvider).toBe('function');
  });

  it('uses plaintext without authentication locally, and SCRAM with TLS by default', () => {
    expect(kafkaConfigFor({ brokers: ['127.0.0.1:9092'], auth: 'none', saslMechanism: 'scram-sha-512' })).toMatchObject(
      {
        ssl: false,
      },
    );
    expect(
      kafkaConfigFor({
        brokers: ['b:9196'],
        auth: 'scram',
        saslUsername: 'u',
        saslPassword: 'p',
        saslMechanism: 'scram-sha-512',
      }),
    ).toMatchObject({ ssl: true, sasl: { mechanism: 'scram-sha-512', username: 'u' } });
  });
});
