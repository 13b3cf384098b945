import * as z from 'zod';
import { identifyHash } from '../identify-hash.js';
import { SCHEME_NAMES } from '../scheme-names.js';
import { isPlainObject, jsonSizeBound } from './json-size-bound.js';

/** The message format version this build writes and reads. A reader refuses any other version. */
const USER_MESSAGE_SCHEMA_VERSION = 1;

/** Longest stored hash accepted: the longest passlib formats (scram with every digest, fshp) stay far below. */
const MAX_HASH_LENGTH = 1024;

/** Profile attributes travel inside Kafka messages and DynamoDB items: keep them small. */
const MAX_PROFILE_BYTES = 4096;

/** Longest email accepted, before normalisation (RFC 5321 allows 64 + 1 + 255 characters). */
const MAX_EMAIL_LENGTH = 320;

/** Longest source row id accepted. */
const MAX_SOURCE_ID_LENGTH = 256;

/** What a valid (normalised) address looks like: zod's email pattern, named so every check uses the same. */
const EMAIL_PATTERN = z.regexes.email;

/**
 * The form of an email address everywhere in the pipeline: trimmed and lower-cased. It is the Kafka key
 * (one user's messages stay in order on one partition) and the DynamoDB partition key, and the migration
 * trigger normalises Cognito's `userName` the same way.
 */
const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const emailSchema = z
  .string()
  .max(MAX_EMAIL_LENGTH, `email is longer than ${MAX_EMAIL_LENGTH} characters`)
  .transform(normalizeEmail)
  .pipe(z.email({ pattern: EMAIL_PATTERN, error: 'email is not a valid address' }));

/** Deepest nesting inside a profile: real profiles are flat; the cap bounds the work a hostile message causes. */
const MAX_PROFILE_DEPTH = 32;

/**
 * What is wrong with a profile that is a plain object, or `undefined` when nothing is: it must hold JSON values
 * only (no undefined, functions, NaN or Infinity), so it survives any round trip, and stay under the size cap.
 * The exact size is only computed when the cheap bound (one walk, no JSON text built) exceeds the cap.
 */
const profileProblem = (profile: Record<string, unknown>): string | undefined => {
  const bound = jsonSizeBound(profile, MAX_PROFILE_DEPTH);
  if (bound === undefined) {
    return `profile holds a value JSON cannot carry (undefined, a function, NaN, Infinity, an object of a class) or is nested deeper than ${MAX_PROFILE_DEPTH}`;
  }
  if (bound > MAX_PROFILE_BYTES && Buffer.byteLength(JSON.stringify(profile), 'utf8') > MAX_PROFILE_BYTES) {
    return `profile is larger than ${MAX_PROFILE_BYTES} bytes of JSON`;
  }
  return undefined;
};

/**
 * Checked in place rather than through `z.record()`, which copies every profile key by key (a fifth of the
 * validation of a message, for an object the pipeline never modifies) or zod's recursive `z.json()`, whose
 * cycle tracking cost a third.
 */
const profileSchema = z
  .custom<Record<string, unknown>>(isPlainObject, 'profile is not a JSON object')
  .superRefine((profile, context) => {
    const problem = profileProblem(profile);
    if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
  });

const schemeSchema = z.enum(SCHEME_NAMES);

/**
 * One legacy user, as the producer sends it and the loader stages it. `source.version` orders exports of the
 * same user: a message with a higher version supersedes a lower one (the producer uses the row's
 * `updated_at` in microseconds).
 */
const userMessageSchema = z
  .object({
    schemaVersion: z.literal(USER_MESSAGE_SCHEMA_VERSION),
    email: emailSchema,
    hash: z.string().min(1, 'hash is empty').max(MAX_HASH_LENGTH, `hash is longer than ${MAX_HASH_LENGTH} characters`),
    scheme: schemeSchema,
    profile: profileSchema,
    source: z.object({
      id: z
        .string()
        .min(1, 'source id is empty')
        .max(MAX_SOURCE_ID_LENGTH, `source id is longer than ${MAX_SOURCE_ID_LENGTH} characters`),
      version: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    }),
  })
  .strict()
  .refine((message) => identifyHash(message.hash, { schemes: [message.scheme] }) === message.scheme, {
    message: 'hash is not in the format of the named scheme',
    path: ['hash'],
  });

/** A validated user message (email normalised). */
type UserMessage = z.output<typeof userMessageSchema>;

/** What a producer hands to `createUserMessage`, before validation. */
type UserMessageInput = z.input<typeof userMessageSchema>;

export type { UserMessage, UserMessageInput };
export {
  EMAIL_PATTERN,
  MAX_EMAIL_LENGTH,
  MAX_HASH_LENGTH,
  MAX_PROFILE_BYTES,
  MAX_SOURCE_ID_LENGTH,
  normalizeEmail,
  profileProblem,
  USER_MESSAGE_SCHEMA_VERSION,
  userMessageSchema,
};
