import { Admin, type BaseOptions, Producer, type SASLOptions, stringSerializers } from '@platformatic/kafka';
import { generateAuthToken, generateAuthTokenFromProfile, generateAuthTokenFromRole } from 'aws-msk-iam-sasl-signer-js';
import { KAFKA_REQUEST_TIMEOUT_MS, KAFKA_RETRIES } from './constants.js';
import { murmur2Partitioner } from './murmur2-partitioner.js';

/** Where the brokers are and how to reach them. */
interface KafkaConnectionSettings {
  readonly brokers: readonly string[];
  /** `none` (local), `iam` (MSK's IAM listener, port 9198 public), `scram` (SASL/SCRAM). */
  readonly auth: 'none' | 'iam' | 'scram';
  /** TLS to the brokers. @default 'on' for iam and scram, 'off' for none */
  readonly tls?: 'on' | 'off' | undefined;
  /** The MSK cluster's region, for iam. */
  readonly region?: string | undefined;
  readonly awsProfile?: string | undefined;
  readonly roleArn?: string | undefined;
  readonly saslUsername?: string | undefined;
  readonly saslPassword?: string | undefined;
  readonly saslMechanism?: 'scram-sha-256' | 'scram-sha-512' | undefined;
}

/** What the publisher needs beyond the connection. */
interface KafkaSettings extends KafkaConnectionSettings {
  readonly compression: 'gzip' | 'lz4' | 'snappy' | 'none';
}

/** What the producer and the admin client share: where the brokers are and how to authenticate. */
type KafkaClientOptions = Pick<
  BaseOptions,
  'clientId' | 'bootstrapBrokers' | 'tls' | 'tlsServerName' | 'sasl' | 'timeout' | 'retries'
>;

/**
 * An OAUTHBEARER token provider for MSK's IAM authentication: a SigV4-signed `kafka-cluster:Connect` URL
 * from the default credential chain, a named profile, or an assumed role. The client asks again when it
 * re-authenticates before the broker's session expires.
 */
const mskIamTokenProvider =
  (settings: Pick<KafkaConnectionSettings, 'region' | 'awsProfile' | 'roleArn'>) => async (): Promise<string> => {
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
    return token;
  };

const saslFor = (settings: KafkaConnectionSettings): SASLOptions | undefined => {
  switch (settings.auth) {
    case 'none':
      return undefined;
    case 'scram':
      return {
        mechanism: settings.saslMechanism === 'scram-sha-256' ? 'SCRAM-SHA-256' : 'SCRAM-SHA-512',
        username: settings.saslUsername ?? '',
        password: settings.saslPassword ?? '',
      };
    case 'iam':
      return { mechanism: 'OAUTHBEARER', token: mskIamTokenProvider(settings) };
  }
};

/** Client settings for the chosen authentication. MSK's IAM (9198) and SCRAM (9196) listeners need TLS. */
const kafkaClientOptionsFor = (
  settings: KafkaConnectionSettings,
  clientId = 'hashbridge-producer',
): KafkaClientOptions => {
  const sasl = saslFor(settings);
  const tls = (settings.tls ?? (settings.auth === 'none' ? 'off' : 'on')) === 'on';
  return {
    clientId,
    bootstrapBrokers: [...settings.brokers],
    timeout: KAFKA_REQUEST_TIMEOUT_MS,
    retries: KAFKA_RETRIES,
    // MSK's brokers share one IP range: the certificate is chosen by name (SNI), so send the host name.
    ...(tls ? { tls: {}, tlsServerName: true } : {}),
    ...(sasl === undefined ? {} : { sasl }),
  };
};

/**
 * The producer of the export: idempotent (so a retried request never duplicates or reorders a partition's
 * messages; the client then keeps one request in flight per broker), acknowledged by all in-sync replicas,
 * compressed (gzip unless asked otherwise), never creating topics by accident. Keys are partitioned as
 * Kafka's Java client does, so one user always lands on the same partition.
 */
const createKafkaProducer = (
  settings: KafkaSettings,
  clientId = 'hashbridge-producer',
): Producer<string, string, string, string> =>
  new Producer({
    ...kafkaClientOptionsFor(settings, clientId),
    serializers: stringSerializers,
    idempotent: true,
    acks: -1,
    partitioner: murmur2Partitioner,
    ...(settings.compression === 'none' ? {} : { compression: settings.compression }),
    autocreateTopics: false,
  });

/** Creates the topic when it does not exist; a topic that already exists is left as it is. */
const createTopic = async (
  settings: KafkaConnectionSettings,
  topic: { readonly name: string; readonly partitions: number; readonly replicationFactor: number },
): Promise<void> => {
  const admin = new Admin(kafkaClientOptionsFor(settings, 'hashbridge-producer-admin'));
  try {
    const existing = await admin.listTopics();
    if (!existing.includes(topic.name)) {
      await admin.createTopics({
        topics: [topic.name],
        partitions: topic.partitions,
        replicas: topic.replicationFactor,
      });
    }
  } finally {
    await admin.close();
  }
};

export type { KafkaClientOptions, KafkaConnectionSettings, KafkaSettings };
export { createKafkaProducer, createTopic, kafkaClientOptionsFor, mskIamTokenProvider };
