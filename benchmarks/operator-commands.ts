/**
 * The operator's read-only commands over a large legacy table: `audit` and `import --files-only`, each beside a
 * baseline that reads the same rows through the same PostgreSQL source (one snapshot, keyset batches of 5,000)
 * and does nothing with them. The ratio is what deciding each row's lane (and, for the import, converting the
 * hash and writing the CSV) costs on top of reading. Runs alternate, three of each; the table shows medians.
 * Prints Markdown; benchmarks/operator-commands.md holds what it printed here.
 *
 *   npm run bench:operator -- [--rows 200000] [--runs 3]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PostgresUserSource } from '@hashbridge/adapters/postgres';
import { stackPaths, startStack, stopStack } from '@hashbridge/local-stack';
import { resolveAuditConfig, resolveImportConfig, runAudit, runImport } from '@hashbridge/producer';
import { PASSLIB_VECTORS_FILE } from '@hashbridge/testing';
import pg from 'pg';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '200000' }, runs: { type: 'string', default: '3' } },
});
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Real passlib hashes: two lanes native (bcrypt, pbkdf2_sha256), two trigger (sha512_crypt, md5_crypt). */
const SCHEMES = ['bcrypt', 'pbkdf2_sha256', 'sha512_crypt', 'md5_crypt'];
const { vectors } = JSON.parse(readFileSync(PASSLIB_VECTORS_FILE, 'utf8')) as {
  vectors: { scheme: string; hash: string }[];
};
const HASHES = SCHEMES.map((scheme) => vectors.find((vector) => vector.scheme === scheme)?.hash ?? '');

const { state, started } = await startStack(stackPaths(), (line) => process.stderr.write(`[stack] ${line}\n`));
const databaseUrl = state.env.DATABASE_URL ?? '';

const seed = async (): Promise<string> => {
  const table = `bench_operator_${ROWS}`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP TABLE IF EXISTS ${table}`);
  await client.query(
    `CREATE TABLE ${table} (id bigserial PRIMARY KEY, email text, password_hash text, profile jsonb, updated_at timestamptz)`,
  );
  await client.query(
    `INSERT INTO ${table} (email, password_hash, profile, updated_at)
     SELECT 'user' || i || '@example.com', ($1::text[])[1 + i % 4], jsonb_build_object('given_name', 'User ' || i), now()
     FROM generate_series(1, $2::int) i`,
    [HASHES, ROWS],
  );
  await client.query(`ANALYZE ${table}`);
  await client.end();
  return table;
};

interface Sample {
  readonly seconds: number;
  readonly cpuSeconds: number;
}

const timed = async (work: () => Promise<unknown>): Promise<Sample> => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
};

const median = (samples: readonly Sample[]): Sample =>
  [...samples].sort((a, b) => a.seconds - b.seconds)[Math.floor(samples.length / 2)] as Sample;

process.stderr.write(`seeding ${ROWS} rows...\n`);
const table = await seed();
const settings = { databaseUrl, table, progress: 'off' };

const readOnly = async (): Promise<void> => {
  const source = await PostgresUserSource.open(databaseUrl, resolveAuditConfig(settings, {}));
  let rows = 0;
  try {
    for await (const batch of source.batches(undefined, 5000)) rows += batch.length;
  } finally {
    await source.close();
  }
  if (rows !== ROWS) throw new Error(`read ${rows} rows, expected ${ROWS}`);
};

const audit = async (): Promise<void> => {
  const config = resolveAuditConfig(settings, {});
  const report = await runAudit(config, await PostgresUserSource.open(databaseUrl, config));
  if (report.users !== ROWS) throw new Error(`audited ${report.users} rows`);
};

const filesOnly = async (): Promise<void> => {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  const config = resolveImportConfig({ ...settings, filesOnly: true, outDir }, {});
  const report = await runImport(config, { source: await PostgresUserSource.open(databaseUrl, config) });
  rmSync(outDir, { recursive: true, force: true });
  if (report.native !== ROWS / 2) throw new Error(`wrote ${report.native} users, expected ${ROWS / 2}`);
};

const samples: Record<'read' | 'audit' | 'import', Sample[]> = { read: [], audit: [], import: [] };
await readOnly(); // warm the table's pages and the modules once, outside the measurement
for (let run = 1; run <= RUNS; run += 1) {
  process.stderr.write(`run ${run}/${RUNS}\n`);
  samples.read.push(await timed(readOnly));
  samples.audit.push(await timed(audit));
  samples.import.push(await timed(filesOnly));
}
if (started) await stopStack(stackPaths());

const baseline = median(samples.read);
const row = (name: string, sample: Sample) => {
  const rate = Math.round(ROWS / sample.seconds).toLocaleString('en-US');
  const ratio = sample === baseline ? '1.00' : `${(baseline.seconds / sample.seconds).toFixed(2)}x the baseline's rate`;
  return `| ${name} | ${ROWS} | ${sample.seconds.toFixed(2)} | ${sample.cpuSeconds.toFixed(2)} | ${rate} | ${ratio} |`;
};
process.stdout.write(
  [
    `| measurement (median of ${RUNS}, alternating) | rows | seconds | CPU seconds | rows/s | ratio |`,
    '|---|---|---|---|---|---|',
    row('baseline: PostgresUserSource, batches of 5,000, nothing done with them', baseline),
    row('hashbridge audit (runAudit): lanes, cost spread, verify estimate', median(samples.audit)),
    row('hashbridge import --files-only (runImport): lanes, conversion, CSV + sidecar', median(samples.import)),
    '',
  ].join('\n'),
);
