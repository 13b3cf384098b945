import { count, table } from '../run/text-table.js';
import type { ImportReport } from './types.js';

/** The import as a person reads it: the lanes, one line per file (and its job), what failed and where it is. */
const formatImport = (report: ImportReport): string => {
  const refusedTotal = Object.values(report.refused).reduce((sum, n) => sum + n, 0);
  const lines = [
    `${count(report.users)} legacy users: ${count(report.native)} written for Cognito's import, ${count(report.trigger)} for the trigger (export them), ${count(report.alreadyInCognito)} already in Cognito, ${count(refusedTotal)} refused`,
    '',
  ];
  if (report.files.length === 0) lines.push('no user for the native lane: no file written');
  else {
    lines.push(
      ...table(
        ['file', 'algorithm', 'users', ...(report.filesOnly ? [] : ['job', 'status', 'imported', 'failed'])],
        report.files.map((file) => [
          file.path,
          file.algorithm,
          count(file.users),
          ...(file.job === undefined
            ? []
            : [file.job.jobId, file.job.status, count(file.job.importedUsers), count(file.job.failedUsers)]),
        ]),
      ),
    );
  }
  if (refusedTotal > 0) {
    lines.push('', 'refused:', ...Object.entries(report.refused).map(([reason, n]) => `  ${reason}: ${count(n)}`));
  }
  lines.push('');
  if (report.filesOnly) {
    lines.push(
      'files only: no job was run. Each CSV holds password hashes: keep the folder private, and delete it once imported.',
    );
  } else if (report.failed > 0) {
    lines.push(
      `${count(report.failed)} users were not created by their job: listed in ${report.failuresPath}; the reasons are in each job's CloudWatch log. They stay on the trigger lane: the export carries them.`,
    );
  } else {
    lines.push('every user of every file is in the pool, and recorded as imported in the staging table.');
  }
  return `${lines.join('\n')}\n`;
};

export { formatImport };
