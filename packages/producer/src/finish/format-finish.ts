import { count } from '../run/text-table.js';
import type { FinishReport } from './types.js';

/** The finish as a person reads it; a dry run says what `--yes` would do. */
const formatFinish = (report: FinishReport): string => {
  const what = report.longTailFormat === 'csv' ? 'a Cognito import CSV without hashes (RESET_REQUIRED)' : 'a list';
  const lines = report.acted
    ? [
        `long tail: ${count(report.longTail)} users who never signed in, written to ${report.longTailPath} as ${what}`,
        `hashes: ${count(report.hashesRemoved)} of ${count(report.hashesPastGrace)} migrated users' hashes kept past ${report.graceDays} days removed`,
      ]
    : [
        'dry run: nothing written, nothing removed. Run again with --yes to act.',
        `long tail: ${count(report.longTail)} users who never signed in; --yes writes them to ${report.longTailPath} as ${what}`,
        `hashes: ${count(report.hashesPastGrace)} migrated users' hashes kept past ${report.graceDays} days; --yes removes them`,
      ];
  return `${lines.join('\n')}\n`;
};

export { formatFinish };
