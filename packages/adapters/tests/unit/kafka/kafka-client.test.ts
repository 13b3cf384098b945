import { afterEach, describe, expect, it } from 'vitest';
import { kafkaClientOptionsFor, mskIamTokenProvider } from '../../../src/kafka/index.js';

const savedEnv = { ...process.env };
afterEach(() => {
  process.env = { ...savedEnv };
});

describe('Function: mskIamTokenProvider', () => {
  it('makes a SigV4-presigned kafka-cluster:Connect URL as a base64url token', async () => {
    // Prepare: credentials from the default chain's environment source (no AWS call is made).
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
    delete process.env.AWS_PROFILE;

    // Act
    const token = await mskIamTokenProvider({ region: 'eu-west-1' })();

    // Assess
    const url = new URL(Buffer.from(token, 'base64url').toString('utf8'));
    expect(url.host).toBe('kafka.eu-west-1.amazonaws.com');
    expect(url.searchParams.get('Action')).toBe('kafka-cluster:Connect');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(
      /^AKIDEXAMPLE\/\d{8}\/eu-west-1\/kafka-cluster\/aws4_request$/,
    );
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(900);
  });
});

describe('Function: kafkaClientOptionsFor', () => {
  it('wires the IAM token provider in as OAUTHBEARER over TLS with the host name sent for SNI', async () => {
    // Prepare
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

    // Act
    const options = kafkaClientOptionsFor({
      brokers: ['b-1-public.example:9198', 'b-2-public.example:9198'],
      auth: 'iam',
      region: 'eu-west-1',
      saslMechanism: 'scram-sha-512',
    });

    // Assess: the token the client will send is the signed Connect URL for that region.
    expect(options).toMatchObject({
      bootstrapBrokers: ['b-1-public.example:9198', 'b-2-public.example:9198'],
      tls: {},
      tlsServerName: true,
      sasl: { mechanism: 'OAUTHBEARER' },
    });
    const provider = options.sasl?.token;
    expect(typeof provider).toBe('function');
    const token = await (provider as () => Promise<string>)();
    expect(new URL(Buffer.from(token, 'base64url').toString('utf8')).host).toBe('kafka.eu-west-1.amazonaws.com');
  });

  it('uses plaintext without authentication locally', () => {
    const options = kafkaClientOptionsFor({
      brokers: ['127.0.0.1:9092'],
      auth: 'none',
      saslMechanism: 'scram-sha-512',
    });
    expect(options.tls).toBeUndefined();
    expect(options.sasl).toBeUndefined();
  });

  it('uses SCRAM with TLS by default, and the mechanism asked for', () => {
    const scram = (saslMechanism: 'scram-sha-256' | 'scram-sha-512') =>
      kafkaClientOptionsFor({
        brokers: ['b:9196'],
        auth: 'scram',
        saslUsername: 'u',
        saslPassword: 'p',
        saslMechanism,
      });
    expect(scram('scram-sha-512')).toMatchObject({
      tls: {},
      sasl: { mechanism: 'SCRAM-SHA-512', username: 'u', password: 'p' },
    });
    expect(scram('scram-sha-256').sasl?.mechanism).toBe('SCRAM-SHA-256');
  });

  it('turns TLS off when asked, whatever the authentication', () => {
    const options = kafkaClientOptionsFor({
      brokers: ['127.0.0.1:9096'],
      auth: 'scram',
      tls: 'off',
      saslUsername: 'u',
      saslPassword: 'p',
      saslMechanism: 'scram-sha-512',
    });
    expect(options.tls).toBeUndefined();
    expect(options.sasl?.mechanism).toBe('SCRAM-SHA-512');
  });
});
