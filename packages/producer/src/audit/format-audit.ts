import { count, table } from '../run/text-table.js';
import type { AuditReport, Spread } from './types.js';

const duration = (seconds: number): string =>
  seconds < 1 ? `${(seconds * 1000).toFixed(seconds < 0.01 ? 1 : 0)} ms` : `${seconds.toFixed(1)} s`;

const spread = (value: Spread | undefined): string =>
  value === undefined
    ? '-'
    : value.min === value.max
      ? count(value.min)
      : `${count(value.min)} / ${count(value.median)} / ${count(value.max)}`;

/** The audit as a person reads it: totals, a table per scheme, the refusals and the warnings. */
const formatAudit = (report: AuditReport): string => {
  const { lanes } = report;
  const lines = [
    `${count(report.users)} legacy users: ${count(lanes.native)} native (Cognito's import), ${count(lanes.trigger)} trigger, ${count(lanes.refused)} refused${report.nativeImport ? '' : ' (native import switched off)'}`,
    '',
    ...table(
      [
        'scheme',
        'users',
        'native',
        'trigger',
        'refused',
        'rounds min / median / max',
        'memory KiB',
        'verify on Lambda',
      ],
      Object.entries(report.schemes).map(([name, scheme]) => [
        scheme.cognitoAlgorithm === undefined ? name : `${name} (${scheme.cognitoAlgorithm})`,
        count(scheme.count),
        count(scheme.lane.native),
        count(scheme.lane.trigger),
        count(scheme.lane.refused),
        spread(scheme.rounds),
        spread(scheme.memoryKiB),
        scheme.verifySeconds === undefined ? '-' : `${duration(scheme.verifySeconds)}${scheme.atRisk ? ' !' : ''}`,
      ]),
    ),
  ];
  const notNative = Object.entries(report.schemes).flatMap(([name, scheme]) =>
    Object.entries(scheme.notNative).map(([reason, n]) => `  ${name}: ${count(n)} ${reason}`),
  );
  if (notNative.length > 0) lines.push('', 'on the trigger rather than native:', ...notNative);
  const refused = Object.entries(report.refused);
  if (refused.length > 0) lines.push('', 'refused:', ...refused.map(([reason, n]) => `  ${reason}: ${count(n)}`));
  lines.push(
    '',
    `verify times: the costliest hash of each scheme, timed on this machine and scaled to a ${report.migrationMemoryMb} MB Lambda (one vCPU at 1769 MB); a core here is taken to be as fast as a Lambda vCPU.`,
  );
  if (report.warnings.length > 0) lines.push('', ...report.warnings.map((warning) => `warning: ${warning}`));
  return `${lines.join('\n')}\n`;
};

export { formatAudit };
