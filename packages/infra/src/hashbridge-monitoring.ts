import { METRICS, REFUSAL_CAUSES } from '@hashbridge/core';
import { Duration, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  Color,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  type IWidget,
  MathExpression,
  SingleValueWidget,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { DEFAULTS } from './constants.js';
import { InfraError } from './errors.js';
import {
  invocationDuration,
  loaderRecords,
  type RefusalCause,
  signInsRefused,
  usersMigrated,
  verifyDurationByScheme,
} from './migration-metrics.js';

/** Cognito gives the trigger 5 s, fixed; the dashboard draws it and the duration alarm stays well below it. */
const COGNITO_LIMIT_MS = 5000;
const DURATION_ALARM_MS = 3000;
const FIVE_MINUTES = Duration.minutes(5);
const ONE_HOUR = Duration.hours(1);

/** Refusals that are not the user's doing: the trigger failed, or answered too late to verify. */
const UNEXPECTED_CAUSES: readonly RefusalCause[] = ['error', 'deadline'];

interface HashbridgeMonitoringProps {
  /** The Migration Lambda (Cognito's User Migration trigger). */
  readonly migrationFunction: IFunction;
  /** The Loader Lambda behind the MSK event source; without it, no Loader widgets and alarms. */
  readonly loaderFunction?: IFunction;
  /** The PreSignUp guard, when on: its errors and throttles join the Lambda graph. */
  readonly preSignUpFunction?: IFunction;
  /** Where the alarms notify, on ALARM and back to OK. @default no actions: the alarms only show on the dashboard */
  readonly alarmTopic?: ITopic;
  /** Records of offset lag below which a lag that does not shrink is not alarmed on. @default 1000 */
  readonly offsetLagThreshold?: number;
  /** @default `<stack name>-migration` */
  readonly dashboardName?: string;
}

/** The alarms, by what they watch; the Loader's only when the Loader is given. */
interface HashbridgeAlarms {
  readonly triggerErrors: Alarm;
  readonly triggerDuration: Alarm;
  readonly migrationThrottles: Alarm;
  readonly loaderThrottles?: Alarm;
  readonly quarantineGrowing?: Alarm;
  readonly offsetLagNotShrinking?: Alarm;
}

/**
 * What an operator watches during the months of a lazy migration: a CloudWatch dashboard (users migrated per hour
 * and in total, refusals by cause, trigger duration against Cognito's 5 s, the Loader's records and the event
 * source's offset lag, Lambda errors and throttles) and the alarms that say when to act, which notify the SNS
 * topic when one is given. Every metric is named from the contract in @hashbridge/core.
 *
 * @example
 * new HashbridgeMonitoring(this, 'Monitoring', {
 *   migrationFunction: migration.migrationFunction,
 *   loaderFunction: pipeline.loaderFunction,
 *   alarmTopic: Topic.fromTopicArn(this, 'OnCall', onCallTopicArn),
 * });
 */
class HashbridgeMonitoring extends Construct {
  public readonly dashboard: Dashboard;
  public readonly alarms: HashbridgeAlarms;
  readonly #notified = new Set<ITopic>();

  public constructor(scope: Construct, id: string, props: HashbridgeMonitoringProps) {
    super(scope, id);
    const lagThreshold = props.offsetLagThreshold ?? DEFAULTS.offsetLagThreshold;
    if (!Number.isInteger(lagThreshold) || lagThreshold < 0) {
      throw new InfraError(`offsetLagThreshold must be a whole number of records, 0 or more, got ${lagThreshold}`);
    }
    const { migrationFunction, loaderFunction } = props;

    this.alarms = {
      triggerErrors: this.alarm('TriggerErrors', this.unexpectedFailures(migrationFunction), {
        threshold: 3,
        evaluationPeriods: 1,
        description:
          'The Migration Lambda failed sign-ins that were not the user\'s doing (an error, a late answer, or a failure Lambda saw that the handler never reported: init, timeout, memory): those users were refused. Read the function\'s log for "migration refused" with cause error or deadline.',
      }),
      triggerDuration: this.alarm('TriggerDuration', invocationDuration('p99'), {
        threshold: DURATION_ALARM_MS,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        description: `The Migration Lambda's p99 invocation took over ${DURATION_ALARM_MS / 1000} s in 2 of the last three 5-minute periods; Cognito gives up at ${COGNITO_LIMIT_MS / 1000} s. Look at VerifyDuration by scheme: a hash costlier than planned, or too little memory.`,
      }),
      migrationThrottles: this.alarm('MigrationThrottles', this.throttles(migrationFunction), {
        threshold: 1,
        evaluationPeriods: 1,
        description:
          "Lambda throttled the Migration Lambda: each throttle is a sign-in Cognito refused. Check the account's concurrency (and any reserved concurrency on the function).",
      }),
      ...(loaderFunction === undefined ? {} : this.loaderAlarms(loaderFunction, lagThreshold)),
    };

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName ?? `${Stack.of(this).stackName}-migration`,
      // A migration is watched over days; any range can still be picked.
      defaultInterval: Duration.days(7),
      widgets: this.widgets(props, lagThreshold),
    });
    if (props.alarmTopic !== undefined) this.notify(props.alarmTopic);
  }

  /**
   * Has every alarm notify `topic` on ALARM and back to OK; for a topic made after the construct, e.g. in the
   * same stack as HashbridgeStack. A topic already notified is not added twice.
   *
   * @example
   * const stack = new HashbridgeStack(app, 'Hashbridge');
   * stack.monitoring.notify(new Topic(stack, 'OnCall', { enforceSSL: true }));
   */
  public notify(topic: ITopic): void {
    if (this.#notified.has(topic)) return;
    this.#notified.add(topic);
    for (const alarm of this.alarmList()) {
      alarm.addAlarmAction(new SnsAction(topic));
      alarm.addOkAction(new SnsAction(topic));
    }
  }

  private alarmList(): Alarm[] {
    return Object.values(this.alarms).filter((alarm): alarm is Alarm => alarm !== undefined);
  }

  private loaderAlarms(loader: IFunction, lagThreshold: number): Partial<HashbridgeAlarms> {
    // The event source retries a throttled batch, so a short throttle only delays; 15 minutes of them is a limit.
    const loaderThrottles = this.alarm('LoaderThrottles', this.throttles(loader), {
      threshold: 1,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      description:
        "Lambda throttled the Loader in each of the last three 5-minute periods: loading stalls (nothing is lost, the event source retries). Check the account's concurrency.",
    });
    // One hour, so a burst of bad records during a load is one notification, not one every 5 minutes.
    const quarantineGrowing = this.alarm(
      'QuarantineGrowing',
      loaderRecords(METRICS.loader.recordsQuarantined, ONE_HOUR),
      {
        threshold: 1,
        evaluationPeriods: 1,
        description:
          'The Loader quarantined records in the last hour: those users are not staged and cannot migrate until fixed. Read the quarantine table (reason, detail), fix the source rows, and run the producer again for them.',
      },
    );
    // Lag that is high and not falling for 30 minutes: a partition stuck on a batch that keeps failing, an event
    // source that stopped, or a producer that outpaces the Loader. A high lag that falls is a load catching up.
    const lag = loader.metric('OffsetLag', { statistic: 'Maximum', period: FIVE_MINUTES });
    const offsetLagNotShrinking = this.alarm(
      'OffsetLagNotShrinking',
      new MathExpression({
        expression: `IF(lag > ${lagThreshold} AND DIFF(lag) >= 0, 1, 0)`,
        usingMetrics: { lag },
        period: FIVE_MINUTES,
        label: `offset lag above ${lagThreshold} and not falling`,
      }),
      {
        threshold: 1,
        evaluationPeriods: 6,
        datapointsToAlarm: 6,
        description: `The MSK event source's offset lag has stayed above ${lagThreshold} records without falling for 30 minutes. Read the Loader's log: a batch failing again and again blocks its partition; a disabled or failing event source shows on the Lambda console's trigger.`,
      },
    );
    return { loaderThrottles, quarantineGrowing, offsetLagNotShrinking };
  }

  /**
   * Every refusal throws (that is how a trigger refuses), so Lambda's own Errors count wrong passwords too. This is
   * the handler's unexpected refusals plus whatever Lambda counted beyond all the refusals the handler reported:
   * the failures it could not report (init, timeout, out of memory).
   */
  private unexpectedFailures(migration: IFunction): MathExpression {
    const refusals = Object.fromEntries(REFUSAL_CAUSES.map((cause, index) => [`r${index}`, signInsRefused(cause)]));
    const id = (cause: RefusalCause) => `r${REFUSAL_CAUSES.indexOf(cause)}`;
    const allRefusals = Object.keys(refusals)
      .map((key) => `FILL(${key}, 0)`)
      .join(' + ');
    const unreported = `FILL(lambdaErrors, 0) - (${allRefusals})`;
    const unexpected = UNEXPECTED_CAUSES.map((cause) => `FILL(${id(cause)}, 0)`).join(' + ');
    return new MathExpression({
      expression: `${unexpected} + IF(${unreported} > 0, ${unreported}, 0)`,
      usingMetrics: { ...refusals, lambdaErrors: migration.metricErrors({ statistic: 'Sum', period: FIVE_MINUTES }) },
      period: FIVE_MINUTES,
      label: 'failed sign-ins not caused by the user',
    });
  }

  private throttles(fn: IFunction): IMetric {
    return fn.metricThrottles({ statistic: 'Sum', period: FIVE_MINUTES });
  }

  /**
   * An alarm, without actions until `notify`. No data means nothing happened (no sign-ins, no records), which is
   * fine for every alarm here, so missing data never breaches.
   */
  private alarm(
    id: string,
    metric: IMetric,
    options: {
      readonly threshold: number;
      readonly evaluationPeriods: number;
      readonly datapointsToAlarm?: number;
      readonly comparisonOperator?: ComparisonOperator;
      readonly description: string;
    },
  ): Alarm {
    return new Alarm(this, id, {
      metric,
      threshold: options.threshold,
      evaluationPeriods: options.evaluationPeriods,
      datapointsToAlarm: options.datapointsToAlarm ?? options.evaluationPeriods,
      comparisonOperator: options.comparisonOperator ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: options.description,
    });
  }

  /** The dashboard, row by row: what moved, what was refused, how fast, what the Loader did, what failed. */
  private widgets(props: HashbridgeMonitoringProps, lagThreshold: number): IWidget[][] {
    const { migrationFunction, loaderFunction, preSignUpFunction } = props;
    const hourly = usersMigrated(ONE_HOUR);
    const functions: [string, IFunction | undefined][] = [
      ['migration', migrationFunction],
      ['loader', loaderFunction],
      ['pre-sign-up guard', preSignUpFunction],
    ];
    const lambdaLines = functions.flatMap(([name, fn]) =>
      fn === undefined
        ? []
        : [
            fn.metricErrors({ statistic: 'Sum', period: FIVE_MINUTES, label: `${name} errors` }),
            fn.metricThrottles({ statistic: 'Sum', period: FIVE_MINUTES, label: `${name} throttles` }),
          ],
    );
    const loaderRow: IWidget[] =
      loaderFunction === undefined
        ? []
        : [
            new GraphWidget({
              title: 'Loader records (per 5 minutes)',
              width: 12,
              left: [
                loaderRecords(METRICS.loader.recordsStaged),
                loaderRecords(METRICS.loader.recordsStale),
                loaderRecords(METRICS.loader.recordsQuarantined),
                loaderRecords(METRICS.loader.recordsFailed),
              ],
              leftYAxis: { min: 0, showUnits: false },
            }),
            new GraphWidget({
              title: 'MSK event source offset lag (records)',
              width: 12,
              left: [loaderFunction.metric('OffsetLag', { statistic: 'Maximum', period: FIVE_MINUTES, label: 'lag' })],
              leftAnnotations: [{ value: lagThreshold, label: 'alarm when not falling above', color: Color.ORANGE }],
              leftYAxis: { min: 0, showUnits: false },
            }),
          ];
    return [
      [
        new TextWidget({
          width: 24,
          height: 3,
          markdown: [
            '## hashbridge migration',
            'Users move over as they sign in: **users migrated** should rise with your sign-in traffic, and **wrong-password** / **unknown-user** refusals are normal. Act on **error**, **deadline**, **unusable-hash** and **policy** refusals, on a **trigger duration** near 5 s, on **quarantined** records and on an **offset lag** that does not fall. Every alarm below is explained in the README of @hashbridge/infra ("Running the migration").',
          ].join('\n\n'),
        }),
      ],
      [
        new SingleValueWidget({
          title: 'Users migrated (in the time range)',
          width: 6,
          height: 6,
          metrics: [usersMigrated()],
          setPeriodToTimeRange: true,
        }),
        new GraphWidget({
          title: 'Users migrated per hour, and their running total',
          width: 18,
          height: 6,
          left: [hourly],
          right: [
            new MathExpression({
              expression: 'RUNNING_SUM(hourly)',
              usingMetrics: { hourly },
              period: ONE_HOUR,
              label: 'running total (in the time range)',
            }),
          ],
          leftYAxis: { min: 0, showUnits: false },
          rightYAxis: { min: 0, showUnits: false },
        }),
      ],
      [
        new GraphWidget({
          title: 'Sign-ins refused, by cause (per 5 minutes)',
          width: 12,
          stacked: true,
          left: REFUSAL_CAUSES.map((cause) => signInsRefused(cause)),
          leftYAxis: { min: 0, showUnits: false },
        }),
        new GraphWidget({
          title: "Trigger duration against Cognito's 5 s (ms)",
          width: 12,
          left: [invocationDuration('p50'), invocationDuration('p99')],
          leftAnnotations: [
            { value: COGNITO_LIMIT_MS, label: "Cognito's limit", color: Color.RED },
            { value: DURATION_ALARM_MS, label: 'p99 alarm', color: Color.ORANGE },
          ],
          // Fixed, so the limit is always in sight; the Lambda timeout (4 s) keeps every value below it.
          leftYAxis: { min: 0, max: COGNITO_LIMIT_MS + 500, showUnits: false },
        }),
      ],
      [
        new GraphWidget({
          title: 'Password verify p99, by scheme (ms)',
          width: 12,
          left: [verifyDurationByScheme('p99')],
          leftYAxis: { min: 0, showUnits: false },
        }),
        new GraphWidget({
          title: 'Lambda errors and throttles (every refused sign-in is a Migration error)',
          width: 12,
          left: lambdaLines,
          leftYAxis: { min: 0, showUnits: false },
        }),
      ],
      ...(loaderRow.length === 0 ? [] : [loaderRow]),
      [
        new AlarmStatusWidget({
          title: 'Alarms',
          width: 24,
          alarms: this.alarmList(),
        }),
      ],
    ];
  }
}

export type { HashbridgeAlarms, HashbridgeMonitoringProps };
export { HashbridgeMonitoring };
