import { HashBackendError } from '../errors.js';
import { type Argon2Backend, type NativeArgon2Module, nativeArgon2Backend, wasmArgon2Backend } from './argon2.js';
import { type BcryptBackend, type NativeBcryptModule, nativeBcryptBackend, wasmBcryptBackend } from './bcrypt.js';

/**
 * What `useHashBackends` takes: `'wasm'` for the portable backends (WebAssembly and pure JavaScript, the
 * default), or native modules the caller has loaded. A family left out of the object stays portable.
 */
type HashBackendChoice =
  | 'wasm'
  | { readonly bcrypt?: NativeBcryptModule | undefined; readonly argon2?: NativeArgon2Module | undefined };

/** The backends in use after the call, by name: `'hash-wasm'` (portable), `'@node-rs/bcrypt'`, `'@node-rs/argon2'`. */
interface HashBackendNames {
  readonly bcrypt: string;
  readonly argon2: string;
}

interface HashBackends {
  readonly bcrypt: BcryptBackend;
  readonly argon2: Argon2Backend;
}

const PORTABLE: HashBackends = Object.freeze({ bcrypt: wasmBcryptBackend, argon2: wasmArgon2Backend });

/** Every family a native module can be injected for, with the function that module must have. */
const NATIVE_ENTRY_POINTS = { bcrypt: 'hash', argon2: 'hashRaw' } as const;

let active: HashBackends = PORTABLE;

/** Refuses what cannot be a backend now, so a typo fails at setup and not at the first verify. */
const checkChoice = (choice: HashBackendChoice): void => {
  if (choice === 'wasm') return;
  if (typeof choice !== 'object' || choice === null) {
    throw new HashBackendError("the hash backends must be 'wasm' or an object of native modules");
  }
  for (const [family, module] of Object.entries(choice as Record<string, unknown>)) {
    if (!Object.hasOwn(NATIVE_ENTRY_POINTS, family)) {
      throw new HashBackendError(`no hash backend is called "${family}"; use bcrypt or argon2`);
    }
    const entryPoint = NATIVE_ENTRY_POINTS[family as keyof typeof NATIVE_ENTRY_POINTS];
    if (module !== undefined && typeof (module as Record<string, unknown> | null)?.[entryPoint] !== 'function') {
      throw new HashBackendError(`the ${family} backend needs a module with a ${entryPoint} function`);
    }
  }
};

/**
 * Chooses the hash backends for the whole process, as passlib's `set_backend` does: the native modules given,
 * or `'wasm'` for the portable ones. Every backend gives the same answers; native ones are faster
 * (benchmarks/hash-verify.md). Without a call the portable ones run, so core needs no setup and never loads
 * a module it was not handed: where native modules live (a Lambda layer, node_modules) is the caller's
 * business. Call it once at start-up, before the first verify.
 *
 * @example
 * ```ts
 * import { useHashBackends } from '@hashbridge/core';
 *
 * useHashBackends({ bcrypt: await import('@node-rs/bcrypt'), argon2: await import('@node-rs/argon2') });
 * useHashBackends('wasm'); // back to the portable backends
 * ```
 */
const useHashBackends = (choice: HashBackendChoice): HashBackendNames => {
  checkChoice(choice);
  active =
    choice === 'wasm'
      ? PORTABLE
      : {
          bcrypt: choice.bcrypt === undefined ? PORTABLE.bcrypt : nativeBcryptBackend(choice.bcrypt),
          argon2: choice.argon2 === undefined ? PORTABLE.argon2 : nativeArgon2Backend(choice.argon2),
        };
  return { bcrypt: active.bcrypt.name, argon2: active.argon2.name };
};

/** The backends the schemes call now (internal: the schemes read it at each verify). */
const activeHashBackends = (): HashBackends => active;

export type { HashBackendChoice, HashBackendNames };
export { activeHashBackends, useHashBackends };
