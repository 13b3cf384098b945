/**
 * The Migration Lambda as Cognito would meet it: bundle size (esbuild, minified, native addons external as in the
 * Lambda layer) and what fills it, cold start in a new process (import, then the first invocation) and warm
 * latency per scheme at passlib's default cost, against the local stack's DynamoDB API. Each warm invocation's
 * own log line says how long its lookup, verify, migratedAt write and whole run took (`durationsMs`), so the
 * overhead beyond the hash is read from one invocation, not as a difference of two noisy series. Beside each,
 * in the same process: the bare store requests the handler makes (GetItem, UpdateItem migratedAt), as a baseline
 * for the logged lookup and mark. Every invocation migrates a user not migrated before, as in production.
 * Prints Markdown; benchmarks/migration-handler.md holds what it printed here.
 *
 *   npm run bench:migration
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBStagedUserStore } from '@hashbridge/adapters/dynamodb';
import { createUserMessage, type UserMessage } from '@hashbridge/core';
import { createLoaderTables, stackPaths, startStack, stopStack } from '@hashbridge/local-stack';
import { ensurePythonEnv, PythonOracle } from '@hashbridge/testing';
import { build, type Metafile } from 'esbuild';

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
const WARM_RUNS = 25;
const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

const { state, started } = await startStack(stackPaths(), (line) => process.stderr.write(`[stack] ${line}\n`));
const env = state.env;

// Bundle exactly what a deployment would: the options of packages/infra/src/handler-function.ts (ES module
// builds first, so dependencies such as hash-wasm tree-shake). The bundle sits inside the repository so that the
// native addons it leaves external resolve from node_modules, as they resolve from the layer on Lambda.
const outdir = join(stackPaths().stackDir, 'bench-migration');
mkdirSync(outdir, { recursive: true });
const bundle = join(outdir, 'migration.mjs');
const { metafile } = await build({
  entryPoints: [path('../packages/handlers/src/migration.ts')],
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  mainFields: ['module', 'main'],
  outfile: bundle,
  external: ['@node-rs/bcrypt', '@node-rs/argon2'],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'error',
});
const bundleKiB = statSync(bundle).size / 1024;

/** Bytes of the bundle per npm package (or per workspace package), largest first. */
const bundleShares = (meta: Metafile): [string, number][] => {
  const shares = new Map<string, number>();
  for (const output of Object.values(meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const inWorkspace = /packages\/([^/]+)\//.exec(input);
      const owner = inModules?.[1] ?? (inWorkspace ? `@hashbridge/${inWorkspace[1]}` : input);
      shares.set(owner, (shares.get(owner) ?? 0) + bytesInOutput);
    }
  }
  return [...shares.entries()].sort((a, b) => b[1] - a[1]);
};

// Stage, per scheme, one user for the cold invocation and two per warm round (the handler's, the baseline's),
// all with one hash made by passlib at its default cost.
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
const probes: { scheme: string; settingsFile: string }[] = [];
for (const scheme of SCHEMES) {
  const hash = await passlib.hash(scheme, PASSWORD);
  const emails = (role: string, count: number) =>
    Array.from({ length: count }, (_, index) => `${scheme}-${role}-${index}@bench.example.com`);
  const [coldUser = ''] = emails('cold', 1);
  const warmUsers = emails('warm', WARM_RUNS);
  const baselineUsers = emails('baseline', WARM_RUNS);
  const messages: UserMessage[] = [];
  for (const email of [coldUser, ...warmUsers, ...baselineUsers]) {
    const message = createUserMessage({ email, hash, sourceId: email, sourceVersion: 1 });
    if (!message.ok) throw new Error(message.detail);
    messages.push(message.message);
  }
  await store.stageMany(messages);
  const settingsFile = join(outdir, `${scheme}.json`);
  writeFileSync(
    settingsFile,
    JSON.stringify({
      password: PASSWORD,
      coldUser,
      warmUsers,
      baselineUsers,
      adaptersModule: path('../packages/adapters/dist/dynamodb.js'),
      endpoint: env.DYNAMODB_ENDPOINT,
      tableName: tables.stagingTable,
    }),
  );
  probes.push({ scheme, settingsFile });
}
await passlib.close();

const f = (value: number | undefined) => (value ?? Number.NaN).toFixed(1);
const f2 = (value: number | undefined) => (value ?? Number.NaN).toFixed(2);
const coldRows: string[] = [];
const warmRows: string[] = [];
const connections: string[] = [];
for (const { scheme, settingsFile } of probes) {
  const result = spawnSync(process.execPath, [path('migration-handler-probe.mjs'), bundle, settingsFile], {
    encoding: 'utf8',
    env: {
      ...process.env,
      STAGING_TABLE: tables.stagingTable,
      DYNAMODB_ENDPOINT: env.DYNAMODB_ENDPOINT,
      AWS_REGION: 'local',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // As deployed: one INFO line per migration goes to stdout (a pipe here, as on Lambda); the probe reads the
      // durations of each warm invocation from it.
      POWERTOOLS_LOG_LEVEL: 'INFO',
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${scheme}: ${result.stderr}`);
  const m = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
  coldRows.push(`| ${scheme} | ${f(m.importMs)} | ${f(m.firstMs)} | ${f((m.importMs ?? 0) + (m.firstMs ?? 0))} |`);
  warmRows.push(
    `| ${scheme} | ${f(m.warmMs)} | ${f(m.totalMs)} | ${f(m.verifyMs)} | ${f2(m.lookupMs)} | ${f2(m.getItemMs)} | ${f2(m.markMs)} | ${f2(m.updateItemMs)} | **${f2(m.beyondHashMs)}** | ${f2(m.beyondHashMaxMs)} | ${f2(m.handlerOwnMs)} |`,
  );
  connections.push(`${scheme} ${m.warmConnections}`);
}

console.log(`Bundle (esbuild, minified, @node-rs/* external): ${bundleKiB.toFixed(0)} KiB. Largest parts:`);
console.log(
  bundleShares(metafile)
    .slice(0, 8)
    .map(([owner, bytes]) => `${owner} ${(bytes / 1024).toFixed(0)} KiB`)
    .join(', '),
);
console.log('');
console.log('| scheme (passlib default cost) | import (ms) | first invocation (ms) | cold: import + first (ms) |');
console.log('|---|---|---|---|');
for (const row of coldRows) console.log(row);
console.log('');
console.log(
  `| scheme | warm, timed by the caller (ms) | total, logged (ms) | verify, logged (ms) | lookup, logged (ms) | bare GetItem (ms) | mark, logged (ms) | bare UpdateItem, after a pause as long as the verify (ms) | overhead beyond hash: total − verify (ms) | same, worst of ${WARM_RUNS} (ms) | handler's own: total − verify − lookup − mark (ms) |`,
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const row of warmRows) console.log(row);
console.log('');
console.log(`New TCP connections opened by the ${WARM_RUNS} warm invocations: ${connections.join(', ')}.`);
if (started) await stopStack(stackPaths());
