/** What `hashbridge finish` found, and did with `--yes`. Counts and paths: no email, no hash. */
interface FinishReport {
  /** False for a dry run: nothing was written or removed. */
  readonly acted: boolean;
  /** Users staged for the trigger who never signed in: the long tail. */
  readonly longTail: number;
  readonly longTailFormat: 'list' | 'csv';
  /** Where the long tail was written (with `--yes`), or would be. */
  readonly longTailPath: string;
  /** Migrated users whose hash is kept past the grace period: the hashes to remove. */
  readonly hashesPastGrace: number;
  /** Hashes removed (with `--yes`). */
  readonly hashesRemoved: number;
  readonly graceDays: number;
  readonly seconds: number;
}

export type { FinishReport };
