import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalStackError } from '../errors.js';
import type { LambdaHandler, LocalFunctionTable } from '../types/lambda.js';

/** The workspace's list of functions for the Lambda endpoint, beside the root package.json. */
const STACK_CONFIG_FILE = 'local-stack.config.json';

interface FunctionEntry {
  readonly module: string;
  readonly handler?: string;
  readonly timeoutMs?: number;
}

const isFunctionEntry = (value: unknown): value is FunctionEntry => {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.module === 'string' &&
    (entry.handler === undefined || typeof entry.handler === 'string') &&
    (entry.timeoutMs === undefined || (Number.isInteger(entry.timeoutMs) && (entry.timeoutMs as number) > 0))
  );
};

/**
 * The functions the stack's Lambda endpoint serves, as the workspace lists them in `local-stack.config.json`:
 * the stack knows no handler package, the workspace says what to run (as a SAM template would). Each module
 * is imported by its package name on the first invocation, as a cold start would load it.
 */
const readStackFunctions = (rootDir: string): LocalFunctionTable => {
  const file = join(rootDir, STACK_CONFIG_FILE);
  let config: { functions?: unknown };
  try {
    config = JSON.parse(readFileSync(file, 'utf8')) as { functions?: unknown };
  } catch (error) {
    throw new LocalStackError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const table: Record<string, LocalFunctionTable[string]> = {};
  for (const [name, entry] of Object.entries((config.functions ?? {}) as Record<string, unknown>)) {
    if (!isFunctionEntry(entry)) {
      throw new LocalStackError(`${file}: function ${name} needs {"module": "<package export>", "timeoutMs"?: n}`);
    }
    const exportName = entry.handler ?? 'handler';
    table[name] = {
      ...(entry.timeoutMs === undefined ? {} : { timeoutMs: entry.timeoutMs }),
      load: async () => {
        const module = (await import(entry.module)) as Record<string, unknown>;
        const handler = module[exportName];
        if (typeof handler !== 'function') {
          throw new LocalStackError(`${entry.module} exports no function ${exportName} (run npm run build?)`);
        }
        return handler as LambdaHandler;
      },
    };
  }
  return table;
};

export { readStackFunctions, STACK_CONFIG_FILE };
