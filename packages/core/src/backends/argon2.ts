import { argon2d, argon2i, argon2id } from 'hash-wasm';
import { UnknownHashError } from '../errors.js';

type Argon2Type = 'd' | 'i' | 'id';

/** Everything the raw Argon2 function takes besides the password, as read from a hash. */
interface Argon2Parameters {
  readonly type: Argon2Type;
  /** 0x10 (Argon2 1.0, hashes without `v=`) or 0x13 (1.3). */
  readonly version: 0x10 | 0x13;
  /** KiB. */
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
  readonly salt: Uint8Array;
  readonly outputLength: number;
}

/** Computes the raw Argon2 output of `password` bytes (any length, empty included). */
interface Argon2Backend {
  readonly name: string;
  readonly digest: (password: Uint8Array, parameters: Argon2Parameters) => Promise<Uint8Array>;
}

/** `@node-rs/argon2`'s `Algorithm` and `Version` const enums, by value. */
type NodeRsAlgorithm = 0 | 1 | 2;
type NodeRsVersion = 0 | 1;

/**
 * The one function of `@node-rs/argon2` the native backend calls; the module itself (`await
 * import('@node-rs/argon2')`) fits. Described here, not imported, so core needs neither the package nor its types.
 */
interface NativeArgon2Module {
  readonly hashRaw: (
    password: Uint8Array,
    options: {
      readonly algorithm: NodeRsAlgorithm;
      readonly version: NodeRsVersion;
      readonly memoryCost: number;
      readonly timeCost: number;
      readonly parallelism: number;
      readonly outputLen: number;
      readonly salt: Uint8Array;
    },
  ) => Promise<Uint8Array>;
}

const NODE_RS_ALGORITHM: Readonly<Record<Argon2Type, NodeRsAlgorithm>> = { d: 0, i: 1, id: 2 };
const NODE_RS_VERSION: Readonly<Record<Argon2Parameters['version'], NodeRsVersion>> = { 16: 0, 19: 1 };

/** The Rust `argon2` crate through napi: every type, both versions, empty passwords. */
const nativeArgon2Backend = (native: NativeArgon2Module): Argon2Backend => ({
  name: '@node-rs/argon2',
  digest: (password, parameters) =>
    native.hashRaw(Buffer.from(password), {
      algorithm: NODE_RS_ALGORITHM[parameters.type],
      version: NODE_RS_VERSION[parameters.version],
      memoryCost: parameters.memoryCost,
      timeCost: parameters.timeCost,
      parallelism: parameters.parallelism,
      outputLen: parameters.outputLength,
      salt: Buffer.from(parameters.salt),
    }),
});

interface NobleArgon2Options {
  readonly t: number;
  readonly m: number;
  readonly p: number;
  readonly version: number;
  readonly dkLen: number;
  readonly maxmem: number;
}
type NobleArgon2Function = (password: Uint8Array, salt: Uint8Array, options: NobleArgon2Options) => Promise<Uint8Array>;
interface NobleArgon2 {
  readonly argon2dAsync: NobleArgon2Function;
  readonly argon2iAsync: NobleArgon2Function;
  readonly argon2idAsync: NobleArgon2Function;
}

/** Resolved by name at run time, so bundlers leave it out and the type check does not need it. */
const NOBLE_ARGON2 = '@noble/hashes/argon2.js';
let noble: Promise<NobleArgon2 | undefined> | undefined;

/** `@noble/hashes` (pure JavaScript) when installed: part of the portable backend, whatever is injected. */
const loadNoble = (): Promise<NobleArgon2 | undefined> => {
  noble ??= import(NOBLE_ARGON2).then(
    (module: NobleArgon2) => module,
    () => undefined,
  );
  return noble;
};

/**
 * What hash-wasm cannot compute: Argon2 1.0 (it always hashes as 1.3) and an empty password (it refuses
 * one). `@noble/hashes` can, about 3x slower than hash-wasm; without it these hashes cannot be checked here.
 */
const pureJsDigest = async (password: Uint8Array, parameters: Argon2Parameters): Promise<Uint8Array> => {
  const library = await loadNoble();
  if (library === undefined) {
    throw new UnknownHashError(
      'argon2 hashes of version 16 and empty passwords need @noble/hashes (not installed) or the native backend (useHashBackends)',
    );
  }
  const run = { d: library.argon2dAsync, i: library.argon2iAsync, id: library.argon2idAsync }[parameters.type];
  return run(password, parameters.salt, {
    t: parameters.timeCost,
    m: parameters.memoryCost,
    p: parameters.parallelism,
    version: parameters.version,
    dkLen: parameters.outputLength,
    // noble refuses to allocate more than maxmem bytes (below 4 GiB); the cost policy is the real limit.
    maxmem: Math.min(parameters.memoryCost * 1024, 2 ** 32 - 1),
  });
};

const WASM_ARGON2 = { d: argon2d, i: argon2i, id: argon2id } as const;

/** hash-wasm (WebAssembly), with the pure JavaScript path for what it cannot do. */
const wasmArgon2Backend: Argon2Backend = {
  name: 'hash-wasm',
  digest: (password, parameters) => {
    if (parameters.version !== 0x13 || password.length === 0) return pureJsDigest(password, parameters);
    return WASM_ARGON2[parameters.type]({
      password,
      salt: parameters.salt,
      iterations: parameters.timeCost,
      parallelism: parameters.parallelism,
      memorySize: parameters.memoryCost,
      hashLength: parameters.outputLength,
      outputType: 'binary',
    });
  },
};

export type { Argon2Backend, Argon2Parameters, Argon2Type, NativeArgon2Module };
export { nativeArgon2Backend, wasmArgon2Backend };
