import { count, table } from '../run/text-table.js';
import type { StatusReport } from './types.js';

/** The status as a person reads it: where the users are, per scheme, and the last days' migrations. */
const formatStatus = (report: StatusReport): string => {
  const { trigger } = report;
  const lines = [
    `${count(report.records)} users in the staging table: ${count(report.native)} imported by Cognito, ${count(trigger.migrated)} migrated at sign-in, ${count(trigger.waiting)} waiting for their first sign-in`,
    `  waiting: ${count(trigger.neverSignedIn)} never tried, ${count(trigger.failedSignIns)} with failed sign-ins, ${count(trigger.locked)} locked right now`,
    `  quarantined by the Loader: ${count(report.quarantined)}; migrated users whose hash is still kept: ${count(report.hashesKept)}`,
  ];
  if (report.source !== undefined) {
    lines.push(
      `  legacy table: ${count(report.source.users)} users, ${count(report.source.notStaged)} of them not in the staging table (refused by the export, or not sent yet)`,
    );
  }
  lines.push(
    '',
    ...table(
      ['scheme', 'native', 'waiting', 'migrated', 'locked'],
      Object.entries(report.schemes).map(([scheme, s]) => [
        scheme,
        count(s.native),
        count(s.waiting),
        count(s.migrated),
        count(s.locked),
      ]),
    ),
  );
  const days = [...new Set([...Object.keys(report.migratedPerDay), ...Object.keys(report.importedPerDay)])].sort();
  if (days.length > 0) {
    lines.push(
      '',
      ...table(
        ['day (UTC)', 'migrated', 'imported'],
        days.slice(-14).map((d) => [d, count(report.migratedPerDay[d] ?? 0), count(report.importedPerDay[d] ?? 0)]),
      ),
    );
    if (days.length > 14) lines.push(`(the last 14 of ${days.length} days; --json has them all)`);
  }
  return `${lines.join('\n')}\n`;
};

export { formatStatus };
