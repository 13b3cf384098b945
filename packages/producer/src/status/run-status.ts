import {
  DEFAULT_LOCKOUT_RULE,
  isLocked,
  type LegacyUserSource,
  normalizeEmail,
  type StagingRecordSummary,
  type StagingTableMaintenance,
} from '@hashbridge/core';
import type { StatusConfig } from '../config.js';
import { increment, sortedByKey } from '../run/counts.js';
import { createProgress } from '../run/progress.js';
import type { SchemeStatus, StatusReport } from './types.js';

interface StatusPorts {
  readonly staging: StagingTableMaintenance;
  /** With `--source`: the legacy table, to count users never staged. */
  readonly source?: LegacyUserSource;
}

interface RunStatusOptions {
  readonly now?: () => Date;
  readonly progressStream?: NodeJS.WriteStream;
}

type MutableSchemeStatus = { -readonly [key in keyof SchemeStatus]: number };

const day = (iso: string | undefined): string | undefined => (iso === undefined ? undefined : iso.slice(0, 10));

/**
 * Reads the whole staging table (parallel Scan segments, never a hash) and counts where each user is: imported
 * by Cognito, waiting for their first sign-in (locked now, or never tried), or migrated, per scheme and per day.
 * With a source, counts the legacy users the table has no record of (refused by the export, or not sent yet).
 */
const runStatus = async (
  config: StatusConfig,
  ports: StatusPorts,
  options: RunStatusOptions = {},
): Promise<StatusReport> => {
  const started = performance.now();
  const now = (options.now ?? (() => new Date()))();
  const schemes: Record<string, MutableSchemeStatus> = {};
  const migratedPerDay: Record<string, number> = {};
  const importedPerDay: Record<string, number> = {};
  const trigger = { waiting: 0, migrated: 0, locked: 0, neverSignedIn: 0, failedSignIns: 0 };
  const emails = ports.source === undefined ? undefined : new Set<string>();
  let records = 0;
  let native = 0;
  let hashesKept = 0;

  const add = (record: StagingRecordSummary) => {
    records += 1;
    emails?.add(record.email);
    const name = record.scheme ?? 'unknown';
    const scheme = schemes[name] ?? { native: 0, waiting: 0, migrated: 0, locked: 0 };
    schemes[name] = scheme;
    if (record.lane === 'native') {
      native += 1;
      scheme.native += 1;
      increment(importedPerDay, day(record.importedAt));
    } else if (record.migratedAt !== undefined) {
      trigger.migrated += 1;
      scheme.migrated += 1;
      increment(migratedPerDay, day(record.migratedAt));
      if (record.hasHash) hashesKept += 1;
    } else {
      trigger.waiting += 1;
      scheme.waiting += 1;
      if ((record.failedSignIns ?? 0) === 0) trigger.neverSignedIn += 1;
      else trigger.failedSignIns += 1;
      if (isLocked(record, DEFAULT_LOCKOUT_RULE, now)) {
        trigger.locked += 1;
        scheme.locked += 1;
      }
    }
  };

  let scanned = 0;
  const progress = createProgress(undefined, config.progress, options.progressStream);
  await ports.staging.scan(config.segments, (page) => {
    for (const record of page) add(record);
    scanned += page.length;
    progress.update(scanned);
  });
  progress.finish(scanned);
  const quarantined = await ports.staging.countQuarantined();

  let source: StatusReport['source'];
  if (ports.source !== undefined && emails !== undefined) {
    let users = 0;
    let notStaged = 0;
    try {
      for await (const rows of ports.source.batches(undefined, config.batchSize)) {
        for (const row of rows) {
          users += 1;
          const email = typeof row.email === 'string' ? normalizeEmail(row.email) : undefined;
          if (email === undefined || !emails.has(email)) notStaged += 1;
        }
      }
    } finally {
      await ports.source.close();
    }
    source = { users, notStaged };
  }

  return {
    records,
    native,
    trigger,
    schemes: sortedByKey(schemes),
    migratedPerDay: sortedByKey(migratedPerDay),
    importedPerDay: sortedByKey(importedPerDay),
    hashesKept,
    quarantined,
    ...(source === undefined ? {} : { source }),
    seconds: (performance.now() - started) / 1000,
  };
};

export type { RunStatusOptions, StatusPorts };
export { runStatus };
