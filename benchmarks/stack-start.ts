/**
 * How long `npm run stack:up` takes: once cold (empty jar cache and empty Maven repository, so the
 * Kafka jars come from Maven Central) and several times warm. Each run uses its own stack folder, so
 * a stack you have running is not touched. Prints a Markdown table; benchmarks/stack-start.md holds
 * the one printed on the 2-core development machine.
 *
 *   npm run bench:stack [-- --warm 5]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SERVICE_NAMES, type StackState } from '@hashbridge/local-stack';

const { values } = parseArgs({ options: { warm: { type: 'string', default: '3' } } });
const warmRuns = Number(values.warm);
const cli = new URL('../packages/local-stack/src/cli.ts', import.meta.url).pathname;
const tsx = createRequire(import.meta.url).resolve('tsx');

interface Run {
  readonly label: string;
  readonly upMs: number;
  readonly downMs: number;
  readonly state: StackState;
}

const runCli = (command: string, env: NodeJS.ProcessEnv): number => {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', tsx, cli, command], { encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(`stack ${command} failed:\n${result.stdout}${result.stderr}`);
  return performance.now() - started;
};

const measure = (label: string, extraEnv: NodeJS.ProcessEnv): Run => {
  const stackDir = mkdtempSync(join(tmpdir(), 'hashbridge-bench-'));
  const env = { ...process.env, ...extraEnv, HASHBRIDGE_STACK_DIR: stackDir };
  try {
    const upMs = runCli('up', env);
    const state = JSON.parse(readFileSync(join(stackDir, 'state.json'), 'utf8')) as StackState;
    const downMs = runCli('down', env);
    return { label, upMs, downMs, state };
  } finally {
    rmSync(stackDir, { recursive: true, force: true });
  }
};

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

const runs: Run[] = [];
const coldCache = mkdtempSync(join(tmpdir(), 'hashbridge-bench-cache-'));
try {
  process.stderr.write('cold run (downloads the Kafka jars)...\n');
  runs.push(
    measure('cold', {
      HASHBRIDGE_CACHE_DIR: join(coldCache, 'hashbridge'),
      // An empty local Maven repository: every jar really comes from Maven Central.
      MAVEN_OPTS: `-Dmaven.repo.local=${join(coldCache, 'm2')}`,
    }),
  );
} finally {
  rmSync(coldCache, { recursive: true, force: true });
}
for (let i = 1; i <= warmRuns; i++) {
  process.stderr.write(`warm run ${i}/${warmRuns}...\n`);
  runs.push(measure(`warm ${i}`, {}));
}

const header = [
  'run',
  '`stack:up` wall (s)',
  ...SERVICE_NAMES.map((name) => `${name} (s)`),
  'serial sum (s)',
  'sum / wall',
  '`stack:down` (s)',
];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const run of runs) {
  const ready = SERVICE_NAMES.map((name) => run.state.services.find((s) => s.name === name)?.readyAfterMs ?? 0);
  const serial = ready.reduce((a, b) => a + b, 0);
  console.log(
    `| ${[run.label, seconds(run.upMs), ...ready.map(seconds), seconds(serial), (serial / run.upMs).toFixed(2), seconds(run.downMs)].join(' | ')} |`,
  );
}
const warm = runs
  .filter((run) => run.label.startsWith('warm'))
  .map((run) => run.upMs)
  .sort((a, b) => a - b);
const median = warm[Math.floor(warm.length / 2)] ?? Number.NaN;
console.log(`\nwarm \`stack:up\` median: ${seconds(median)} s (target: under 20 s)`);
