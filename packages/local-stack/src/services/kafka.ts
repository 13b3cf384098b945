import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME } from '../constants.js';
import { ServiceStartError } from '../errors.js';
import { findFreePort } from '../ports.js';
import { findJava } from '../prerequisites/java.js';
import { ensureKafkaJars } from '../prerequisites/kafka-jars.js';
import { spawnService, waitUntilReady } from '../process.js';
import type { RunningService } from '../types/stack.js';
import { childEnv, type ServiceContext } from './service-context.js';

/** A small heap and the serial collector suit a single test broker on a 2-core machine. */
const JVM_OPTIONS = ['-Xms256m', '-Xmx512m', '-XX:+UseSerialGC', '-Djava.awt.headless=true'];

interface KafkaPorts {
  readonly plaintext: number;
  readonly sasl: number;
  readonly controller: number;
}

/**
 * Single-node KRaft broker: one plaintext listener (like a local MSK without auth), one SASL/SCRAM
 * listener (the authenticated client path), and the controller. Topics are created on first use
 * here, unlike MSK, so tests need no admin step; code that must work on MSK creates its topics.
 */
const serverProperties = (ports: KafkaPorts, logDir: string): string =>
  [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${ports.controller}`,
    `listeners=PLAINTEXT://127.0.0.1:${ports.plaintext},SASL_PLAINTEXT://127.0.0.1:${ports.sasl},CONTROLLER://127.0.0.1:${ports.controller}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${ports.plaintext},SASL_PLAINTEXT://127.0.0.1:${ports.sasl}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT',
    'sasl.enabled.mechanisms=SCRAM-SHA-512',
    'listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;',
    `log.dirs=${logDir}`,
    'num.partitions=3',
    'auto.create.topics.enable=true',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=3',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    '',
  ].join('\n');

const answersMetadata = async (port: number): Promise<boolean> => {
  const admin = new Kafka({
    brokers: [`127.0.0.1:${port}`],
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
  }).admin();
  await admin.connect();
  try {
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } finally {
    await admin.disconnect();
  }
};

/**
 * The real Apache Kafka broker from Maven Central jars, run with the machine's Java. The SCRAM user is
 * written into the cluster metadata when the storage is formatted, with a password made for this stack.
 */
const startKafka = async (ctx: ServiceContext): Promise<RunningService> => {
  const java = findJava();
  const jarsDir = await ensureKafkaJars(ctx.paths.cacheDir);
  const ports: KafkaPorts = {
    plaintext: ctx.ports.kafka,
    sasl: await findFreePort(),
    controller: await findFreePort(),
  };
  const brokerDir = join(ctx.dataDir, 'kafka');
  const logDir = join(brokerDir, 'data');
  mkdirSync(logDir, { recursive: true });
  const propertiesFile = join(brokerDir, 'server.properties');
  writeFileSync(propertiesFile, serverProperties(ports, logDir));
  const logFile = join(ctx.paths.logsDir, 'kafka.log');
  const classPath = join(jarsDir, '*');
  const password = randomBytes(18).toString('base64url');
  const env = childEnv({ KAFKA_HEAP_OPTS: undefined });

  const started = performance.now();
  const format = spawnSync(
    java,
    [
      ...JVM_OPTIONS,
      '-cp',
      classPath,
      'kafka.tools.StorageTool',
      'format',
      '--cluster-id',
      randomUUID(),
      '--config',
      propertiesFile,
      '--add-scram',
      `SCRAM-SHA-512=[name=${KAFKA_SASL_USERNAME},password=${password}]`,
    ],
    { encoding: 'utf8', env },
  );
  if (format.status !== 0) {
    throw new ServiceStartError(`Kafka storage format failed (exit ${format.status}):\n${format.stderr.trim()}`);
  }
  const child = spawnService({
    name: 'kafka',
    command: java,
    args: [...JVM_OPTIONS, '-cp', classPath, 'kafka.Kafka', propertiesFile],
    env,
    logFile,
    onSpawn: ctx.onSpawn,
  });
  await waitUntilReady({ name: 'kafka', child, logFile, probe: () => answersMetadata(ports.plaintext) });
  return {
    name: 'kafka',
    pid: child.pid ?? -1,
    port: ports.plaintext,
    logFile,
    readyAfterMs: Math.round(performance.now() - started),
    env: {
      KAFKA_BROKERS: `127.0.0.1:${ports.plaintext}`,
      KAFKA_SASL_BROKERS: `127.0.0.1:${ports.sasl}`,
      KAFKA_SASL_MECHANISM,
      KAFKA_SASL_USERNAME,
      KAFKA_SASL_PASSWORD: password,
    },
  };
};

export { startKafka };
