import { MigrateUserTriggerSchema } from '@aws-lambda-powertools/parser/schemas/cognito';
import type { UserMigrationRequest } from '@hashbridge/core';
import * as z from 'zod';

const { request, userName } = MigrateUserTriggerSchema.shape;

/** A user name or an email address, which is at most 320 characters long: anything longer is not a real sign-in. */
const userNameSchema = userName.min(1).max(320);

/*
 * Built from Powertools' MigrateUserTriggerSchema, taking only the fields the handler reads. The whole schema
 * would refuse real events: it requires a password, which ForgotPassword events do not carry, and every
 * response field, which cognito-local leaves out. Anything else about the event is left alone.
 */
const authenticationEventSchema = z.object({
  triggerSource: z.literal('UserMigration_Authentication'),
  userName: userNameSchema,
  request: request.pick({ password: true }).loose(),
});

const forgotPasswordEventSchema = z.object({
  triggerSource: z.literal('UserMigration_ForgotPassword'),
  userName: userNameSchema,
  request: request.pick({ password: true }).partial().loose(),
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
