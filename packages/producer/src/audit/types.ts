import type { CognitoHashAlgorithm } from '@hashbridge/core';

/** How many users take each lane. */
interface LaneCounts {
  readonly native: number;
  readonly trigger: number;
  readonly refused: number;
}

/** The smallest, middle and largest value seen (the median of an even count is the lower middle one). */
interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

/** What the audit found for one scheme. */
interface SchemeAudit {
  readonly count: number;
  readonly lane: LaneCounts;
  /** The `PasswordHashingAlgorithm` of the Cognito import job its native users go to. */
  readonly cognitoAlgorithm?: CognitoHashAlgorithm;
  /** Why users of this scheme go to the trigger rather than Cognito's import, by reason. */
  readonly notNative: Readonly<Record<string, number>>;
  /** Cost parameters seen (`describeHashCost`): iterations or rounds run, memory in KiB, parallelism. */
  readonly rounds?: Spread;
  readonly memoryKiB?: Spread;
  readonly parallelism?: Spread;
  /**
   * Estimated seconds for one verify of the costliest hash of the scheme on the Migration Lambda (timed here,
   * scaled by its CPU share); absent when no user of the scheme would reach the trigger.
   */
  readonly verifySeconds?: number;
  /** The estimate puts Cognito's 5 s trigger limit at risk. */
  readonly atRisk: boolean;
}

/** The audit's report; `--json` prints it as it is. */
interface AuditReport {
  readonly users: number;
  readonly lanes: LaneCounts;
  readonly schemes: Readonly<Record<string, SchemeAudit>>;
  /** Users no lane can migrate, by reason (the export's reasons, and the lanes' malformed / over-cost-policy). */
  readonly refused: Readonly<Record<string, number>>;
  readonly nativeImport: boolean;
  readonly migrationMemoryMb: number;
  /** One line per finding that needs the operator's attention. */
  readonly warnings: readonly string[];
  readonly seconds: number;
}

export type { AuditReport, LaneCounts, SchemeAudit, Spread };
