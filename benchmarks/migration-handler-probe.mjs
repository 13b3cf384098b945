/**
 * One scheme's measurements for benchmarks/migration-handler.ts, in a fresh Node process (so the first
 * invocation is a real cold start): import the bundled handler, invoke it once (cold), then, interleaved so that
 * the machine's drift hits both alike, per round: one warm invocation for a user not migrated yet, whose own log
 * line (`durationsMs`: lookup, verify, mark, total) is captured on its way to stdout; and the bare store requests
 * the handler makes (GetItem, then the migratedAt UpdateItem of another such user) through a client built as the
 * entry point builds it, with a pause between them as long as that invocation's verify: a request that follows a
 * pause costs more on the local DynamoDB API than one that follows another at once, and the handler's mark always
 * follows the hash. Prints one JSON line, last.
 *
 *   node migration-handler-probe.mjs <bundle> <settings.json>
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';

const [bundle, settingsFile] = process.argv.slice(2);
const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
const { password, coldUser, warmUsers, baselineUsers, adaptersModule, endpoint, tableName } = settings;

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
const baselineStore = new DynamoDBStagedUserStore({
  client: DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 2, endpoint })),
  tableName,
});
// Its first request opens its connection and loads its code, as the handler's cold invocation did.
await baselineStore.get(coldUser);

// The handler's log lines still reach stdout (a pipe, as on Lambda); a copy of each chunk is kept, so a warm
// invocation's own line can be read back. Powertools writes INFO lines to stdout, one `write` per line.
const written = [];
const writeToStdout = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  written.push(String(chunk));
  return writeToStdout(chunk, ...rest);
};
/** The `durationsMs` of the one 'user migrated' line written since `from`. */
const durationsLoggedSince = (from) => {
  const lines = written
    .slice(from)
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line))
    .filter((line) => line.message === 'user migrated');
  if (lines.length !== 1) throw new Error(`expected one 'user migrated' line, got ${lines.length}`);
  return lines[0].durationsMs;
};

const warm = [];
const logged = [];
const store = [];
const connectionsBeforeWarm = connections;
let warmConnections = 0;
for (const [round, user] of warmUsers.entries()) {
  const before = connections;
  const from = written.length;
  let start = performance.now();
  const result = await handler(event(user), context);
  warm.push(performance.now() - start);
  warmConnections += connections - before;
  if (result.response.finalUserStatus !== 'CONFIRMED') throw new Error('a warm invocation did not migrate');
  logged.push(durationsLoggedSince(from));

  start = performance.now();
  const staged = await baselineStore.get(baselineUsers[round]);
  const got = performance.now();
  await new Promise((resolve) => setTimeout(resolve, logged.at(-1).verify));
  const paused = performance.now();
  // As the handler writes it: the mark, its expiry (30 days on) and the cleared count in one UpdateItem.
  await baselineStore.markMigrated(staged.email, new Date(), new Date(Date.now() + 30 * 86_400_000));
  store.push({ get: got - start, update: performance.now() - paused });
}
process.stdout.write = writeToStdout;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(
  JSON.stringify({
    importMs: importEnd - importStart,
    firstMs: firstEnd - importEnd,
    warmMs: median(warm),
    totalMs: median(logged.map((d) => d.total)),
    verifyMs: median(logged.map((d) => d.verify)),
    lookupMs: median(logged.map((d) => d.lookup)),
    markMs: median(logged.map((d) => d.mark)),
    getItemMs: median(store.map((s) => s.get)),
    updateItemMs: median(store.map((s) => s.update)),
    // Per invocation first, then the median: each difference is of one invocation's own numbers.
    beyondHashMs: median(logged.map((d) => d.total - d.verify)),
    handlerOwnMs: median(logged.map((d) => d.total - d.verify - d.lookup - d.mark)),
    beyondHashMaxMs: Math.max(...logged.map((d) => d.total - d.verify)),
    warmConnections,
    baselineConnections: connections - connectionsBeforeWarm - warmConnections,
  }),
);
