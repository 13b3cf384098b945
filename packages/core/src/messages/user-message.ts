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

/**
 * The form of an email address everywhere in the pipeline: trimmed and lower-cased. It is the Kafka key
 * (one user's messages stay in order on one partition) and the DynamoDB partition key, and the migration
 * trigger normalises Cognito's `userName` the same way.
 */
const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const emailSchema = z
  .string()
  .max(320, 'email is longer than 320 characters')
  .transform(normalizeEmail)
  .pipe(z.email('email is not a valid address'));

/** Deepest nesting inside a profile: real profiles are flat; the cap bounds the work a hostile message causes. */
const MAX_PROFILE_DEPTH = 32;

/**
 * JSON values only (no undefined, functions, NaN or Infinity), so a profile survives any round trip. Checked
 * in place rather than through `z.record()`, which copies every profile key by key (a fifth of the
 * validation of a message, for an object the pipeline never modifies) or zod's recursive `z.json()`, whose
 * cycle tracking cost a third. The exact size is only computed when the cheap bound exceeds the cap.
 */
const profileSchema = z
  .custom<Record<string, unknown>>(isPlainObject, 'profile is not a JSON object')
  .superRefine((profile, context) => {
    const bound = jsonSizeBound(profile, MAX_PROFILE_DEPTH);
    if (bound === undefined) {
      context.addIssue({
        code: 'custom',
        message: `profile holds a value JSON cannot carry (undefined, a function, NaN, Infinity, an object of a class) or is nested deeper than ${MAX_PROFILE_DEPTH}`,
      });
    } else if (bound > MAX_PROFILE_BYTES && Buffer.byteLength(JSON.stringify(profile), 'utf8') > MAX_PROFILE_BYTES) {
      context.addIssue({ code: 'custom', message: `profile is larger than ${MAX_PROFILE_BYTES} bytes of JSON` });
    }
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
      id: z.string().min(1, 'source id is empty').max(256, 'source id is longer than 256 characters'),
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
export { MAX_HASH_LENGTH, MAX_PROFILE_BYTES, normalizeEmail, USER_MESSAGE_SCHEMA_VERSION, userMessageSchema };
