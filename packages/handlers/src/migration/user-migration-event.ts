import type { UserMigrationRequest } from '@hashbridge/core';
import * as z from 'zod';

/** A user name or an email address, which is at most 320 characters long: anything longer is not a real sign-in. */
const userNameSchema = z.string().min(1).max(320);

/*
 * The fields of Powertools' MigrateUserTriggerSchema that the handler reads, with the same types (the tests
 * hold the two schemas to the same events). Not imported from @aws-lambda-powertools/parser: its schemas
 * import zod's named `z`, which puts every zod locale into the bundle (+360 KiB, 640 KB → 983 KB measured),
 * and the whole schema would refuse real events anyway (it requires a password, which ForgotPassword events
 * do not carry, and every response field, which cognito-local leaves out).
 */
const authenticationEventSchema = z.object({
  triggerSource: z.literal('UserMigration_Authentication'),
  userName: userNameSchema,
  request: z.looseObject({ password: z.string() }),
});

const forgotPasswordEventSchema = z.object({
  triggerSource: z.literal('UserMigration_ForgotPassword'),
  userName: userNameSchema,
  request: z.looseObject({ password: z.string().optional() }),
});

/**
 * Reads Cognito's User Migration trigger event as the Migration use case's request: a sign-in with its
 * password, or a forgotten-password request. Any other trigger source, or a sign-in without a password, fails
 * with issues whose paths name the fields (never their values: one of them is the password).
 *
 * @example
 * ```ts
 * const parsed = userMigrationEventSchema.safeParse(event);
 * if (parsed.success) await migrateUser(parsed.data, dependencies);
 * ```
 */
const userMigrationEventSchema = z
  .discriminatedUnion('triggerSource', [authenticationEventSchema, forgotPasswordEventSchema])
  .transform(
    (event): UserMigrationRequest =>
      event.triggerSource === 'UserMigration_Authentication'
        ? { trigger: 'authentication', userName: event.userName, password: event.request.password }
        : { trigger: 'forgot-password', userName: event.userName },
  );

export { userMigrationEventSchema };
