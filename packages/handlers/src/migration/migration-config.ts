import {
  DEFAULT_HASH_RETENTION_DAYS,
  DEFAULT_LOCKOUT_RULE,
  ENVIRONMENT,
  type PasswordStrengthRule,
  SCHEME_NAMES,
  SETTING_LIMITS,
  STAGING_TABLE,
} from '@hashbridge/core';
import * as z from 'zod';
import { HandlerConfigError } from '../errors.js';

/**
 * A user pool's password policy in CDK's names. A key left out takes Cognito's own default (8 characters,
 * every class required), so `{}` mirrors a pool created without a policy; unknown keys are typos and fail.
 */
const passwordStrengthRuleSchema: z.ZodType<PasswordStrengthRule, unknown> = z.strictObject({
  minLength: z.number().int().min(6).max(99).default(8),
  requireLowercase: z.boolean().default(true),
  requireUppercase: z.boolean().default(true),
  requireDigits: z.boolean().default(true),
  requireSymbols: z.boolean().default(true),
});

/** The Migration Lambda's environment, validated at cold start. */
const migrationEnvironmentSchema = z.object({
  [ENVIRONMENT.stagingTable]: z.string().min(1).default(STAGING_TABLE.name),
  /** JSON object: profile field → Cognito attribute (standard, or custom:x existing in the pool). */
  [ENVIRONMENT.attributeMapping]: z
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
  /**
   * JSON, the pool's password policy (see passwordStrengthRuleSchema). When set, a user whose correct legacy
   * password fails it is migrated with RESET_REQUIRED and must choose a new password; unset, nobody is.
   */
  [ENVIRONMENT.passwordStrengthRule]: z
    .string()
    .optional()
    .transform((text, context) => {
      if (text === undefined) return undefined;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        context.addIssue({
          code: 'custom',
          message: 'must be a JSON object such as {"minLength":12,"requireSymbols":false}',
        });
        return z.NEVER;
      }
      const rule = passwordStrengthRuleSchema.safeParse(value);
      if (rule.success) return rule.data;
      for (const issue of rule.error.issues)
        context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      return z.NEVER;
    }),
  /** The scheme most legacy hashes use: what an unknown user's sign-in costs. */
  [ENVIRONMENT.dummyScheme]: z.enum(SCHEME_NAMES).default('bcrypt'),
  /** Answer this long before the Lambda (and Cognito, at 5 s) gives up. */
  /** Consecutive failed sign-ins of a staged user before it is locked. */
  [ENVIRONMENT.lockoutThreshold]: z.coerce
    .number()
    .int()
    .min(SETTING_LIMITS.lockoutThreshold.min)
    .max(SETTING_LIMITS.lockoutThreshold.max)
    .default(DEFAULT_LOCKOUT_RULE.threshold),
  /** The longest lock, in seconds. */
  [ENVIRONMENT.lockoutMaxSeconds]: z.coerce
    .number()
    .int()
    .min(SETTING_LIMITS.lockoutMaxSeconds.min)
    .max(SETTING_LIMITS.lockoutMaxSeconds.max)
    .default(DEFAULT_LOCKOUT_RULE.maxLockSeconds),
  /** Days a migrated user's staged record is kept before DynamoDB's TTL deletes it. */
  [ENVIRONMENT.retentionDays]: z.coerce
    .number()
    .int()
    .min(SETTING_LIMITS.retentionDays.min)
    .max(SETTING_LIMITS.retentionDays.max)
    .default(DEFAULT_HASH_RETENTION_DAYS),
  [ENVIRONMENT.deadlineMarginMs]: z.coerce.number().int().min(0).default(300),
  /** `wasm` keeps the portable hash backends even where the native ones are installed (they answer alike). */
  [ENVIRONMENT.hashBackend]: z.enum(['native', 'wasm']).default('native'),
  /** Only for the local stack: the DynamoDB API to talk to. */
  [ENVIRONMENT.dynamodbEndpoint]: z.url().optional(),
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
