/**
 * The export command (`hashbridge export`, also installed as `hashbridge-producer`): streams the legacy users
 * table to Kafka / Amazon MSK, one message per user.
 */
import { parseArgs } from 'node:util';
import { type ProducerConfigInput, resolveProducerConfig } from '../config.js';
import { DEFAULT_BATCHES_IN_FLIGHT, DEFAULT_TOPIC } from '../constants.js';
import { runProducer } from '../run/run-producer.js';
import { openProducerPorts } from '../wiring/open-producer-ports.js';
import { COMMON_HELP, SOURCE_HELP, SOURCE_OPTIONS, sourceSettingsOf } from './source-flags.js';

const helpText = (program: string): string => `Usage: ${program} [options]

Reads the legacy users from PostgreSQL (one consistent snapshot, keyset order) and sends one JSON message
per user to Kafka / Amazon MSK, keyed by the normalised email. Resumable: a checkpoint is written after every
acknowledged batch; run the same command again after a crash or Ctrl-C and it carries on.

Kafka / MSK:
  --brokers <list>           bootstrap servers, comma-separated            (env KAFKA_BROKERS)
                             MSK public IAM endpoint: b-1-public.<cluster>…:9198,…
  --auth none|iam|scram      none (local), iam (MSK IAM), scram            (default none)
  --region <region>          AWS region of the MSK cluster, for iam        (env AWS_REGION)
  --aws-profile <name>       credentials profile for iam                   (env AWS_PROFILE)
  --role-arn <arn>           role to assume for iam
  --sasl-mechanism <m>       scram-sha-512 | scram-sha-256 (credentials from env
                             KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD)     (default scram-sha-512)
  --tls on|off               TLS to the brokers                             (default: on for iam/scram)
${SOURCE_HELP}
Topic:
  --topic <name>             (default ${DEFAULT_TOPIC})
  --create-topic             create the topic first, with --partitions (6) and --replication-factor (1)
  --compression <codec>      gzip | lz4 | snappy | none: gzip is smallest on the wire, lz4 and snappy take
                             far less CPU on both ends                      (default gzip)
Run:
  --batches-in-flight <n>    batches sent at once, each waiting a round trip to the brokers: raise it
                             on a slow link to MSK                          (default ${DEFAULT_BATCHES_IN_FLIGHT})
  --checkpoint <file>        (default .hashbridge/producer-checkpoint.json)
  --restart                  ignore the checkpoint and start from the first row
  --rejects <file>           refused rows, one JSON line each: id and reason (default .hashbridge/producer-rejects.jsonl)
  --max-rejects <n>          fail the run when more rows than this are refused
  --dry-run                  read and validate everything, send nothing
${COMMON_HELP}

Exit codes: 0 done, 1 failed (the message says what to check), 2 bad settings, 130 interrupted (run the
same command again to carry on).

Example, against the local stack:  set -a; . ./.stack/env; set +a; npx ${program} --create-topic
`;

/**
 * Runs the export with the command line `args` (without the program name); resolves to the exit code: 0 done,
 * 130 interrupted (run it again to carry on). Throws on bad settings or a failed run.
 */
const runExportCommand = async (args: readonly string[], program: string): Promise<number> => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      ...SOURCE_OPTIONS,
      brokers: { type: 'string' },
      topic: { type: 'string' },
      auth: { type: 'string' },
      tls: { type: 'string' },
      region: { type: 'string' },
      'aws-profile': { type: 'string' },
      'role-arn': { type: 'string' },
      'sasl-mechanism': { type: 'string' },
      'create-topic': { type: 'boolean' },
      compression: { type: 'string' },
      partitions: { type: 'string' },
      'replication-factor': { type: 'string' },
      'batches-in-flight': { type: 'string' },
      checkpoint: { type: 'string' },
      restart: { type: 'boolean' },
      rejects: { type: 'string' },
      'max-rejects': { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
  });
  if (values.help === true) {
    process.stdout.write(helpText(program));
    return 0;
  }
  const flags: ProducerConfigInput = {
    ...sourceSettingsOf(values),
    brokers: values.brokers,
    topic: values.topic,
    auth: values.auth,
    tls: values.tls,
    region: values.region,
    awsProfile: values['aws-profile'],
    roleArn: values['role-arn'],
    saslMechanism: values['sasl-mechanism'],
    createTopic: values['create-topic'],
    partitions: values.partitions,
    replicationFactor: values['replication-factor'],
    batchesInFlight: values['batches-in-flight'],
    checkpoint: values.checkpoint,
    rejects: values.rejects,
    maxRejects: values['max-rejects'],
    dryRun: values['dry-run'],
    compression: values.compression,
  };
  const config = resolveProducerConfig(flags, process.env, values.config);
  const abort = new AbortController();
  process.once('SIGINT', () => {
    process.stderr.write('\nstopping once the batches in flight are acknowledged (Ctrl-C again to quit at once)\n');
    abort.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  const ports = await openProducerPorts(config);
  const summary = await runProducer(config, ports, { signal: abort.signal, restart: values.restart === true });
  const verb = summary.dryRun ? 'would send' : 'sent';
  process.stdout.write(
    [
      `${summary.interrupted ? 'interrupted' : 'done'}: read ${summary.read} rows in ${summary.seconds.toFixed(1)} s${summary.resumedFrom === undefined ? '' : ` (resumed after id ${summary.resumedFrom})`}`,
      `  ${verb} ${summary.dryRun ? summary.read - summary.rejected : summary.sent} messages to ${config.topic}`,
      `  rejected ${summary.rejected} rows${summary.rejected > 0 ? ` (reasons in ${config.rejects})` : ''}`,
      summary.interrupted ? '  run the same command again to continue' : '',
    ]
      .filter(Boolean)
      .join('\n')
      .concat('\n'),
  );
  return summary.interrupted ? 130 : 0;
};

export { runExportCommand };
