import type * as z from 'zod';
import { USER_MESSAGE_SCHEMA_VERSION, type UserMessage, userMessageSchema } from './user-message.js';

/** Why a message was refused. Never contains the hash or any other field's value. */
type RejectionReason = 'invalid-json' | 'unknown-schema-version' | 'schema-violation';

type ParseUserMessageResult =
  | { readonly ok: true; readonly message: UserMessage }
  | { readonly ok: false; readonly reason: RejectionReason; readonly detail: string };

/** `path: message` for each issue: zod's messages here are ours and name no values. */
const describeIssues = (issues: readonly z.core.$ZodIssue[]): string =>
  issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(message)'}: ${issue.message}`).join('; ');

/** Checks an already-decoded value against the message contract. */
const validateUserMessage = (value: unknown): ParseUserMessageResult => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'schema-violation', detail: '(message): not a JSON object' };
  }
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (version !== USER_MESSAGE_SCHEMA_VERSION) {
    return {
      ok: false,
      reason: 'unknown-schema-version',
      detail: `schemaVersion ${JSON.stringify(version) ?? 'missing'} is not ${USER_MESSAGE_SCHEMA_VERSION}`.slice(
        0,
        200,
      ),
    };
  }
  const parsed = userMessageSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: 'schema-violation', detail: describeIssues(parsed.error.issues) };
  return { ok: true, message: parsed.data };
};

/**
 * Reads one message (the Kafka record's value) and validates it. A message of another schema version is
 * refused rather than guessed at. The result names the reason; it never echoes the hash.
 *
 * @example
 * ```ts
 * const result = parseUserMessage(record.value);
 * if (!result.ok) quarantine(record, result.reason, result.detail);
 * ```
 */
const parseUserMessage = (raw: string | Uint8Array): ParseUserMessageResult => {
  let value: unknown;
  try {
    value = JSON.parse(typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid-json', detail: 'the value is not valid JSON' };
  }
  return validateUserMessage(value);
};

export type { ParseUserMessageResult, RejectionReason };
export { parseUserMessage, validateUserMessage };
