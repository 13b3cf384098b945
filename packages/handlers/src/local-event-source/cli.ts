/**
 * `hashbridge-loader-local`: runs the Loader Lambda on this machine, fed by a local Kafka topic the way
 * Lambda's MSK event source would feed it, writing to a DynamoDB API endpoint (the local stack's dynalite).
 */
import { parseArgs } from 'node:util';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  createLoaderTables,
  DEFAULT_QUARANTINE_TABLE,
  DEFAULT_STAGING_TABLE,
  DynamoDBQuarantineStore,
  DynamoDBStagedUserStore,
} from '@hashbridge/adapters';
import { createLoaderHandler } from '../loader/create-loader-handler.js';
import { runLocalEventSource } from './run-local-event-source.js';

const HELP = `Usage: hashbridge-loader-local [options]

Runs the Loader Lambda locally: consumes a Kafka topic with a consumer group, invokes the loader with MSK
events of up to 100 records, and commits offsets only after the loader succeeded.

Options:
  --brokers <list>            Kafka bootstrap servers, comma-separated   (env KAFKA_BROKERS)
  --topic <name>              topic to consume                          (default legacy-users)
  --group-id <id>             consumer group                            (default hashbridge-loader-local)
  --dynamodb-endpoint <url>   DynamoDB API endpoint                     (env DYNAMODB_ENDPOINT)
  --table <name>              staging table                             (default ${DEFAULT_STAGING_TABLE})
  --quarantine-table <name>   table for refused records                 (default ${DEFAULT_QUARANTINE_TABLE})
  --until-idle                stop once the topic is drained, and print a summary
  -h, --help                  show this help

With the local stack running: set -a; . .stack/env; set +a; npx hashbridge-loader-local --until-idle
`;

const main = async (): Promise<number> => {
  const { values } = parseArgs({
    options: {
      brokers: { type: 'string', default: process.env.KAFKA_BROKERS },
      topic: { type: 'string', default: 'legacy-users' },
      'group-id': { type: 'string', default: 'hashbridge-loader-local' },
      'dynamodb-endpoint': { type: 'string', default: process.env.DYNAMODB_ENDPOINT },
      table: { type: 'string', default: DEFAULT_STAGING_TABLE },
      'quarantine-table': { type: 'string', default: DEFAULT_QUARANTINE_TABLE },
      'until-idle': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const missing = [
    values.brokers ? undefined : '--brokers (or KAFKA_BROKERS)',
    values['dynamodb-endpoint'] ? undefined : '--dynamodb-endpoint (or DYNAMODB_ENDPOINT)',
  ].filter((name) => name !== undefined);
  if (missing.length > 0) {
    process.stderr.write(
      `hashbridge-loader-local: missing ${missing.join(' and ')}. Start the local stack (npm run stack:up) and load .stack/env, or pass them.\n`,
    );
    return 2;
  }
  const client = new DynamoDBClient({
    endpoint: values['dynamodb-endpoint'] as string,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await createLoaderTables(client, { stagingTable: values.table, quarantineTable: values['quarantine-table'] });
  const documents = DynamoDBDocumentClient.from(client);
  const totals = { staged: 0, stale: 0, quarantined: 0, failed: 0 };
  const handler = createLoaderHandler({
    store: new DynamoDBStagedUserStore({ client: documents, tableName: values.table }),
    quarantine: new DynamoDBQuarantineStore({ client: documents, tableName: values['quarantine-table'] }),
    logger: new Logger({ serviceName: 'hashbridge-loader-local', logLevel: 'WARN' }),
    onReport: (report) => {
      totals.staged += report.staged;
      totals.stale += report.stale;
      totals.quarantined += report.quarantined;
      totals.failed += report.failed.length;
    },
  });
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  process.once('SIGTERM', () => abort.abort());
  const { invocations } = await runLocalEventSource({
    kafka: { clientId: 'hashbridge-loader-local', brokers: (values.brokers ?? '').split(',') },
    topic: values.topic,
    groupId: values['group-id'],
    handler,
    untilIdle: values['until-idle'],
    signal: abort.signal,
  });
  process.stdout.write(
    `loader: ${invocations} invocations — staged ${totals.staged}, stale ${totals.stale}, quarantined ${totals.quarantined}, retried ${totals.failed}\n`,
  );
  return 0;
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`hashbridge-loader-local: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
