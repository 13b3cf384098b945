/**
 * The Migration Lambda as Cognito would meet it: bundle size (esbuild, minified, native addons external as in the
 * Lambda layer), cold start in a new process (import, then the first invocation) and warm latency per scheme at
 * passlib's default cost, against the local stack's DynamoDB API. Beside each warm invocation, the bare
 * `verifyPassword` of the same hash in the same process: the difference is the handler's own overhead.
 * Prints Markdown; benchmarks/migration-handler.md holds what it printed here.
 *
 *   npm run bench:migration
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createLoaderTables, DynamoDBStagedUserStore } from '@hashbridge/adapters';
import { createUserMessage } from '@hashbridge/core';
import { stackPaths, startStack, stopStack } from '@hashbridge/local-stack';
import { build } from 'esbuild';
import { ensurePythonEnv } from '../packages/core/tests/helpers/python-env.js';
import { PythonOracle } from '../packages/core/tests/helpers/python-oracle.js';

const SCHEMES = [
  'bcrypt',
  'argon2',
  'pbkdf2_sha256',
  'sha512_crypt',
  'django_pbkdf2_sha256',
  'scrypt',
  'md5_crypt',
  'phpass',
];
const PASSWORD = 'correct horse battery staple';
const WARM_RUNS = 5;

const { state, started } = await startStack(stackPaths(), (line) => process.stderr.write(`[stack] ${line}\n`));
const env = state.env;

// Bundle exactly what a deployment would. The bundle sits inside the repository so that the native addons it
// leaves external resolve from node_modules, as they resolve from the function's package on Lambda.
const outdir = join(stackPaths().stackDir, 'bench-migration');
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: [new URL('../packages/handlers/src/migration.ts', import.meta.url).pathname],
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  outfile: join(outdir, 'migration.mjs'),
  external: ['@node-rs/bcrypt', '@node-rs/argon2'],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'error',
});
const bundle = join(outdir, 'migration.mjs');
const bundleKiB = statSync(bundle).size / 1024;

// Stage one user per scheme, hashed by passlib at its default cost.
const dynamo = new DynamoDBClient({
  endpoint: env.DYNAMODB_ENDPOINT ?? '',
  region: 'local',
  credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
});
const tables = { stagingTable: `bench-migration-${Date.now()}`, quarantineTable: `bench-migration-q-${Date.now()}` };
await createLoaderTables(dynamo, tables);
const store = new DynamoDBStagedUserStore({
  client: DynamoDBDocumentClient.from(dynamo),
  tableName: tables.stagingTable,
});
const passlib = new PythonOracle(ensurePythonEnv('passlib'));
const users: { scheme: string; email: string; hash: string }[] = [];
for (const scheme of SCHEMES) {
  const hash = await passlib.hash(scheme, PASSWORD);
  const email = `${scheme}@bench.example.com`;
  const message = createUserMessage({ email, hash, sourceId: scheme, sourceVersion: Date.now() });
  if (!message.ok) throw new Error(message.detail);
  await store.stage(message.message);
  users.push({ scheme, email, hash });
}
await passlib.close();

/** Runs in a fresh Node process: import the bundle, invoke once (cold), then WARM_RUNS more, then bare verifies. */
const probe = join(outdir, 'probe.mjs');
writeFileSync(
  probe,
  `const [bundle, email, hash, password, runs] = process.argv.slice(2);
const t0 = performance.now();
const { handler } = await import(bundle);
const t1 = performance.now();
const event = () => ({ version: '1', triggerSource: 'UserMigration_Authentication', region: 'local', userPoolId: 'p', userName: email,
  callerContext: { awsSdkVersion: 'x', clientId: 'c' }, request: { password, validationData: {} }, response: {} });
const context = { awsRequestId: 'bench', getRemainingTimeInMillis: () => 5000 };
const first = await handler(event(), context);
const t2 = performance.now();
if (first.response.finalUserStatus !== 'CONFIRMED') throw new Error('not migrated');
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const warm = [];
for (let i = 0; i < Number(runs); i++) { const s = performance.now(); await handler(event(), context); warm.push(performance.now() - s); }
const { verifyPassword } = await import('${new URL('../packages/core/dist/index.js', import.meta.url).pathname}');
const bare = [];
for (let i = 0; i < Number(runs); i++) { const s = performance.now(); await verifyPassword(password, hash); bare.push(performance.now() - s); }
console.log(JSON.stringify({ importMs: t1 - t0, firstMs: t2 - t1, warmMs: median(warm), bareMs: median(bare) }));`,
);

const rows: string[] = [];
for (const user of users) {
  const result = spawnSync(process.execPath, [probe, bundle, user.email, user.hash, PASSWORD, String(WARM_RUNS)], {
    encoding: 'utf8',
    env: {
      ...process.env,
      STAGING_TABLE: tables.stagingTable,
      DYNAMODB_ENDPOINT: env.DYNAMODB_ENDPOINT,
      AWS_REGION: 'local',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    },
  });
  if (result.status !== 0) throw new Error(`${user.scheme}: ${result.stderr}`);
  const m = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
  const f = (value: number | undefined) => (value ?? Number.NaN).toFixed(1);
  rows.push(
    `| ${user.scheme} | ${f(m.importMs)} | ${f(m.firstMs)} | ${f((m.importMs ?? 0) + (m.firstMs ?? 0))} | ${f(m.warmMs)} | ${f(m.bareMs)} | ${f((m.warmMs ?? 0) - (m.bareMs ?? 0))} |`,
  );
}

console.log(`Bundle (esbuild, minified, @node-rs/* external): ${bundleKiB.toFixed(0)} KiB\n`);
console.log(
  '| scheme (passlib default cost) | import (ms) | first invocation (ms) | cold: import + first (ms) | warm invocation (ms) | bare verify (ms) | handler overhead (ms) |',
);
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
if (started) await stopStack(stackPaths());
