/**
 * `hashbridge-loader-local`: the local stand-in for Lambda's MSK event source mapping. Consumes a Kafka topic
 * of the local stack and invokes the Loader Lambda, served by the stack's Lambda endpoint, with MSK events.
 */
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DEFAULT_TOPIC } from '@hashbridge/core';
import { LOADER_FUNCTION_NAME, LOCAL_AWS_REGION } from '../constants.js';
import { createLoaderTables } from '../dynamodb/create-tables.js';
import { invokeFunction } from './invoke-function.js';
import { MSK_BATCH_SIZE, runLocalEventSource } from './run-local-event-source.js';

const HELP = `Usage: hashbridge-loader-local [options]

Runs the Loader Lambda as Lambda's MSK event source would: consumes a Kafka topic with a consumer group from
the earliest offset, invokes the function with MSK events of up to ${MSK_BATCH_SIZE} records through the local
stack's Lambda endpoint, and commits offsets only after the function succeeded (a failed batch is retried).
The staging tables are created first if they do not exist. The Loader's own reports are in
.stack/logs/lambda.log.

Options:
  --brokers <list>            Kafka bootstrap servers, comma-separated   (env KAFKA_BROKERS)
  --topic <name>              topic to consume                          (default ${DEFAULT_TOPIC})
  --group-id <id>             consumer group                            (default hashbridge-loader-local)
  --lambda-endpoint <url>     Lambda Invoke API endpoint                (env LAMBDA_ENDPOINT)
  --function <name>           function to invoke                        (default ${LOADER_FUNCTION_NAME})
  --dynamodb-endpoint <url>   DynamoDB API, for the tables              (env DYNAMODB_ENDPOINT)
  --until-idle                stop once the topic is drained, and print a summary
  -h, --help                  show this help

With the local stack running: set -a; . ./.stack/env; set +a; npx hashbridge-loader-local --until-idle
`;

const main = async (): Promise<number> => {
  const { values } = parseArgs({
    options: {
      brokers: { type: 'string', default: process.env.KAFKA_BROKERS },
      topic: { type: 'string', default: DEFAULT_TOPIC },
      'group-id': { type: 'string', default: 'hashbridge-loader-local' },
      'lambda-endpoint': { type: 'string', default: process.env.LAMBDA_ENDPOINT },
      function: { type: 'string', default: LOADER_FUNCTION_NAME },
      'dynamodb-endpoint': { type: 'string', default: process.env.DYNAMODB_ENDPOINT },
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
    values['lambda-endpoint'] ? undefined : '--lambda-endpoint (or LAMBDA_ENDPOINT)',
    values['dynamodb-endpoint'] ? undefined : '--dynamodb-endpoint (or DYNAMODB_ENDPOINT)',
  ].filter((name) => name !== undefined);
  if (missing.length > 0) {
    process.stderr.write(
      `hashbridge-loader-local: missing ${missing.join(', ')}. Start the local stack (npm run stack:up) and load .stack/env, or pass them.\n`,
    );
    return 2;
  }
  await createLoaderTables(
    new DynamoDBClient({
      endpoint: values['dynamodb-endpoint'] as string,
      region: LOCAL_AWS_REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  process.once('SIGTERM', () => abort.abort());
  const { invocations, records } = await runLocalEventSource({
    kafka: { clientId: 'hashbridge-loader-local', brokers: (values.brokers ?? '').split(',') },
    topic: values.topic,
    groupId: values['group-id'],
    handler: invokeFunction(values['lambda-endpoint'] as string, values.function),
    untilIdle: values['until-idle'],
    signal: abort.signal,
  });
  process.stdout.write(`loader: ${records} records in ${invocations} invocations of ${values.function}\n`);
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
