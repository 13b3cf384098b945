/**
 * One scheme's measurements for benchmarks/migration-handler.ts, in a fresh Node process (so the first
 * invocation is a real cold start): import the bundled handler, invoke it once (cold), then, interleaved so that
 * the machine's drift hits all three alike, per round: one warm invocation for a user not migrated yet; the bare
 * store requests the handler makes (GetItem, then the migratedAt UpdateItem of another such user) through a
 * client built as the entry point builds it; and the bare `verifyPassword`. Prints one JSON line.
 *
 *   node migration-handler-probe.mjs <bundle> <settings.json>
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';

const [bundle, settingsFile] = process.argv.slice(2);
const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
const { password, hash, coldUser, warmUsers, baselineUsers, adaptersModule, coreModule, endpoint, tableName } =
  settings;

// Every TCP connection this process opens, to show whether warm invocations reuse the client's socket.
let connections = 0;
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function countedConnect(...args) {
  connections += 1;
  return connect.apply(this, args);
};

const event = (userName) => ({
  version: '1',
  triggerSource: 'UserMigration_Authentication',
  region: 'local',
  userPoolId: 'bench',
  userName,
  callerContext: { awsSdkVersion: 'bench', clientId: 'bench' },
  request: { password, validationData: {} },
  response: {},
});
const context = { awsRequestId: 'bench', getRemainingTimeInMillis: () => 5_000 };

const importStart = performance.now();
const { handler } = await import(bundle);
const importEnd = performance.now();
const first = await handler(event(coldUser), context);
const firstEnd = performance.now();
if (first.response.finalUserStatus !== 'CONFIRMED') throw new Error('the cold invocation did not migrate the user');

// Loaded only now, so that nothing but the bundle is loaded before the cold measurements.
const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient } = await import('@aws-sdk/lib-dynamodb');
const { DynamoDBStagedUserStore } = await import(adaptersModule);
const { verifyPassword } = await import(coreModule);
const baselineStore = new DynamoDBStagedUserStore({
  client: DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 2, endpoint })),
  tableName,
});
// Its first request opens its connection and loads its code, as the handler's cold invocation did.
await baselineStore.get(coldUser);

const warm = [];
const store = [];
const bare = [];
const connectionsBeforeWarm = connections;
let warmConnections = 0;
for (const [round, user] of warmUsers.entries()) {
  const before = connections;
  let start = performance.now();
  const result = await handler(event(user), context);
  warm.push(performance.now() - start);
  warmConnections += connections - before;
  if (result.response.finalUserStatus !== 'CONFIRMED') throw new Error('a warm invocation did not migrate');

  start = performance.now();
  const staged = await baselineStore.get(baselineUsers[round]);
  await baselineStore.markMigrated(staged.email, new Date());
  store.push(performance.now() - start);

  start = performance.now();
  await verifyPassword(password, hash);
  bare.push(performance.now() - start);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const differences = (minuend, ...subtrahends) =>
  minuend.map((value, index) => subtrahends.reduce((rest, series) => rest - series[index], value));
console.log(
  JSON.stringify({
    importMs: importEnd - importStart,
    firstMs: firstEnd - importEnd,
    warmMs: median(warm),
    bareMs: median(bare),
    storeMs: median(store),
    beyondHashMs: median(differences(warm, bare)),
    beyondHashAndStoreMs: median(differences(warm, bare, store)),
    warmConnections,
    baselineConnections: connections - connectionsBeforeWarm - warmConnections,
  }),
);
