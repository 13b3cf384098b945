import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Optional native backends: used when their npm package is installed (and not disabled with
 * `HASHBRIDGE_HASH_BACKEND=wasm`), otherwise the pure JavaScript / WebAssembly fallback runs.
 * Both give identical answers; the native ones are faster (see benchmarks/hash-verify.md).
 */
const nativeAllowed = (): boolean => process.env.HASHBRIDGE_HASH_BACKEND !== 'wasm';

/**
 * Where a Lambda layer puts Node packages. ES modules never look there (NODE_PATH is for `require` only),
 * so packages shipped in a layer are required from it explicitly.
 */
const layerModulesDir = (): string => process.env.HASHBRIDGE_NATIVE_MODULES_DIR ?? '/opt/nodejs/node_modules';

/** Imports a package if it is installed, here or in a Lambda layer; `undefined` if not (or if disabled). */
const loadOptional = async <T>(specifier: string): Promise<T | undefined> => {
  if (!nativeAllowed()) return undefined;
  try {
    return (await import(specifier)) as T;
  } catch {
    const dir = layerModulesDir();
    if (!existsSync(join(dir, specifier))) return undefined;
    try {
      return createRequire(join(dir, 'noop.js'))(specifier) as T;
    } catch {
      return undefined;
    }
  }
};

export { loadOptional };
