import type { LegacyUserSource } from '@hashbridge/core';
import type { AuditConfig } from '../config.js';
import { TRIGGER_TIMEOUT_SECONDS, VERIFY_SECONDS_AT_RISK } from '../constants.js';
import { sortedByKey } from '../run/counts.js';
import { createProgress } from '../run/progress.js';
import { AuditTally } from './audit-tally.js';
import { estimateVerifySeconds } from './estimate-verify-time.js';
import type { AuditReport, SchemeAudit } from './types.js';

interface RunAuditOptions {
  readonly progressStream?: NodeJS.WriteStream;
}

/**
 * Reads every legacy user once, in one snapshot, and reports the lane each would take, per scheme and in
 * total, with the cost parameters seen and the estimated verify time of each scheme's costliest hash on the
 * Migration Lambda. Reads only: nothing is sent or written. Closes the source when it ends.
 *
 * @example
 * const config = resolveAuditConfig({}, process.env);
 * const report = await runAudit(config, await PostgresUserSource.open(config.databaseUrl, config));
 */
const runAudit = async (
  config: AuditConfig,
  source: LegacyUserSource,
  options: RunAuditOptions = {},
): Promise<AuditReport> => {
  const started = performance.now();
  const tally = new AuditTally(config.nativeImport);
  try {
    const total = await source.count(undefined);
    const progress = createProgress(total, config.progress, options.progressStream);
    for await (const rows of source.batches(undefined, config.batchSize)) {
      for (const row of rows) tally.add(row);
      progress.update(tally.users);
    }
    progress.finish(tally.users);
  } finally {
    await source.close();
  }

  const schemes: Record<string, SchemeAudit> = {};
  const warnings: string[] = [];
  for (const [name, scheme] of [...tally.schemes].sort(([a], [b]) => a.localeCompare(b))) {
    const hash = scheme.costliestTriggerHash;
    const seconds = hash === undefined ? undefined : await estimateVerifySeconds(hash, config.migrationMemoryMb);
    const atRisk = seconds !== undefined && seconds > VERIFY_SECONDS_AT_RISK;
    if (atRisk) {
      warnings.push(
        `${name}: its costliest hash takes about ${seconds.toFixed(1)} s to verify on a ${config.migrationMemoryMb} MB Migration Lambda; Cognito stops the trigger at ${TRIGGER_TIMEOUT_SECONDS} s. Give the Lambda more memory (up to 1769 MB adds CPU), or import these users natively if Cognito takes the scheme.`,
      );
    }
    schemes[name] = scheme.toAudit(seconds, atRisk);
  }
  const refusedTotal = tally.lanes.refused;
  if (refusedTotal > 0) {
    warnings.push(
      `${refusedTotal} of ${tally.users} users can be migrated on no lane; the export reports each one's id and reason in its rejects file.`,
    );
  }
  return {
    users: tally.users,
    lanes: tally.laneCounts(),
    schemes,
    refused: sortedByKey(tally.refused),
    nativeImport: config.nativeImport,
    migrationMemoryMb: config.migrationMemoryMb,
    warnings,
    seconds: (performance.now() - started) / 1000,
  };
};

export type { RunAuditOptions };
export { runAudit };
