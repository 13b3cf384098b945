import { METRICS, type REFUSAL_CAUSES } from '@hashbridge/core';
import { Duration } from 'aws-cdk-lib';
import { MathExpression, Metric, type MetricOptions } from 'aws-cdk-lib/aws-cloudwatch';

/**
 * The handlers' own CloudWatch metrics (embedded metric format), named from the contract in @hashbridge/core so
 * the dashboard and the alarms cannot drift from what the handlers publish. Powertools Metrics adds the `service`
 * dimension to every metric, so each is addressed with it: {service}, {service, cause} or {service, scheme}. No
 * unit filter: an alarm then counts every datum of the metric, whatever unit it was published with.
 */

type ServiceName = typeof METRICS.migration.service | typeof METRICS.loader.service;
type RefusalCause = (typeof REFUSAL_CAUSES)[number];

const FIVE_MINUTES = Duration.minutes(5);

const handlerMetric = (
  service: ServiceName,
  metricName: string,
  options: MetricOptions & { readonly dimensions?: Record<string, string> },
): Metric => {
  const { dimensions = {}, ...rest } = options;
  return new Metric({
    namespace: METRICS.namespace,
    metricName,
    dimensionsMap: { [METRICS.dimensions.service]: service, ...dimensions },
    period: FIVE_MINUTES,
    ...rest,
  });
};

/** Users Cognito took over, summed per `period`. */
const usersMigrated = (period: Duration = FIVE_MINUTES): Metric =>
  handlerMetric(METRICS.migration.service, METRICS.migration.usersMigrated, {
    statistic: 'Sum',
    period,
    label: 'users migrated',
  });

/** Sign-ins refused for one cause, summed. */
const signInsRefused = (cause: RefusalCause, period: Duration = FIVE_MINUTES): Metric =>
  handlerMetric(METRICS.migration.service, METRICS.migration.signInsRefused, {
    statistic: 'Sum',
    period,
    label: cause,
    dimensions: { [METRICS.dimensions.cause]: cause },
  });

/** The Migration Lambda's whole invocation, at a percentile such as `p99`. */
const invocationDuration = (statistic: string): Metric =>
  handlerMetric(METRICS.migration.service, METRICS.migration.invocationDuration, {
    statistic,
    label: `invocation ${statistic}`,
  });

/**
 * The password verify alone, one line per scheme the handler reported: a SEARCH, because the schemes in use are
 * whatever the legacy database holds (dashboards only; an alarm cannot use SEARCH).
 */
const verifyDurationByScheme = (statistic: string): MathExpression => {
  const { namespace, dimensions, migration } = METRICS;
  const schema = `{${namespace},${dimensions.scheme},${dimensions.service}}`;
  const filter = `MetricName="${migration.verifyDuration}" ${dimensions.service}="${migration.service}"`;
  return new MathExpression({
    expression: `SEARCH('${schema} ${filter}', '${statistic}', ${FIVE_MINUTES.toSeconds()})`,
    label: '',
    period: FIVE_MINUTES,
  });
};

/** One of the Loader's record counts (RecordsStaged, RecordsStale, RecordsQuarantined, RecordsFailed), summed. */
const loaderRecords = (
  metricName: Exclude<(typeof METRICS.loader)[keyof typeof METRICS.loader], typeof METRICS.loader.service>,
  period: Duration = FIVE_MINUTES,
): Metric =>
  handlerMetric(METRICS.loader.service, metricName, {
    statistic: 'Sum',
    period,
    label: metricName,
  });

export type { RefusalCause };
export { invocationDuration, loaderRecords, signInsRefused, usersMigrated, verifyDurationByScheme };
