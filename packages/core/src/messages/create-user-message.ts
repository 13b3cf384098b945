import { identifyHash } from '../identify-hash.js';
import { findScheme } from '../registry.js';
import type { SchemeName } from '../scheme-names.js';
import { isPlainObject } from './json-size-bound.js';
import { type ParseUserMessageResult, validateUserMessage } from './parse-user-message.js';
import {
  EMAIL_PATTERN,
  MAX_EMAIL_LENGTH,
  MAX_HASH_LENGTH,
  MAX_SOURCE_ID_LENGTH,
  normalizeEmail,
  profileProblem,
  USER_MESSAGE_SCHEMA_VERSION,
  type UserMessage,
} from './user-message.js';

interface LegacyUserRow {
  readonly email: string;
  readonly hash: string;
  readonly profile?: Readonly<Record<string, unknown>> | null;
  readonly sourceId: string;
  readonly sourceVersion: number;
  /** Force a scheme (for ambiguous bare formats); otherwise the hash is identified among `schemes`. */
  readonly scheme?: SchemeName;
}

/**
 * The message for a row whose every field plainly passes the rules of `userMessageSchema` (the same limits,
 * pattern and profile check, imported from user-message.ts), or `undefined` when any does not. Only a shortcut:
 * a row it turns down goes through the schema, which then gives the answer and the reasons.
 */
const plainlyValidMessage = (row: LegacyUserRow, scheme: SchemeName): UserMessage | undefined => {
  const { email: rawEmail, hash, sourceId, sourceVersion } = row;
  const profile = row.profile ?? {};
  if (typeof rawEmail !== 'string' || rawEmail.length > MAX_EMAIL_LENGTH) return undefined;
  const email = normalizeEmail(rawEmail);
  if (!EMAIL_PATTERN.test(email)) return undefined;
  if (typeof hash !== 'string' || hash.length === 0 || hash.length > MAX_HASH_LENGTH) return undefined;
  if (row.scheme !== undefined && findScheme(scheme)?.identify(hash) !== true) return undefined;
  if (typeof sourceId !== 'string' || sourceId.length === 0 || sourceId.length > MAX_SOURCE_ID_LENGTH) return undefined;
  if (!Number.isSafeInteger(sourceVersion) || sourceVersion < 0) return undefined;
  if (!isPlainObject(profile) || profileProblem(profile) !== undefined) return undefined;
  return {
    schemaVersion: USER_MESSAGE_SCHEMA_VERSION,
    email,
    hash,
    scheme,
    profile,
    source: { id: sourceId, version: sourceVersion },
  };
};

/**
 * Builds and validates the message for one legacy row: the scheme is identified from the hash (among
 * `schemes`, default order otherwise), the email normalised. A row that cannot become a valid message comes
 * back as a rejection with a reason, never with its hash.
 *
 * The answer is always the schema's: a row whose fields plainly pass its rules is built directly, anything
 * else goes through `userMessageSchema`. The producer creates a message per legacy row, and running the
 * schema was about a quarter of the CPU time of its busiest thread; the tests hold both paths to the same
 * answers.
 */
const createUserMessage = (row: LegacyUserRow, schemes?: readonly SchemeName[]): ParseUserMessageResult => {
  const scheme =
    row.scheme ??
    (typeof row.hash === 'string' ? identifyHash(row.hash, schemes === undefined ? {} : { schemes }) : undefined);
  if (scheme === undefined) {
    return {
      ok: false,
      reason: 'schema-violation',
      detail:
        typeof row.hash === 'string' && row.hash.length > 0
          ? 'hash: no allowed scheme recognises the hash'
          : 'hash: empty',
    };
  }
  const message = plainlyValidMessage(row, scheme);
  if (message !== undefined) return { ok: true, message };
  return validateUserMessage({
    schemaVersion: USER_MESSAGE_SCHEMA_VERSION,
    email: row.email,
    hash: row.hash,
    scheme,
    profile: row.profile ?? {},
    source: { id: row.sourceId, version: row.sourceVersion },
  });
};

export type { LegacyUserRow };
export { createUserMessage };
