import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Code, type FunctionOptions, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';

/** The entry points of @hashbridge/handlers that run as Lambda functions. */
type HandlerName = 'migration' | 'loader';

interface HandlerFunctionProps extends FunctionOptions {
  readonly handlerName: HandlerName;
  /**
   * Ready-made code (e.g. an asset a pipeline built once, or inline code in tests). Its module must export
   * `handler` from `index`. @default bundles `packages/handlers/src/<handlerName>.ts` with esbuild
   */
  readonly code?: Code;
}

// src/ and dist/ are both one level below the package, so this holds for the sources and for the build.
const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Native hashing backends: loaded by @hashbridge/core through a dynamic `import()` when present, else the
 * WebAssembly fallback answers identically (slower). They cannot be bundled (prebuilt `.node` binaries per
 * platform), so they are kept out of the bundle explicitly.
 */
const NATIVE_MODULES = ['@node-rs/bcrypt', '@node-rs/argon2'];

/**
 * @aws-lambda-powertools/kafka imports protobufjs and avro-js (optional peers, not installed) for Protobuf and
 * Avro values. Marking them external would break the ES module at init — esbuild hoists external imports to the
 * top of the bundle — so they are aliased to a stub that throws if ever used: the Loader reads JSON only.
 */
const UNSUPPORTED_SCHEMA_STUB = join(REPOSITORY_ROOT, 'packages', 'infra', 'bundling', 'unsupported-schema-stub.mjs');

/**
 * esbuild's ESM output has no `require`; some CommonJS dependencies (kafkajs, parts of the AWS SDK) call it for
 * Node built-ins, so the bundle gets one made from its own URL.
 */
const REQUIRE_SHIM = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

interface BundledFunctionProps extends FunctionOptions {
  /** The TypeScript module to bundle, an absolute path. */
  readonly entry: string;
  /** The exported function Lambda calls. */
  readonly handler: string;
  /** Ready-made code whose `index` module exports `handler`; nothing is bundled then. */
  readonly code?: Code;
}

/**
 * A Node.js 22 function bundled from TypeScript source (tree-shaken, minified) with the locally installed
 * esbuild — no Docker — unless `code` is given. Every function of this package is built here, with the same
 * settings. The AWS SDK is bundled rather than taken from the runtime, so the version tested is the version
 * deployed.
 */
const createBundledFunction = (scope: Construct, id: string, props: BundledFunctionProps): LambdaFunction => {
  const { entry, handler, code, ...options } = props;
  const runtime = Runtime.NODEJS_22_X;
  if (code !== undefined) {
    return new LambdaFunction(scope, id, { ...options, runtime, code, handler: `index.${handler}` });
  }
  return new NodejsFunction(scope, id, {
    ...options,
    runtime,
    entry,
    handler,
    projectRoot: REPOSITORY_ROOT,
    depsLockFilePath: join(REPOSITORY_ROOT, 'package-lock.json'),
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

/** A function running one handler of @hashbridge/handlers (one copy of the code: its TypeScript source). */
const createHandlerFunction = (scope: Construct, id: string, props: HandlerFunctionProps): LambdaFunction => {
  const { handlerName, ...options } = props;
  return createBundledFunction(scope, id, {
    ...options,
    entry: join(REPOSITORY_ROOT, 'packages', 'handlers', 'src', `${handlerName}.ts`),
    handler: 'handler',
  });
};

export type { BundledFunctionProps, HandlerFunctionProps, HandlerName };
export { createBundledFunction, createHandlerFunction, REPOSITORY_ROOT };
