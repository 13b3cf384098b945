import type { CognitoHashAlgorithm } from '../native-import/types.js';
import type { SchemeName } from '../scheme-names.js';

/** A user Cognito's CSV import created with their legacy hash: no hash is kept for them. */
interface NativeImportEntry {
  /** Normalised email: the staging table's partition key. */
  readonly email: string;
  readonly scheme: SchemeName;
  readonly algorithm: CognitoHashAlgorithm;
  readonly importJobId: string;
  readonly importedAt: string;
  readonly sourceId: string;
  readonly sourceVersion: number;
}

/**
 * Port: which users went through Cognito's import, kept beside the staged users (the staging table, with
 * `lane: 'native'` and no hash), so the pipeline does not stage them too and a second import skips them.
 */
interface NativeImportLedger {
  /** The emails among these that are recorded as imported, or that migrated through the trigger already. */
  readonly alreadyInCognito: (emails: readonly string[]) => Promise<ReadonlySet<string>>;
  /** Records the users; a staged hash of theirs is removed, since Cognito now holds the password. */
  readonly record: (entries: readonly NativeImportEntry[]) => Promise<void>;
}

export type { NativeImportEntry, NativeImportLedger };
