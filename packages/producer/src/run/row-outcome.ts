import { createUserMessage, identifyHash, type LegacySourceRow, type UserMessage } from '@hashbridge/core';

/**
 * What becomes of one legacy row: the message that carries it, or why it is refused. The export and the audit
 * decide with this one function, so the audit's refusals are the export's.
 */
type RowOutcome = { readonly message: UserMessage } | { readonly reason: string; readonly detail: string };

/** A jsonb column arrives parsed; a text column holding JSON is parsed here. */
const profileOf = (raw: unknown): Record<string, unknown> | null | 'invalid' => {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') {
    try {
      return profileOf(JSON.parse(raw));
    } catch {
      return 'invalid';
    }
  }
  return typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : 'invalid';
};

/** The message for one row, or why the row is refused. Never carries the hash into a reason. */
const rowOutcome = (row: LegacySourceRow): RowOutcome => {
  if (row.disabled === true) {
    return { reason: 'disabled-account', detail: 'the account is disabled in the legacy table' };
  }
  if (row.collides) {
    return { reason: 'email-collision', detail: 'another row has the same email once trimmed and lower-cased' };
  }
  if (typeof row.email !== 'string' || row.email.trim() === '')
    return { reason: 'invalid-email', detail: 'email is missing' };
  if (typeof row.hash !== 'string' || row.hash === '')
    return { reason: 'invalid-hash', detail: 'password hash is missing' };
  // Exact identification: a hash no scheme reads as its own would fail at the user's every sign-in.
  const scheme = identifyHash(row.hash);
  if (scheme === undefined) {
    return { reason: 'unidentified', detail: 'the hash is well-formed for no supported scheme' };
  }
  const profile = profileOf(row.profile);
  if (profile === 'invalid') return { reason: 'invalid-profile', detail: 'profile is not a JSON object' };
  // The scheme just identified goes along, so the row is not identified a second time.
  const result = createUserMessage({
    email: row.email,
    hash: row.hash,
    scheme,
    profile,
    sourceId: row.id,
    sourceVersion: row.version,
  });
  if (result.ok) return { message: result.message };
  const field = result.detail.split(':')[0] ?? 'row';
  return { reason: `invalid-${field.split('.')[0]}`, detail: result.detail };
};

export type { RowOutcome };
export { rowOutcome };
