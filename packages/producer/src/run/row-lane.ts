import {
  type CognitoHashAlgorithm,
  chooseMigrationLane,
  type LegacySourceRow,
  type MigrationLane,
  type SchemeName,
  type UserMessage,
} from '@hashbridge/core';
import { rowOutcome } from './row-outcome.js';

/** The lane one legacy row takes, with what that lane needs: the message, and for native the Cognito hash. */
type RowLane =
  | { readonly lane: 'refused'; readonly refusal: string; readonly scheme?: SchemeName }
  | {
      readonly lane: 'trigger';
      readonly scheme: SchemeName;
      readonly message: UserMessage;
      /** Why not native; absent when native import is switched off. */
      readonly notNative?: string;
    }
  | {
      readonly lane: 'native';
      readonly scheme: SchemeName;
      readonly message: UserMessage;
      readonly algorithm: CognitoHashAlgorithm;
      readonly passwordHash: string;
    };

/**
 * The lane a row takes, decided once for the audit and the import. The export's own checks come first (a
 * disabled account, a colliding email, a bad profile is refused whatever its hash), then the lane's: a hash that
 * is malformed or over the cost policy is refused on every lane, one that Cognito's import takes goes native,
 * any other well-formed one to the trigger.
 */
const rowLane = (row: LegacySourceRow, nativeImport: boolean): RowLane => {
  const hasHash = typeof row.hash === 'string' && row.hash !== '';
  const outcome = rowOutcome(row);
  // The row's checks identified the scheme already: the lane looks at that scheme alone, not at all of them.
  const schemes = 'message' in outcome ? [outcome.message.scheme] : undefined;
  const lane: MigrationLane | undefined = hasHash
    ? chooseMigrationLane(row.hash as string, { nativeImport, ...(schemes === undefined ? {} : { schemes }) })
    : undefined;
  const scheme = lane?.scheme;
  if ('reason' in outcome) {
    // The export says only that no scheme reads the hash; the lane says whether it is a known scheme's, broken.
    const refusal = outcome.reason === 'unidentified' && lane?.lane === 'refused' ? lane.reason : outcome.reason;
    return { lane: 'refused', refusal, ...(scheme === undefined ? {} : { scheme }) };
  }
  if (lane === undefined) return { lane: 'refused', refusal: 'invalid-hash' };
  if (lane.lane === 'refused')
    return { lane: 'refused', refusal: lane.reason, ...(scheme === undefined ? {} : { scheme }) };
  const { message } = outcome;
  if (lane.lane === 'native') {
    return { lane: 'native', scheme: lane.scheme, message, algorithm: lane.algorithm, passwordHash: lane.passwordHash };
  }
  return {
    lane: 'trigger',
    scheme: lane.scheme,
    message,
    ...(lane.nativeRefusal === undefined ? {} : { notNative: lane.nativeRefusal.reason }),
  };
};

export type { RowLane };
export { rowLane };
