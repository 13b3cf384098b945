import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BundlingError } from './errors.js';

/**
 * The folder of @hashbridge/infra itself, wherever it is installed: src/ (tests, `npm run synth`) and dist/
 * (the published build, one bundled file) are both one level below it.
 */
const PACKAGE_DIRECTORY = fileURLToPath(new URL('../', import.meta.url));

/** The lock files NodejsFunction understands, in the order CDK looks for them. */
const LOCK_FILES = ['pnpm-lock.yaml', 'yarn.lock', 'bun.lock', 'bun.lockb', 'package-lock.json'];

/**
 * The file a package subpath resolves to from this package, with the same module resolution (exports, `import`
 * condition) as an `import` statement here: the handlers are wherever npm installed them, not at a checkout path.
 */
const resolveModuleFile = (specifier: string): string => {
  let file: string;
  try {
    file = fileURLToPath(import.meta.resolve(specifier));
  } catch (error) {
    const packageName = specifier.split('/').slice(0, 2).join('/');
    throw new BundlingError(
      `cannot resolve ${specifier} from @hashbridge/infra (${PACKAGE_DIRECTORY}); install ${packageName} beside it (npm install ${packageName}), or pass ready-made code`,
      { cause: error },
    );
  }
  if (!existsSync(file)) {
    throw new BundlingError(`${specifier} resolves to ${file}, which does not exist; build that package first`);
  }
  return file;
};

/**
 * Where Node's lookup would find the package `name` from `fromDirectory` (each `node_modules` on the way up),
 * as a real path; `undefined` when it is not installed. Reads the folders directly, so a package whose exports
 * hide its package.json is found too.
 */
const findInstalledPackage = (name: string, fromDirectory: string): string | undefined => {
  for (let directory = fromDirectory; ; directory = dirname(directory)) {
    const candidate = join(directory, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(directory) === directory) return undefined;
  }
};

/**
 * The nearest lock file above `file`. Found from the bundled file rather than the working directory, so the
 * project root it gives always contains that file: the workspace root here, the consumer's app once installed.
 */
const findLockFile = (file: string): string => {
  for (let directory = dirname(file); ; directory = dirname(directory)) {
    const lockFile = LOCK_FILES.map((name) => join(directory, name)).find((candidate) => existsSync(candidate));
    if (lockFile !== undefined) return lockFile;
    if (dirname(directory) === directory) {
      throw new BundlingError(
        `no lock file (${LOCK_FILES.join(', ')}) above ${file}: bundling takes the project root from it; install the app's dependencies with a package manager that writes one, or pass ready-made code`,
      );
    }
  }
};

export { findInstalledPackage, findLockFile, PACKAGE_DIRECTORY, resolveModuleFile };
