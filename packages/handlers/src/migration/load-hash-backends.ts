import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { HashBackendChoice, NativeArgon2Module, NativeBcryptModule } from '@hashbridge/core';

/**
 * Where a Lambda layer puts Node packages (the infra's native hash layer holds @node-rs/bcrypt and
 * @node-rs/argon2 there). ES modules never search it: NODE_PATH is for `require` only.
 */
const LAMBDA_LAYER_MODULES_DIR = '/opt/nodejs/node_modules';

/** `native`: the @node-rs modules wherever they are found, else the portable backends; `wasm`: always portable. */
type HashBackendSetting = 'native' | 'wasm';

/**
 * Loads a package by normal resolution, else by `require` from `layerDir`; `undefined` when neither finds it
 * (or it fails to load, as a native addon built for another platform does), so the portable backend stays.
 */
const loadOptionalModule = async <T>(specifier: string, layerDir: string): Promise<T | undefined> => {
  try {
    return (await import(specifier)) as T;
  } catch {
    // Not beside the code (a Lambda bundle has no node_modules): the layer's folder is next.
  }
  try {
    return createRequire(join(layerDir, 'index.js'))(specifier) as T;
  } catch {
    return undefined;
  }
};

/**
 * The hash backends the Migration Lambda hands to `useHashBackends` at cold start: the native @node-rs modules
 * found beside the code or in the Lambda layer, or the portable ones when `setting` is `wasm` (a family whose
 * module is missing stays portable too). Every backend gives the same answers; native ones are faster.
 *
 * @example
 * ```ts
 * useHashBackends(await loadHashBackends(config.HASHBRIDGE_HASH_BACKEND));
 * ```
 */
const loadHashBackends = async (
  setting: HashBackendSetting,
  layerDir: string = LAMBDA_LAYER_MODULES_DIR,
): Promise<HashBackendChoice> => {
  if (setting === 'wasm') return 'wasm';
  const [bcrypt, argon2] = await Promise.all([
    loadOptionalModule<NativeBcryptModule>('@node-rs/bcrypt', layerDir),
    loadOptionalModule<NativeArgon2Module>('@node-rs/argon2', layerDir),
  ]);
  return { bcrypt, argon2 };
};

export type { HashBackendSetting };
export { LAMBDA_LAYER_MODULES_DIR, loadHashBackends, loadOptionalModule };
