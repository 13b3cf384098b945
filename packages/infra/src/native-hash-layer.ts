import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Architecture, Code, LayerVersion, Runtime } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { BundlingError } from './errors.js';
import { findInstalledPackage, PACKAGE_DIRECTORY } from './package-resolution.js';

/** The native hash backends @hashbridge/core uses when it finds them (optional dependencies of core). */
const BACKENDS = ['@node-rs/bcrypt', '@node-rs/argon2'] as const;

/** Lambda's platform: the functions run on x86_64 Linux with glibc. */
const PLATFORM = 'linux-x64-gnu';

/**
 * What the layer holds: each backend and its prebuilt Linux x64 binary package. The functions bundle everything
 * else; these stay out of the bundle because they are native, and @hashbridge/core imports them from the layer.
 */
const LAYER_PACKAGES = BACKENDS.flatMap((backend) => [backend, `${backend}-${PLATFORM}`]);

interface LocatedPackage {
  readonly name: string;
  readonly directory: string;
}

/** `name@version` as a package.json at `directory` asks for it among its (optional) dependencies. */
const wantedSpec = (name: string, directory: string | undefined): string => {
  if (directory === undefined) return name;
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  };
  const version = manifest.optionalDependencies?.[name] ?? manifest.dependencies?.[name];
  return version === undefined ? name : `${name}@${version}`;
};

/**
 * Finds the four packages where they are installed, not at a checkout path: each backend where @hashbridge/core
 * would import it from (else beside @hashbridge/infra), and each binary package where its backend loads it from.
 * `infraDirectory` is this package's folder; tests pass a made-up one.
 */
const locateLayerPackages = (infraDirectory: string = PACKAGE_DIRECTORY): LocatedPackage[] => {
  const core = findInstalledPackage('@hashbridge/core', infraDirectory);
  const searchFrom = core === undefined ? [infraDirectory] : [core, infraDirectory];
  const located: LocatedPackage[] = [];
  const missing: string[] = [];
  for (const backend of BACKENDS) {
    const binary = `${backend}-${PLATFORM}`;
    const backendDirectory = searchFrom.map((from) => findInstalledPackage(backend, from)).find(Boolean);
    if (backendDirectory === undefined) {
      // The binary package carries its backend's version, so both can be named exactly.
      const spec = wantedSpec(backend, core);
      missing.push(spec, spec.replace(backend, binary));
      continue;
    }
    const binaryDirectory = findInstalledPackage(binary, backendDirectory);
    if (binaryDirectory === undefined) {
      missing.push(wantedSpec(binary, backendDirectory));
      continue;
    }
    located.push({ name: backend, directory: backendDirectory }, { name: binary, directory: binaryDirectory });
  }
  if (missing.length > 0) {
    throw new BundlingError(
      `the native hash layer needs ${missing.join(', ')}, installed where @hashbridge/core or @hashbridge/infra can find them; install them with npm install --save-optional --os=linux --cpu=x64 ${missing.join(' ')} (the flags fetch the Linux x64 binaries on any machine), or pass nativeHashLayer: false to use the WebAssembly fallback`,
    );
  }
  return located;
};

/** Lays the packages out as a layer expects (`nodejs/node_modules/…`) in a fresh folder. */
const stageLayerContents = (): string => {
  const packages = locateLayerPackages();
  const staging = mkdtempSync(join(tmpdir(), 'hashbridge-layer-'));
  for (const { name, directory } of packages) {
    const target = join(staging, 'nodejs', 'node_modules', name);
    mkdirSync(target, { recursive: true });
    cpSync(directory, target, { recursive: true, dereference: true });
  }
  return staging;
};

/**
 * The Lambda layer with @node-rs/bcrypt and @node-rs/argon2 for Node 22 on x86_64, copied from the installed
 * packages; throws BundlingError, naming what to install, when one is missing.
 *
 * @example
 * const layer = createNativeHashLayer(this, 'NativeHashLayer');
 * migrationFunction.addLayers(layer);
 */
const createNativeHashLayer = (scope: Construct, id: string): LayerVersion =>
  new LayerVersion(scope, id, {
    code: Code.fromAsset(stageLayerContents()),
    compatibleRuntimes: [Runtime.NODEJS_22_X],
    compatibleArchitectures: [Architecture.X86_64],
    description: 'hashbridge: native bcrypt and argon2 (@node-rs) for @hashbridge/core',
  });

export type { LocatedPackage };
export { createNativeHashLayer, LAYER_PACKAGES, locateLayerPackages };
