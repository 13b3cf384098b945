import { normalizeEmail } from '@hashbridge/core';
import * as z from 'zod';

/**
 * The trigger sources the guard lets through unread. AdminCreateUser needs the pool's IAM rights, so whoever
 * calls it means to; a federated user gets a user of its own (`<provider>_<id>`), which does not take the email
 * as a sign-in name, so the legacy user's password sign-in still reaches the Migration trigger.
 */
const UNGUARDED_SOURCES = ['PreSignUp_AdminCreateUser', 'PreSignUp_ExternalProvider'] as const;

/*
 * The fields of Powertools' PreSignupTriggerSchema that the guard reads, with the same types (a test holds the two
 * to the same events); not imported, as for the Migration event, so zod's locales stay out of the bundle.
 */
const selfSignUpEventSchema = z.object({
  triggerSource: z.literal('PreSignUp_SignUp'),
  userName: z.string().optional(),
  request: z.looseObject({ userAttributes: z.record(z.string(), z.string()) }),
});

/**
 * Reads a self-service sign-up as the addresses it would take, normalised as the staging table's key: the
 * `email` attribute, and the user name when it is an address too (a pool whose user names are free text lets
 * someone register a legacy email as the user name, which blocks that user's sign-in just the same).
 *
 * @example
 * ```ts
 * const parsed = selfSignUpAddressesSchema.safeParse(event);
 * if (parsed.success) for (const email of parsed.data) await store.get(email);
 * ```
 */
const selfSignUpAddressesSchema = selfSignUpEventSchema.transform((event): string[] => {
  const candidates = [event.request.userAttributes.email, event.userName].filter(
    (value): value is string => value?.includes('@') === true,
  );
  return [...new Set(candidates.map(normalizeEmail))];
});

export { selfSignUpAddressesSchema, UNGUARDED_SOURCES };
