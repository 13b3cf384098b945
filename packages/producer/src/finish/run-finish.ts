import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { COGNITO_IMPORT_CSV, cognitoImportRow, type StagingTableMaintenance } from '@hashbridge/core';
import { stringify } from 'csv-stringify/sync';
import type { FinishConfig } from '../config.js';
import { createProgress } from '../run/progress.js';
import type { FinishReport } from './types.js';

interface FinishPorts {
  readonly staging: StagingTableMaintenance;
}

interface RunFinishOptions {
  readonly now?: () => Date;
  readonly progressStream?: NodeJS.WriteStream;
}

const DAY_MS = 86_400_000;

/** Where the long tail goes unless `--out` says: a list for the operator's mail-out, or a Cognito import CSV. */
const defaultLongTailPath = (format: 'list' | 'csv'): string =>
  format === 'csv' ? '.hashbridge/long-tail.csv' : '.hashbridge/long-tail.jsonl';

interface LongTailUser {
  readonly email: string;
  readonly scheme?: string;
  readonly stagedAt?: string;
  readonly profile?: Readonly<Record<string, unknown>>;
}

/**
 * The file of the long tail. `list`: one JSON line per user (email, scheme, staged at), for a mail-out.
 * `csv`: a Cognito import file without hashes (the guide's header, the trigger's attributes): imported with a
 * job without `PasswordHashingAlgorithm`, the users arrive RESET_REQUIRED and set a password at first sign-in.
 */
const longTailFile = (format: 'list' | 'csv', users: readonly LongTailUser[]): string => {
  if (format === 'list') {
    return users
      .map((user) => `${JSON.stringify({ email: user.email, scheme: user.scheme, stagedAt: user.stagedAt })}\n`)
      .join('');
  }
  const header = COGNITO_IMPORT_CSV.defaultHeader;
  return stringify([
    header,
    ...users.map((user) =>
      cognitoImportRow(header, { email: user.email, profile: user.profile ?? {}, passwordHash: '' }),
    ),
  ]);
};

/**
 * The end of the migration, for the users who never signed in and the hashes that outlived their use: lists the
 * long tail (staged for the trigger, not migrated) and the migrated users whose hash is still kept more than
 * `graceDays` after their migration (records from before the TTL was set included). A dry run unless `yes`:
 * then the long tail's file is written and those hashes are removed, the records kept for the reports.
 */
const runFinish = async (
  config: FinishConfig,
  ports: FinishPorts,
  options: RunFinishOptions = {},
): Promise<FinishReport> => {
  const started = performance.now();
  const now = (options.now ?? (() => new Date()))();
  const graceEnds = now.getTime() - config.graceDays * DAY_MS;
  const longTail: LongTailUser[] = [];
  const pastGrace: string[] = [];
  let scanned = 0;
  const progress = createProgress(undefined, config.progress, options.progressStream);
  await ports.staging.scan(config.segments, (page) => {
    for (const record of page) {
      if (record.lane === 'native') continue;
      if (record.migratedAt === undefined) {
        if (record.hasHash) longTail.push(record);
      } else if (record.hasHash && Date.parse(record.migratedAt) <= graceEnds) {
        pastGrace.push(record.email);
      }
    }
    scanned += page.length;
    progress.update(scanned);
  });
  progress.finish(scanned);
  longTail.sort((a, b) => a.email.localeCompare(b.email));

  const longTailPath = config.out ?? defaultLongTailPath(config.longTail);
  let hashesRemoved = 0;
  if (config.yes) {
    await mkdir(dirname(longTailPath), { recursive: true, mode: 0o700 });
    await writeFile(longTailPath, longTailFile(config.longTail, longTail), { mode: 0o600 });
    hashesRemoved = await ports.staging.removeHashes(pastGrace);
  }
  return {
    acted: config.yes,
    longTail: longTail.length,
    longTailFormat: config.longTail,
    longTailPath,
    hashesPastGrace: pastGrace.length,
    hashesRemoved,
    graceDays: config.graceDays,
    seconds: (performance.now() - started) / 1000,
  };
};

export type { FinishPorts, RunFinishOptions };
export { runFinish };
