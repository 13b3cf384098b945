import { DEFAULT_QUARANTINE_TABLE, DEFAULT_STAGING_TABLE } from '@hashbridge/adapters';
import * as z from 'zod';
import { HandlerConfigError } from '../errors.js';

const booleanText = z.enum(['true', 'false']).transform((value) => value === 'true');

/** The Loader Lambda's environment. Unknown values fail loudly at cold start, with the variable's name. */
const loaderEnvironmentSchema = z.object({
  STAGING_TABLE: z.string().min(1).default(DEFAULT_STAGING_TABLE),
  QUARANTINE_TABLE: z.string().min(1).default(DEFAULT_QUARANTINE_TABLE),
  /** For MSK's provisioned mode: answer with `batchItemFailures` instead of failing the whole batch. */
  REPORT_BATCH_ITEM_FAILURES: booleanText.default(false),
  /** Records validated and quarantined at once per batch (staging itself goes in batched requests). */
  STAGING_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(16),
  /** Only for the local stack: the DynamoDB API to talk to. */
  DYNAMODB_ENDPOINT: z.url().optional(),
});

type LoaderConfig = z.output<typeof loaderEnvironmentSchema>;

const readLoaderConfig = (env: NodeJS.ProcessEnv): LoaderConfig => {
  const parsed = loaderEnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new HandlerConfigError(`invalid Loader configuration: ${problems}`);
  }
  return parsed.data;
};

export type { LoaderConfig };
export { readLoaderConfig };
