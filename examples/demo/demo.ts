/**
 * `npm run demo`: the whole migration on this machine, with real parts.
 *   1. the local stack (PostgreSQL, Kafka, DynamoDB API, Cognito API, Lambda endpoint);
 *   2. a legacy `users` table whose hashes real passlib made at its default costs (legacy-users.json);
 *   3. the producer → Kafka → the Loader (through the local MSK event source) → DynamoDB;
 *   4. a Cognito user pool with the migration trigger; first sign-in migrates, second is Cognito alone,
 *      a wrong password is refused;
 *   5. the operator's view: the audit's lanes, the native lane's import files (files only: cognito-local has no
 *      import jobs), the status of the staging table, and the finish's dry run.
 * Ends with a line starting `DEMO OK`, or names the step that failed. `--serve` then serves the login page
 * until Ctrl-C, so a person can sign in with the legacy passwords; `--keep` leaves the stack running.
 */
import { pbkdf2Sync, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Logger } from '@aws-lambda-powertools/logger';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  DynamoDBQuarantineStore,
  DynamoDBStagedUserStore,
  DynamoDBStagingTableMaintenance,
} from '@hashbridge/adapters/dynamodb';
import { type CognitoHashAlgorithm, readCognitoImportHash, STAGING_TABLE, verifyPassword } from '@hashbridge/core';
import { createLoaderHandler } from '@hashbridge/handlers';
import { createLoaderTables, runLocalEventSource, stackPaths, startStack, stopStack } from '@hashbridge/local-stack';
import {
  formatAudit,
  formatFinish,
  formatImport,
  formatStatus,
  openLegacySource,
  openProducerPorts,
  resolveAuditConfig,
  resolveFinishConfig,
  resolveImportConfig,
  resolveProducerConfig,
  resolveStatusConfig,
  runAudit,
  runFinish,
  runImport,
  runProducer,
  runStatus,
} from '@hashbridge/producer';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { serveLoginPage } from '../login-page/serve.js';

const { values } = parseArgs({
  options: { keep: { type: 'boolean', default: false }, serve: { type: 'boolean', default: false } },
});
// The SDK's notice that it will drop Node 20 in 2027 would interrupt the demo's output; the README says it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * The legacy users: one per scheme family, with the passwords a person can type on the login page. Their hashes
 * were made by real passlib 1.7.4 at its default costs (make-legacy-users.py regenerates the file).
 */
interface LegacyUser {
  readonly email: string;
  readonly password: string;
  readonly scheme: string;
  readonly name: string;
  readonly hash: string;
}
const LEGACY_USERS = JSON.parse(readFileSync(new URL('./legacy-users.json', import.meta.url), 'utf8')) as readonly [
  LegacyUser,
  ...LegacyUser[],
];

let step = 'starting';
const say = (line: string) => process.stdout.write(`${line}\n`);
const heading = (name: string) => {
  step = name;
  say(`\n▶ ${name}`);
};

const indent = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`.trimEnd())
    .join('\n');

/**
 * Whether a hash as Cognito's import file holds it matches the password: PBKDF2 recomputed with node:crypto from
 * the parameters read back; bcrypt's and argon2id's import forms are the standard strings passlib stores.
 */
const importHashMatches = async (algorithm: CognitoHashAlgorithm, hash: string, password: string) => {
  const parameters = readCognitoImportHash(algorithm, hash);
  if (parameters.algorithm !== 'PBKDF2_SHA256') return (await verifyPassword(password, hash)).ok;
  const { iterations, salt, hash: key } = parameters;
  return pbkdf2Sync(password, salt, iterations, key.length, 'sha256').equals(key);
};

const triggerInvocations = (): number =>
  readFileSync(join(stackPaths().logsDir, 'lambda.log'), 'utf8')
    .split('\n')
    .filter((line) => line.includes('"functionName":"hashbridge-user-migration"')).length;

const main = async (): Promise<void> => {
  heading('1. Local stack');
  const { state, started } = await startStack(stackPaths(), (line) => say(`  ${line}`));
  const env = state.env;
  say(
    started
      ? '  started: PostgreSQL, Kafka, DynamoDB API, Cognito API, Lambda endpoint'
      : '  reusing the running stack',
  );

  try {
    heading('2. Legacy users table, hashes made by real passlib at its default costs');
    const db = new pg.Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    await db.query('DROP TABLE IF EXISTS users');
    await db.query(
      'CREATE TABLE users (id bigserial PRIMARY KEY, email text, password_hash text, profile jsonb, updated_at timestamptz)',
    );
    for (const user of LEGACY_USERS) {
      const { hash } = user;
      await db.query('INSERT INTO users (email, password_hash, profile, updated_at) VALUES ($1, $2, $3, now())', [
        user.email,
        hash,
        { given_name: user.name },
      ]);
      say(`  ${user.email.padEnd(22)} ${user.scheme.padEnd(22)} ${hash.slice(0, 24)}…`);
    }
    await db.end();

    heading('3. Producer: PostgreSQL → Kafka');
    const topic = `legacy-users-demo-${randomUUID().slice(0, 8)}`;
    const work = mkdtempSync(join(tmpdir(), 'hashbridge-demo-'));
    const producerConfig = resolveProducerConfig(
      {
        topic,
        createTopic: true,
        partitions: 3,
        checkpoint: join(work, 'checkpoint.json'),
        rejects: join(work, 'rejects.jsonl'),
        progress: 'off',
      },
      env,
    );
    const summary = await runProducer(producerConfig, await openProducerPorts(producerConfig));
    say(`  sent ${summary.sent} messages to topic ${topic}, rejected ${summary.rejected}`);

    heading(`4. Loader: Kafka → local MSK event source → Loader Lambda → DynamoDB (${STAGING_TABLE.name})`);
    const dynamo = new DynamoDBClient({
      endpoint: env.DYNAMODB_ENDPOINT ?? '',
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await createLoaderTables(dynamo);
    const documents = DynamoDBDocumentClient.from(dynamo);
    const totals = { staged: 0, stale: 0, quarantined: 0 };
    await runLocalEventSource({
      kafka: { brokers: (env.KAFKA_BROKERS ?? '').split(',') },
      topic,
      groupId: `demo-${topic}`,
      untilIdle: true,
      handler: createLoaderHandler({
        store: new DynamoDBStagedUserStore({ client: documents }),
        quarantine: new DynamoDBQuarantineStore({ client: documents }),
        logger: new Logger({ serviceName: 'demo-loader', logLevel: 'WARN' }),
        onReport: (report) => {
          totals.staged += report.staged;
          totals.stale += report.stale;
          totals.quarantined += report.quarantined;
        },
      }),
    });
    say(`  staged ${totals.staged}, already staged ${totals.stale}, quarantined ${totals.quarantined}`);

    heading('5. Cognito user pool (email sign-in) and app client (USER_PASSWORD_AUTH), migration trigger');
    const cognito = new CognitoIdentityProviderClient({
      endpoint: env.COGNITO_ENDPOINT ?? '',
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const { UserPool } = await cognito.send(
      new CreateUserPoolCommand({ PoolName: `legacy-demo-${Date.now()}`, UsernameAttributes: ['email'] }),
    );
    const { UserPoolClient } = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool?.Id ?? '',
        ClientName: 'login-page',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const clientId = UserPoolClient?.ClientId ?? '';
    say(`  pool ${UserPool?.Id}, client ${clientId}`);
    const signIn = (email: string, password: string) =>
      cognito.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: clientId,
          AuthParameters: { USERNAME: email, PASSWORD: password },
        }),
      );

    heading('6. A wrong password for a legacy user is refused by the trigger');
    const [first, ...others] = LEGACY_USERS;
    const refused = await signIn(first.email, 'not the password').then(
      () => undefined,
      (error: Error) => error,
    );
    if (refused?.name !== 'NotAuthorizedException') {
      throw new Error(`expected NotAuthorizedException, got ${refused?.name ?? 'tokens'}`);
    }
    say(`  ${first.email} with a wrong password → ${refused.name}`);

    heading('7. First sign-in of each legacy user: the trigger verifies the legacy hash, Cognito creates the user');
    for (const user of [first, ...others]) {
      const before = triggerInvocations();
      const { AuthenticationResult } = await signIn(user.email, user.password);
      const idToken = AuthenticationResult?.IdToken ?? '';
      const claims = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString());
      if (triggerInvocations() !== before + 1) throw new Error(`the trigger did not run for ${user.email}`);
      say(`  ${user.email.padEnd(22)} (${user.scheme}) → tokens; id token email=${claims.email}`);
    }

    heading('8. Second sign-in: Cognito alone (the trigger is not called)');
    const before = triggerInvocations();
    const again = await signIn(first.email, first.password);
    if (again.AuthenticationResult?.AccessToken === undefined) throw new Error('no tokens on the second sign-in');
    if (triggerInvocations() !== before) throw new Error('the trigger ran again');
    say(`  ${first.email} → tokens, no trigger call`);

    heading("9. The operator's view: audit, the native lane's files, status, finish (dry run)");
    const audit = await runAudit(
      resolveAuditConfig({ progress: 'off' }, env),
      await openLegacySource(resolveAuditConfig({}, env)),
    );
    say(indent(formatAudit(audit)));
    say('');
    const importConfig = resolveImportConfig({ filesOnly: true, outDir: join(work, 'import'), progress: 'off' }, env);
    const imported = await runImport(importConfig, { source: await openLegacySource(importConfig) });
    say(indent(formatImport(imported)));
    say('');
    // Each native user's CSV row, read back, must still accept the legacy password.
    for (const file of imported.files) {
      for (const row of parse(readFileSync(file.path), { columns: true }) as Record<string, string>[]) {
        const user = LEGACY_USERS.find((candidate) => candidate.email === row.email);
        if (user === undefined || !(await importHashMatches(file.algorithm, row.password_hash ?? '', user.password))) {
          throw new Error(`the import file's hash for ${row.email} does not accept the legacy password`);
        }
        say(
          `  ${user.email.padEnd(22)} (${user.scheme}) → ${file.algorithm} in ${file.path.split('/').pop()}: the legacy password verifies`,
        );
      }
    }
    say(
      '  (cognito-local has no import jobs, so here every user took the trigger; on AWS, `hashbridge import` creates\n   these users before the export, and the Loader leaves them alone)\n',
    );
    const staging = new DynamoDBStagingTableMaintenance({ client: documents });
    say(indent(formatStatus(await runStatus(resolveStatusConfig({ progress: 'off' }, env), { staging }))));
    say('');
    say(indent(formatFinish(await runFinish(resolveFinishConfig({ progress: 'off' }, env), { staging }))));
    if (audit.lanes.native !== imported.native || imported.native === 0) {
      throw new Error(`the audit counted ${audit.lanes.native} native users, the import wrote ${imported.native}`);
    }

    say(
      `\nDEMO OK: ${LEGACY_USERS.length} legacy users (bcrypt, argon2, pbkdf2_sha256, sha512_crypt, django) signed in to Cognito without a password reset`,
    );
    if (values.serve) {
      const { url } = await serveLoginPage({ clientId, region: 'local', endpoint: env.COGNITO_ENDPOINT ?? '' }, 8080);
      say(`\nLogin page: ${url}  (try ${LEGACY_USERS.map((user) => `${user.email} / ${user.password}`).join(', ')})`);
      say('Ctrl-C stops it.');
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    }
    if (values.keep) {
      say(
        `\nThe stack keeps running (npm run stack:down stops it). Cognito: ${env.COGNITO_ENDPOINT}, client id ${clientId}.`,
      );
    }
  } finally {
    if (started && !values.keep) await stopStack(stackPaths());
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`\nDEMO FAILED at step "${step}": ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
