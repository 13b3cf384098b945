import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Code, type FunctionOptions, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import { findLockFile, resolveModuleFile } from './package-resolution.js';

/** The entry points of @hashbridge/handlers that run as Lambda functions: subpath exports of that package. */
type HandlerName = 'migration' | 'loader' | 'pre-sign-up';

/** Where esbuild runs; the defaults suit both this workspace and an app that installed the packages. */
interface BundlingLocationProps {
  /** The lock file NodejsFunction reads. @default the nearest lock file above the entry */
  readonly depsLockFilePath?: string;
  /** The folder esbuild runs in; it must contain the entry. @default the folder of the lock file */
  readonly projectRoot?: string;
}

interface HandlerFunctionProps extends FunctionOptions, BundlingLocationProps {
  readonly handlerName: HandlerName;
  /**
   * Ready-made code (e.g. an asset a pipeline built once, or inline code in tests). Its module must export
   * `handler` from `index`. @default bundles `@hashbridge/handlers/<handlerName>`, as installed, with esbuild
   */
  readonly code?: Code;
}

/**
 * Native hashing backends: loaded by @hashbridge/core through a dynamic `import()` when present, else the
 * WebAssembly fallback answers identically (slower). They cannot be bundled (prebuilt `.node` binaries per
 * platform), so they are kept out of the bundle explicitly.
 */
const NATIVE_MODULES = ['@node-rs/bcrypt', '@node-rs/argon2'];

/**
 * @aws-lambda-powertools/kafka imports protobufjs and avro-js (optional peers, not installed) for Protobuf and
 * Avro values. Marking them external would break the ES module at init — esbuild hoists external imports to the
 * top of the bundle — so they are aliased to a stub that throws if ever used: the Loader reads JSON only. The
 * stub ships in the package's bundling/ folder, found from here: src/ and dist/ are both one level below it.
 */
const UNSUPPORTED_SCHEMA_STUB = fileURLToPath(new URL('../bundling/unsupported-schema-stub.mjs', import.meta.url));

/**
 * esbuild's ESM output has no `require`; some CommonJS dependencies (kafkajs, parts of the AWS SDK) call it for
 * Node built-ins, so the bundle gets one made from its own URL.
 */
const REQUIRE_SHIM = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

interface BundledFunctionProps extends FunctionOptions, BundlingLocationProps {
  /** The TypeScript or JavaScript module to bundle, an absolute path. */
  readonly entry: string;
  /** The exported function Lambda calls. */
  readonly handler: string;
  /** Ready-made code whose `index` module exports `handler`; nothing is bundled then. */
  readonly code?: Code;
}

/**
 * A Node.js 22 function bundled from a TypeScript or JavaScript module (tree-shaken, minified) with the esbuild
 * this package depends on — no Docker — unless `code` is given. Every function of this package is built here,
 * with the same settings. The AWS SDK is bundled rather than taken from the runtime, so the version tested is the
 * version deployed.
 */
const createBundledFunction = (scope: Construct, id: string, props: BundledFunctionProps): LambdaFunction => {
  const { entry, handler, code, depsLockFilePath, projectRoot, ...options } = props;
  const runtime = Runtime.NODEJS_22_X;
  if (code !== undefined) {
    return new LambdaFunction(scope, id, { ...options, runtime, code, handler: `index.${handler}` });
  }
  const lockFile = depsLockFilePath ?? findLockFile(entry);
  return new NodejsFunction(scope, id, {
    ...options,
    runtime,
    entry,
    handler,
    projectRoot: projectRoot ?? dirname(lockFile),
    depsLockFilePath: lockFile,
    bundling: {
      forceDockerBundling: false,
      format: OutputFormat.ESM,
      target: 'node22',
      mainFields: ['module', 'main'],
      banner: REQUIRE_SHIM,
      externalModules: NATIVE_MODULES,
      minify: true,
      esbuildArgs: {
        '--alias:protobufjs': UNSUPPORTED_SCHEMA_STUB,
        '--alias:avro-js': UNSUPPORTED_SCHEMA_STUB,
      },
    },
  });
};

/**
 * A function running one handler of @hashbridge/handlers, bundled from the package's built module as module
 * resolution finds it from here: the workspace's package in this repository, the installed one in an app.
 */
const createHandlerFunction = (scope: Construct, id: string, props: HandlerFunctionProps): LambdaFunction => {
  const { handlerName, ...options } = props;
  const specifier = `@hashbridge/handlers/${handlerName}`;
  return createBundledFunction(scope, id, {
    ...options,
    // Resolved only when something is bundled, so ready-made code needs no handlers package installed.
    entry: options.code === undefined ? resolveModuleFile(specifier) : specifier,
    handler: 'handler',
  });
};

export type { BundledFunctionProps, BundlingLocationProps, HandlerFunctionProps, HandlerName };
export { createBundledFunction, createHandlerFunction };
