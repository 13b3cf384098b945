import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from './run-command.js';

/**
 * The packages as npm would publish them, installed into a throwaway app outside the workspace: nothing may be
 * found through the checkout (no workspace links, no root lock file), so the app gets what `npm install` of the
 * published packages would give it. Their own dependencies come from the registry (or npm's cache).
 */

const REPOSITORY = fileURLToPath(new URL('../../../../', import.meta.url));

/** The published packages, by folder under packages/, in dependency order. */
const PUBLIC_PACKAGES = ['core', 'adapters', 'handlers', 'producer', 'infra'] as const;
type PublicPackage = (typeof PUBLIC_PACKAGES)[number];

/** The consumer's scripts (plain JavaScript and TypeScript, as an app would write them), copied into the app. */
const CONSUMER_FILES = fileURLToPath(new URL('./packed-app/', import.meta.url));

/** The fields of package.json that name files the tarball must hold. */
interface Manifest {
  readonly name: string;
  readonly main?: string;
  readonly exports?: Record<string, Record<string, string>>;
  readonly bin?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

interface PackedPackage {
  readonly folder: PublicPackage;
  readonly name: string;
  readonly tarball: string;
  /** The paths inside the tarball, relative to the package folder. */
  readonly files: readonly string[];
}

const readManifest = (folder: PublicPackage): Manifest =>
  JSON.parse(readFileSync(join(REPOSITORY, 'packages', folder, 'package.json'), 'utf8')) as Manifest;

/** Fails early, naming the build command, when a package's main module was never built. */
const assertBuilt = (): void => {
  const missing = PUBLIC_PACKAGES.map((folder) => join('packages', folder, readManifest(folder).main ?? '')).filter(
    (file) => !existsSync(join(REPOSITORY, file)),
  );
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(', ')} missing: build first (npx turbo run build --filter=@hashbridge/infra... --filter=@hashbridge/producer)`,
    );
  }
};

/** `npm pack` of every public package into `destination`, as `npm publish` would pack them. */
const packPublicPackages = (destination: string): PackedPackage[] => {
  assertBuilt();
  mkdirSync(destination, { recursive: true });
  const packed = JSON.parse(
    runCommand(
      'npm',
      ['pack', '--json', '--pack-destination', destination, ...PUBLIC_PACKAGES.flatMap((f) => ['-w', `packages/${f}`])],
      { cwd: REPOSITORY },
    ),
  ) as Array<{ name: string; filename: string; files: Array<{ path: string }> }>;
  return PUBLIC_PACKAGES.map((folder) => {
    const { name } = readManifest(folder);
    const entry = packed.find((candidate) => candidate.name === name);
    if (entry === undefined) throw new Error(`npm pack produced no tarball for ${name}`);
    return { folder, name, tarball: join(destination, entry.filename), files: entry.files.map(({ path }) => path) };
  });
};

/**
 * A new app in `directory` that depends on the tarballs (and on aws-cdk-lib and constructs, infra's peers, at
 * the versions infra is tested with), installed by npm as a user would, with the consumer's scripts beside it.
 */
const installPackedApp = (directory: string, packed: readonly PackedPackage[]): void => {
  const peers = readManifest('infra').devDependencies ?? {};
  const dependencies = Object.fromEntries([
    ...packed.map(({ name, tarball }) => [name, `file:${tarball}`]),
    ...['aws-cdk-lib', 'constructs'].map((name) => [name, peers[name]]),
  ]);
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    join(directory, 'package.json'),
    `${JSON.stringify({ name: 'hashbridge-packed-app', private: true, type: 'module', dependencies }, null, 2)}\n`,
  );
  cpSync(CONSUMER_FILES, directory, { recursive: true });
  runCommand('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: directory });
};

/** Every file a package's exports map (each condition) and bins point at, relative to the package folder. */
const filesNamedBy = (manifest: Manifest): string[] => {
  const targets = [
    ...Object.values(manifest.exports ?? {}).flatMap((conditions) => Object.values(conditions)),
    ...Object.values(manifest.bin ?? {}),
    ...(manifest.main === undefined ? [] : [manifest.main]),
  ];
  return [...new Set(targets.map((target) => target.replace(/^\.\//, '')))].sort();
};

export type { Manifest, PackedPackage, PublicPackage };
export { filesNamedBy, installPackedApp, PUBLIC_PACKAGES, packPublicPackages, REPOSITORY, readManifest };
