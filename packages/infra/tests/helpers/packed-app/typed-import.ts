// An ES module app in TypeScript: each import must find its declarations through the package's `types` condition.
import { DynamoDBStagedUserStore } from '@hashbridge/adapters/dynamodb';
import { KafkaPublisher } from '@hashbridge/adapters/kafka';
import { PostgresUserSource } from '@hashbridge/adapters/postgres';
import { type SchemeName, verifyPassword } from '@hashbridge/core';
import { createMigrationHandler } from '@hashbridge/handlers';
import { HashbridgeStack } from '@hashbridge/infra';
import { runProducer } from '@hashbridge/producer';

const answer: Promise<{ readonly ok: boolean; readonly scheme: SchemeName }> = verifyPassword('password', 'hash');
const used: readonly unknown[] = [
  DynamoDBStagedUserStore,
  KafkaPublisher,
  PostgresUserSource,
  createMigrationHandler,
  HashbridgeStack,
  runProducer,
];

export { answer, used };
