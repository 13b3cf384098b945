import { ENVIRONMENT, STAGING_TABLE } from '@hashbridge/core';
import * as z from 'zod';
import { HandlerConfigError } from '../errors.js';

/** The PreSignUp guard's environment, validated at cold start: it reads the staging table and nothing else. */
const preSignUpEnvironmentSchema = z.object({
  [ENVIRONMENT.stagingTable]: z.string().min(1).default(STAGING_TABLE.name),
  /** Only for the local stack: the DynamoDB API to talk to. */
  [ENVIRONMENT.dynamodbEndpoint]: z.url().optional(),
});

type PreSignUpConfig = z.output<typeof preSignUpEnvironmentSchema>;

/**
 * Reads the PreSignUp guard's settings from the environment; an invalid value fails the cold start with the
 * variable's name, never silently falls back.
 *
 * @example
 * ```ts
 * const config = readPreSignUpConfig(process.env);
 * new DynamoDBStagedUserStore({ client, tableName: config.STAGING_TABLE });
 * ```
 */
const readPreSignUpConfig = (env: NodeJS.ProcessEnv): PreSignUpConfig => {
  const parsed = preSignUpEnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new HandlerConfigError(`invalid PreSignUp configuration: ${problems}`);
  }
  return parsed.data;
};

export type { PreSignUpConfig };
export { readPreSignUpConfig };
