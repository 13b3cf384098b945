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
 * esbuild's ESM output has no `require`; some CommonJS dependencies (kafkajs, parts of the AWS SDK) call it for
 * Node built-ins, so the bundle gets one made from its own URL.
 */
/**
 * @aws-lambda-powertools/kafka imports protobufjs and avro-js (optional peers, not installed) for Protobuf and
 * Avro values. Marking them external would break the ES module at init — esbuild hoists external imports to the
 * top of the bundle — so they are aliased to a stub that throws if ever used: the Loader reads JSON only.
 */
const UNSUPPORTED_SCHEMA_STUB = join(REPOSITORY_ROOT, 'packages', 'infra', 'bundling', 'unsupported-schema-stub.mjs');

const REQUIRE_SHIM = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/**
 * A Node.js 22 function running one handler of @hashbridge/handlers: bundled from its TypeScript source (one
 * copy of the code, tree-shaken) with the locally installed esbuild — no Docker — unless `code` is given.
 * The AWS SDK is bundled rather than taken from the runtime, so the version tested is the version deployed.
 */
const createHandlerFunction = (scope: Construct, id: string, props: HandlerFunctionProps): LambdaFunction => {
  const { handlerName, code, ...options } = props;
  const runtime = Runtime.NODEJS_22_X;
  if (code !== undefined) {
    return new LambdaFunction(scope, id, { ...options, runtime, code, handler: 'index.handler' });
  }
  return new NodejsFunction(scope, id, {
    ...options,
    runtime,
    entry: join(REPOSITORY_ROOT, 'packages', 'handlers', 'src', `${handlerName}.ts`),
    handler: 'handler',
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

export type { HandlerFunctionProps, HandlerName };
export { createHandlerFunction };
