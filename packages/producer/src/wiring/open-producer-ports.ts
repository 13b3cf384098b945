import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AdapterError } from '@hashbridge/adapters';
import { CognitoUserImportJobs } from '@hashbridge/adapters/cognito';
import { DynamoDBNativeImportLedger, DynamoDBStagingTableMaintenance } from '@hashbridge/adapters/dynamodb';
import { createTopic, KafkaPublisher } from '@hashbridge/adapters/kafka';
import { PostgresUserSource } from '@hashbridge/adapters/postgres';
import type { AuditConfig, FinishConfig, ImportConfig, ProducerConfig, StatusConfig } from '../config.js';
import { ProducerConfigError, ProducerError } from '../errors.js';
import type { ImportPorts } from '../import/run-import.js';
import type { ProducerPorts } from '../run/run-producer.js';

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Opens the PostgreSQL source (one snapshot); the error names the flags to check. */
const openLegacySource = async (
  config: AuditConfig | ImportConfig | ProducerConfig | (StatusConfig & { databaseUrl: string }),
): Promise<PostgresUserSource> => {
  try {
    return await PostgresUserSource.open(config.databaseUrl, config);
  } catch (error) {
    if (!(error instanceof AdapterError)) throw error;
    throw new ProducerConfigError(
      `${reason(error)}; check --database-url, --table, the --*-column options or --query`,
      { cause: error },
    );
  }
};

/**
 * The real ports for a run: the PostgreSQL source (one snapshot for the whole export) and, unless it is a dry
 * run, the Kafka publisher with `batchesInFlight` lanes; the topic is created first with `--create-topic`.
 * Errors say which flags to check. Whatever was opened is closed again when a later step fails.
 */
const openProducerPorts = async (config: ProducerConfig): Promise<ProducerPorts> => {
  const source = await openLegacySource(config);
  if (config.dryRun) return { source };
  try {
    if (config.createTopic) {
      await createTopic(config, {
        name: config.topic,
        partitions: config.partitions,
        replicationFactor: config.replicationFactor,
      });
    }
  } catch (error) {
    await source.close();
    throw new ProducerError(
      `cannot create the topic ${config.topic}: ${reason(error)}. Check --brokers, --auth and --tls, and that the role may create topics.`,
      { cause: error },
    );
  }
  return { source, publisher: new KafkaPublisher({ settings: config, channels: config.batchesInFlight }) };
};

/**
 * The import's ports: the source, and unless the run writes files only, Cognito's import job API for the pool
 * and the staging table's ledger. The SDK clients take the region, profile and endpoints of the settings
 * (endpoints only for local testing).
 */
const openImportPorts = async (config: ImportConfig): Promise<ImportPorts> => {
  const source = await openLegacySource(config);
  if (config.filesOnly || config.userPoolId === undefined || config.importRoleArn === undefined) return { source };
  const common = {
    ...(config.region === undefined ? {} : { region: config.region }),
    ...(config.awsProfile === undefined ? {} : { profile: config.awsProfile }),
  };
  const cognito = new CognitoIdentityProviderClient({
    ...common,
    ...(config.cognitoEndpoint === undefined ? {} : { endpoint: config.cognitoEndpoint }),
  });
  const dynamodb = documentClientFor(config);
  return {
    source,
    jobs: new CognitoUserImportJobs({
      client: cognito,
      userPoolId: config.userPoolId,
      cloudWatchLogsRoleArn: config.importRoleArn,
    }),
    ledger: new DynamoDBNativeImportLedger({ client: dynamodb, tableName: config.stagingTable }),
  };
};

/** A DynamoDB document client for the settings' region, profile and endpoint (the endpoint for local tests). */
const documentClientFor = (config: {
  readonly region?: string | undefined;
  readonly awsProfile?: string | undefined;
  readonly dynamodbEndpoint?: string | undefined;
}): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      ...(config.region === undefined ? {} : { region: config.region }),
      ...(config.awsProfile === undefined ? {} : { profile: config.awsProfile }),
      ...(config.dynamodbEndpoint === undefined ? {} : { endpoint: config.dynamodbEndpoint }),
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );

/** The staging and quarantine tables, for `status` and `finish`. */
const openStagingMaintenance = (config: StatusConfig | FinishConfig): DynamoDBStagingTableMaintenance =>
  new DynamoDBStagingTableMaintenance({
    client: documentClientFor(config),
    tableName: config.stagingTable,
    quarantineTableName: config.quarantineTable,
  });

export { openImportPorts, openLegacySource, openProducerPorts, openStagingMaintenance };
