import { DEFAULT_STAGING_TABLE } from '@hashbridge/adapters';
import { SCHEME_NAMES } from '@hashbridge/core';
import { z } from 'zod';
import { HandlerConfigError } from '../errors.js';

/** The Migration Lambda's environment, validated at cold start. */
const migrationEnvironmentSchema = z.object({
  STAGING_TABLE: z.string().min(1).default(DEFAULT_STAGING_TABLE),
  /** JSON object: profile field → Cognito attribute (standard, or custom:x existing in the pool). */
  ATTRIBUTE_MAPPING: z
    .string()
    .optional()
    .transform((text, context) => {
      if (text === undefined) return undefined;
      try {
        return z.record(z.string(), z.string()).parse(JSON.parse(text));
      } catch {
        context.addIssue({ code: 'custom', message: 'must be a JSON object of strings' });
        return z.NEVER;
      }
    }),
  /** The scheme most legacy hashes use: what an unknown user's sign-in costs. */
  DUMMY_SCHEME: z.enum(SCHEME_NAMES).default('bcrypt'),
  /** Answer this long before the Lambda (and Cognito, at 5 s) gives up. */
  DEADLINE_MARGIN_MS: z.coerce.number().int().min(0).default(300),
  /** Only for the local stack: the DynamoDB API to talk to. */
  DYNAMODB_ENDPOINT: z.url().optional(),
});

type MigrationConfig = z.output<typeof migrationEnvironmentSchema>;

const readMigrationConfig = (env: NodeJS.ProcessEnv): MigrationConfig => {
  const parsed = migrationEnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new HandlerConfigError(`invalid Migration configuration: ${problems}`);
  }
  return parsed.data;
};

export type { MigrationConfig };
export { readMigrationConfig };
