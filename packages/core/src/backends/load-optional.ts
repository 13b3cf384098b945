/**
 * Optional native backends: used when their npm package is installed (and not disabled with
 * `HASHBRIDGE_HASH_BACKEND=wasm`), otherwise the pure JavaScript / WebAssembly fallback runs.
 * Both give identical answers; the native ones are faster (see benchmarks/hash-verify.md).
 */
const nativeAllowed = (): boolean => process.env.HASHBRIDGE_HASH_BACKEND !== 'wasm';

/** Imports a package if it is installed; `undefined` if not (or if native backends are disabled). */
const loadOptional = async <T>(specifier: string): Promise<T | undefined> => {
  if (!nativeAllowed()) return undefined;
  try {
    return (await import(specifier)) as T;
  } catch {
    return undefined;
  }
};

export { loadOptional };
