import {
  type CognitoHashAlgorithm,
  describeHashCost,
  type HashCost,
  type LegacySourceRow,
  type SchemeName,
} from '@hashbridge/core';
import { type RowLane, rowLane } from '../run/row-lane.js';
import type { LaneCounts, SchemeAudit } from './types.js';
import { ValueHistogram } from './value-histogram.js';

/** The work one verify of a hash does, to find each scheme's costliest hash: rounds × memory × lanes. */
const workOf = (cost: HashCost): number => (cost.rounds ?? 1) * (cost.memoryKiB ?? 1) * (cost.parallelism ?? 1);

class SchemeTally {
  public count = 0;
  public readonly lane = { native: 0, trigger: 0, refused: 0 };
  public algorithm: CognitoHashAlgorithm | undefined;
  public readonly notNative: Record<string, number> = {};
  public readonly rounds = new ValueHistogram();
  public readonly memoryKiB = new ValueHistogram();
  public readonly parallelism = new ValueHistogram();
  /** The costliest hash that reaches the trigger, kept in memory only, to time one verify of it. */
  public costliestTriggerHash: string | undefined;
  #costliestWork = -1;

  public add(row: RowLane, hash: string): void {
    this.count += 1;
    this.lane[row.lane] += 1;
    if (row.lane === 'native') this.algorithm = row.algorithm;
    if (row.lane === 'trigger' && row.notNative !== undefined) {
      this.notNative[row.notNative] = (this.notNative[row.notNative] ?? 0) + 1;
    }
    if (row.scheme === undefined || (row.lane === 'refused' && row.refusal === 'malformed')) return;
    const cost = describeHashCost(hash, row.scheme);
    this.rounds.add(cost.rounds);
    this.memoryKiB.add(cost.memoryKiB);
    this.parallelism.add(cost.parallelism);
    if (row.lane === 'trigger' && workOf(cost) > this.#costliestWork) {
      this.#costliestWork = workOf(cost);
      this.costliestTriggerHash = hash;
    }
  }

  public toAudit(verifySeconds: number | undefined, atRisk: boolean): SchemeAudit {
    const rounds = this.rounds.spread();
    const memoryKiB = this.memoryKiB.spread();
    const parallelism = this.parallelism.spread();
    return {
      count: this.count,
      lane: { ...this.lane },
      ...(this.algorithm === undefined ? {} : { cognitoAlgorithm: this.algorithm }),
      notNative: { ...this.notNative },
      ...(rounds === undefined ? {} : { rounds }),
      ...(memoryKiB === undefined ? {} : { memoryKiB }),
      ...(parallelism === undefined ? {} : { parallelism }),
      ...(verifySeconds === undefined ? {} : { verifySeconds }),
      atRisk,
    };
  }
}

/** The running counts of an audit, one row at a time; holds a few numbers per scheme, never the rows. */
class AuditTally {
  public users = 0;
  public readonly lanes = { native: 0, trigger: 0, refused: 0 };
  public readonly refused: Record<string, number> = {};
  public readonly schemes = new Map<SchemeName, SchemeTally>();
  readonly #nativeImport: boolean;

  public constructor(nativeImport: boolean) {
    this.#nativeImport = nativeImport;
  }

  public add(row: LegacySourceRow): void {
    const audit = rowLane(row, this.#nativeImport);
    this.users += 1;
    this.lanes[audit.lane] += 1;
    if (audit.lane === 'refused') this.refused[audit.refusal] = (this.refused[audit.refusal] ?? 0) + 1;
    if (audit.scheme === undefined) return;
    let scheme = this.schemes.get(audit.scheme);
    if (scheme === undefined) {
      scheme = new SchemeTally();
      this.schemes.set(audit.scheme, scheme);
    }
    scheme.add(audit, row.hash as string);
  }

  public laneCounts(): LaneCounts {
    return { ...this.lanes };
  }
}

export { AuditTally, SchemeTally };
