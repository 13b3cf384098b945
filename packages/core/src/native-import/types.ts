import type { SchemeName } from '../scheme-names.js';
import type { CostPolicy } from '../types/policy.js';

/**
 * The values of `PasswordHashingAlgorithm` on Cognito's `CreateUserImportJob` (the SDK's
 * `PasswordHashingAlgorithmType`), spelled here so core does not depend on the SDK. One algorithm per job.
 */
type CognitoHashAlgorithm = 'BCRYPT' | 'SCRYPT' | 'ARGON2ID' | 'PBKDF2_SHA256';

/** A bcrypt hash as Cognito's import reads it: `$2b$<cost>$<salt><checksum>`. */
interface BcryptImportParameters {
  readonly algorithm: 'BCRYPT';
  readonly ident: '2a' | '2b' | '2y';
  /** log2 of the rounds. */
  readonly cost: number;
  /** 16 bytes. */
  readonly salt: Uint8Array;
  /** The 23 bytes bcrypt keeps of its 24-byte output. */
  readonly hash: Uint8Array;
}

/** scrypt over the UTF-8 password with these bytes as salt, giving `hash` (32 bytes). */
interface ScryptImportParameters {
  readonly algorithm: 'SCRYPT';
  readonly n: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Uint8Array;
  readonly hash: Uint8Array;
}

/** Argon2id version 1.3 (v=19); the output length is the length of `hash`. */
interface Argon2idImportParameters {
  readonly algorithm: 'ARGON2ID';
  readonly version: 19;
  readonly memoryKiB: number;
  readonly timeCost: number;
  readonly parallelism: number;
  readonly salt: Uint8Array;
  readonly hash: Uint8Array;
}

/** PBKDF2-HMAC-SHA256 over the UTF-8 password with these salt bytes, giving `hash` (32 bytes). */
interface Pbkdf2Sha256ImportParameters {
  readonly algorithm: 'PBKDF2_SHA256';
  readonly iterations: number;
  readonly salt: Uint8Array;
  readonly hash: Uint8Array;
}

/** Everything a password hash column of a Cognito import CSV holds, read back into numbers and bytes. */
type CognitoImportParameters =
  | BcryptImportParameters
  | ScryptImportParameters
  | Argon2idImportParameters
  | Pbkdf2Sha256ImportParameters;

/**
 * Why a hash cannot go to Cognito's import as it is: its scheme is not one Cognito takes (or not this variant
 * of it), its parameters lie outside what Cognito accepts, or it is not a well-formed hash of the scheme.
 */
type NativeImportRefusalReason = 'not-importable' | 'outside-cognito-bounds' | 'malformed';

/** Why not, for the audit. `detail` names the parameter and the bound; it never holds the hash or its salt. */
interface NativeImportRefusal {
  readonly reason: NativeImportRefusalReason;
  readonly detail: string;
}

/** What `toCognitoImportHash` answers: the job's algorithm and the CSV's password hash, or why not. */
type CognitoImportHashResult =
  | { readonly ok: true; readonly algorithm: CognitoHashAlgorithm; readonly passwordHash: string }
  | ({ readonly ok: false } & NativeImportRefusal);

interface ChooseMigrationLaneOptions {
  /** The cost caps the migration applies (over them, a hash is refused on every lane). Defaults: `DEFAULT_COST_POLICY`. */
  readonly policy?: Partial<CostPolicy>;
  /** Send importable hashes to Cognito's import (default `true`); `false` puts every user on the trigger. */
  readonly nativeImport?: boolean;
  /** Allow-list and identification order, as for `identifyHash`. */
  readonly schemes?: readonly SchemeName[];
}

/** Why a user can be migrated on no lane. */
type LaneRefusalReason = 'unidentified' | 'malformed' | 'over-cost-policy';

/**
 * The cheapest lane that keeps the user's password: Cognito's own import (`native`), the User Migration
 * trigger (`trigger`), or none (`refused`).
 */
type MigrationLane =
  | {
      readonly lane: 'native';
      readonly scheme: SchemeName;
      readonly algorithm: CognitoHashAlgorithm;
      readonly passwordHash: string;
    }
  | {
      readonly lane: 'trigger';
      readonly scheme: SchemeName;
      /** Why not native; absent when native import is switched off. */
      readonly nativeRefusal?: NativeImportRefusal;
    }
  | {
      readonly lane: 'refused';
      readonly reason: LaneRefusalReason;
      /** The scheme the hash is (or claims to be) of; absent when unidentified. */
      readonly scheme?: SchemeName;
      readonly detail: string;
    };

export type {
  Argon2idImportParameters,
  BcryptImportParameters,
  ChooseMigrationLaneOptions,
  CognitoHashAlgorithm,
  CognitoImportHashResult,
  CognitoImportParameters,
  LaneRefusalReason,
  MigrationLane,
  NativeImportRefusal,
  NativeImportRefusalReason,
  Pbkdf2Sha256ImportParameters,
  ScryptImportParameters,
};
