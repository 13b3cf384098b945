import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MissingPrerequisiteError } from '../errors.js';

/** Debian installs each PostgreSQL major under its own folder. */
const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql';

interface PostgresBinaries {
  readonly initdb: string;
  readonly postgres: string;
}

/** The newest Debian PostgreSQL, else `pg_config --bindir` of whatever install is on PATH. */
const findPostgresBinaries = (): PostgresBinaries => {
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
    if (existsSync(binaries.initdb) && existsSync(binaries.postgres)) return binaries;
  }
  throw new MissingPrerequisiteError(
    'PostgreSQL server binaries (initdb, postgres) were not found. Install them (Debian: apt-get install postgresql) and run the command again.',
  );
};

interface SystemUser {
  readonly uid: number;
  readonly gid: number;
}

/**
 * PostgreSQL refuses to run as root. When we are root, the server runs as the `postgres` system user
 * that Debian's package creates; otherwise as ourselves.
 */
const postgresRunAs = (passwdFile = '/etc/passwd'): SystemUser | undefined => {
  if (process.getuid?.() !== 0) return undefined;
  // Read the user database directly: no dependency on `id` being on PATH.
  const entry = readFileSync(passwdFile, 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find((fields) => fields[0] === 'postgres');
  if (entry === undefined) {
    throw new MissingPrerequisiteError(
      'PostgreSQL cannot run as root, and there is no `postgres` system user to run it as. Run the stack as a normal user, or create the user (Debian: apt-get install postgresql does).',
    );
  }
  return { uid: Number(entry[2]), gid: Number(entry[3]) };
};

export { findPostgresBinaries, postgresRunAs };
