import * as z from 'zod';
import { identifyHash } from '../identify-hash.js';
import { SCHEME_NAMES } from '../scheme-names.js';

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
 * Whether a value survives a JSON round trip unchanged: null, strings, booleans, finite numbers, and arrays and
 * plain objects of those. Written out rather than zod's recursive `z.json()`, whose cycle tracking made it the
 * single largest cost of validating a message (about a third of the producer's per-row validation).
 */
const isJsonValue = (value: unknown, depth: number): boolean => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || depth >= MAX_PROFILE_DEPTH) return false;
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(value).every((item) => isJsonValue(item, depth + 1));
};

/** JSON values only (no undefined, functions, NaN or Infinity), so a profile survives any round trip. */
const profileSchema = z.record(z.string(), z.unknown()).superRefine((profile, context) => {
  if (!Object.values(profile).every((value) => isJsonValue(value, 1))) {
    context.addIssue({
      code: 'custom',
      message: `profile holds a value JSON cannot carry (undefined, a function, NaN, Infinity, an object of a class) or is nested deeper than ${MAX_PROFILE_DEPTH}`,
    });
  } else if (Buffer.byteLength(JSON.stringify(profile), 'utf8') > MAX_PROFILE_BYTES) {
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
