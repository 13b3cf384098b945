import { identifyHash } from '../identify-hash.js';
import type { SchemeName } from '../scheme-names.js';
import { type ParseUserMessageResult, validateUserMessage } from './parse-user-message.js';
import { USER_MESSAGE_SCHEMA_VERSION } from './user-message.js';

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
 * Builds and validates the message for one legacy row: the scheme is identified from the hash (among
 * `schemes`, default order otherwise), the email normalised. A row that cannot become a valid message comes
 * back as a rejection with a reason, never with its hash.
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
