import { generateAuthToken, generateAuthTokenFromProfile, generateAuthTokenFromRole } from 'aws-msk-iam-sasl-signer-js';
import { Kafka, type KafkaConfig, logLevel, type SASLOptions } from 'kafkajs';
import type { ProducerConfig } from '../config.js';

type KafkaSettings = Pick<
  ProducerConfig,
  'brokers' | 'auth' | 'tls' | 'region' | 'awsProfile' | 'roleArn' | 'saslUsername' | 'saslPassword' | 'saslMechanism'
>;

/**
 * An OAUTHBEARER token provider for MSK's IAM authentication: a SigV4-signed `kafka-cluster:Connect` URL
 * from the default credential chain, a named profile, or an assumed role. kafkajs asks again before the
 * session expires.
 */
const mskIamTokenProvider = (settings: Pick<KafkaSettings, 'region' | 'awsProfile' | 'roleArn'>) => async () => {
  const region = settings.region ?? '';
  const { token } =
    settings.roleArn !== undefined
      ? await generateAuthTokenFromRole({
          region,
          awsRoleArn: settings.roleArn,
          awsRoleSessionName: 'hashbridge-producer',
        })
      : settings.awsProfile !== undefined
        ? await generateAuthTokenFromProfile({ region, awsProfileName: settings.awsProfile })
        : await generateAuthToken({ region });
  return { value: token };
};

const saslFor = (settings: KafkaSettings): SASLOptions | undefined => {
  switch (settings.auth) {
    case 'none':
      return undefined;
    case 'scram':
      return {
        mechanism: settings.saslMechanism,
        username: settings.saslUsername ?? '',
        password: settings.saslPassword ?? '',
      };
    case 'iam':
      return { mechanism: 'oauthbearer', oauthBearerProvider: mskIamTokenProvider(settings) };
  }
};

/** kafkajs settings for the chosen authentication. MSK's IAM (9198) and SCRAM (9196) listeners need TLS. */
const kafkaConfigFor = (settings: KafkaSettings, clientId = 'hashbridge-producer'): KafkaConfig => {
  const sasl = saslFor(settings);
  return {
    clientId,
    brokers: settings.brokers,
    ssl: (settings.tls ?? (settings.auth === 'none' ? 'off' : 'on')) === 'on',
    // kafkajs logs retried, harmless errors (a coordinator still loading) at ERROR; real failures throw.
    logLevel: logLevel.NOTHING,
    ...(sasl === undefined ? {} : { sasl }),
  };
};

const createKafka = (settings: KafkaSettings, clientId?: string): Kafka =>
  new Kafka(kafkaConfigFor(settings, clientId));

export type { KafkaSettings };
export { createKafka, kafkaConfigFor, mskIamTokenProvider };
