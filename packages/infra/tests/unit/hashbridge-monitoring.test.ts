import { METRICS, REFUSAL_CAUSES } from '@hashbridge/core';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { describe, expect, it } from 'vitest';
import { HashbridgeMonitoring, type HashbridgeMonitoringProps, InfraError } from '../../src/index.js';
import { inlineCode } from '../helpers/inline-code.js';
import { SYNTH_TIMEOUT } from '../helpers/synth-timeout.js';

type Options = Omit<HashbridgeMonitoringProps, 'migrationFunction' | 'loaderFunction' | 'preSignUpFunction'> & {
  readonly withLoader?: boolean;
  readonly withGuard?: boolean;
  readonly withTopic?: boolean;
};

const synth = (options: Options = {}) => {
  const { withLoader = true, withGuard = false, withTopic = false, ...props } = options;
  const stack = new Stack(new App(), 'Test');
  const fn = (id: string) =>
    new LambdaFunction(stack, id, { runtime: Runtime.NODEJS_22_X, handler: 'index.handler', code: inlineCode() });
  new HashbridgeMonitoring(stack, 'Monitoring', {
    ...props,
    migrationFunction: fn('Migration'),
    ...(withLoader ? { loaderFunction: fn('Loader') } : {}),
    ...(withGuard ? { preSignUpFunction: fn('Guard') } : {}),
    ...(withTopic ? { alarmTopic: new Topic(stack, 'OnCall') } : {}),
  });
  const template = Template.fromStack(stack);
  const idOf = (prefix: string) => {
    const ids = Object.keys(template.findResources('AWS::Lambda::Function')).filter((id) => id.startsWith(prefix));
    expect(ids).toHaveLength(1);
    return ids[0] as string;
  };
  return { template, idOf };
};

interface Widget {
  readonly type: string;
  readonly properties: {
    readonly title?: string;
    readonly markdown?: string;
    readonly metrics?: unknown[][];
    readonly annotations?: { horizontal?: { value: number; label: string }[] };
    readonly stacked?: boolean;
    readonly setPeriodToTimeRange?: boolean;
    readonly alarms?: unknown[];
  };
}

/**
 * The dashboard body as JSON: the template joins it from strings and references, so each reference is written
 * back as `<logical id>` first.
 */
const dashboardOf = (template: Template): { name: string; widgets: Widget[] } => {
  const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
  const parts = dashboard?.Properties.DashboardBody['Fn::Join'][1] as unknown[];
  const body = parts
    .map((part) => {
      if (typeof part === 'string') return part;
      const reference = part as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
      return `<${reference.Ref ?? reference['Fn::GetAtt']?.[0]}>`;
    })
    .join('');
  return { name: dashboard?.Properties.DashboardName, widgets: JSON.parse(body).widgets };
};

const widgetTitled = (widgets: Widget[], start: string): Widget => {
  const found = widgets.filter((widget) => widget.properties.title?.startsWith(start));
  expect(found).toHaveLength(1);
  return found[0] as Widget;
};

/** A dashboard metric line `[namespace, name, dim, value, …, options]` as `namespace name dim=value …`. */
const lineOf = (line: unknown[]): string => {
  const fields = line.filter((field) => typeof field === 'string') as string[];
  const [namespace, name, ...dimensions] = fields;
  const pairs = [];
  for (let index = 0; index < dimensions.length; index += 2)
    pairs.push(`${dimensions[index]}=${dimensions[index + 1]}`);
  return [namespace, name, ...pairs].join(' ');
};

const optionsOf = (line: unknown[]): Record<string, unknown> =>
  (line.find((field) => typeof field === 'object') ?? {}) as Record<string, unknown>;

/** The one alarm whose description starts with `start`. */
const alarmDescribed = (template: Template, start: string): Record<string, unknown> => {
  const found = Object.values(template.findResources('AWS::CloudWatch::Alarm')).filter((alarm) =>
    String(alarm.Properties.AlarmDescription).startsWith(start),
  );
  expect(found).toHaveLength(1);
  return found[0]?.Properties as Record<string, unknown>;
};

const service = METRICS.dimensions.service;
const migrationService = `${service}=${METRICS.migration.service}`;
const loaderService = `${service}=${METRICS.loader.service}`;

describe('Class: HashbridgeMonitoring', { timeout: SYNTH_TIMEOUT }, () => {
  describe('its dashboard', () => {
    it('shows users migrated per hour with a running total, and in total over the time range', () => {
      // Prepare & Act
      const { widgets } = dashboardOf(synth().template);

      // Assess
      const total = widgetTitled(widgets, 'Users migrated (in the time range)');
      expect(total.properties.setPeriodToTimeRange).toBe(true);
      expect(total.properties.metrics?.map(lineOf)).toEqual([`hashbridge UsersMigrated ${migrationService}`]);
      expect(optionsOf(total.properties.metrics?.[0] ?? [])).toMatchObject({ stat: 'Sum' });
      const hourly = widgetTitled(widgets, 'Users migrated per hour');
      const [perHour, runningTotal] = hourly.properties.metrics ?? [];
      expect(lineOf(perHour ?? [])).toBe(`hashbridge UsersMigrated ${migrationService}`);
      expect(optionsOf(perHour ?? [])).toMatchObject({ id: 'hourly', period: 3600, stat: 'Sum' });
      expect(optionsOf(runningTotal ?? [])).toMatchObject({ expression: 'RUNNING_SUM(hourly)', yAxis: 'right' });
    });

    it('shows refused sign-ins stacked by cause, one line for each cause of the contract', () => {
      // Prepare & Act
      const { widgets } = dashboardOf(synth().template);

      // Assess
      const refusals = widgetTitled(widgets, 'Sign-ins refused, by cause');
      expect(refusals.properties.stacked).toBe(true);
      expect(refusals.properties.metrics?.map(lineOf)).toEqual(
        REFUSAL_CAUSES.map((cause) => `hashbridge SignInsRefused cause=${cause} ${migrationService}`),
      );
      expect(REFUSAL_CAUSES).toEqual([
        'wrong-password',
        'unknown-user',
        'locked',
        'unusable-hash',
        'policy',
        'deadline',
        'error',
      ]);
    });

    it("shows the trigger's p50 and p99 against Cognito's 5 s limit, and the 3 s alarm line", () => {
      // Prepare & Act
      const { widgets } = dashboardOf(synth().template);

      // Assess
      const duration = widgetTitled(widgets, 'Trigger duration');
      expect(duration.properties.metrics?.map((line) => [lineOf(line), optionsOf(line).stat])).toEqual([
        [`hashbridge InvocationDuration ${migrationService}`, 'p50'],
        [`hashbridge InvocationDuration ${migrationService}`, 'p99'],
      ]);
      expect(duration.properties.annotations?.horizontal).toEqual([
        expect.objectContaining({ value: 5000, label: "Cognito's limit" }),
        expect.objectContaining({ value: 3000, label: 'p99 alarm' }),
      ]);
    });

    it('shows the password verify p99 of every scheme the handler reports, found by SEARCH', () => {
      // Prepare & Act
      const { widgets } = dashboardOf(synth().template);

      // Assess
      const verify = widgetTitled(widgets, 'Password verify p99');
      expect(optionsOf(verify.properties.metrics?.[0] ?? []).expression).toBe(
        `SEARCH('{hashbridge,scheme,service} MetricName="VerifyDuration" service="hashbridge-migration"', 'p99', 300)`,
      );
    });

    it("shows the Loader's records staged, stale, quarantined and failed, and the event source's offset lag", () => {
      // Prepare & Act
      const { template, idOf } = synth();
      const { widgets } = dashboardOf(template);

      // Assess
      const records = widgetTitled(widgets, 'Loader records');
      expect(records.properties.metrics?.map(lineOf)).toEqual(
        ['RecordsStaged', 'RecordsStale', 'RecordsQuarantined', 'RecordsFailed'].map(
          (name) => `hashbridge ${name} ${loaderService}`,
        ),
      );
      const lag = widgetTitled(widgets, 'MSK event source offset lag');
      expect(lag.properties.metrics?.map(lineOf)).toEqual([`AWS/Lambda OffsetLag FunctionName=<${idOf('Loader')}>`]);
      expect(optionsOf(lag.properties.metrics?.[0] ?? [])).toMatchObject({ stat: 'Maximum' });
    });

    it('shows the Lambda errors and throttles of each function it is given', () => {
      // Prepare & Act
      const { template, idOf } = synth({ withGuard: true });
      const { widgets } = dashboardOf(template);

      // Assess
      const lambda = widgetTitled(widgets, 'Lambda errors and throttles');
      expect(lambda.properties.metrics?.map(lineOf)).toEqual(
        ['Migration', 'Loader', 'Guard'].flatMap((name) => [
          `AWS/Lambda Errors FunctionName=<${idOf(name)}>`,
          `AWS/Lambda Throttles FunctionName=<${idOf(name)}>`,
        ]),
      );
    });

    it('lists every alarm, and is named after the stack unless told otherwise', () => {
      // Prepare & Act
      const byDefault = synth();
      const named = synth({ dashboardName: 'legacy-login' });

      // Assess
      const { name, widgets } = dashboardOf(byDefault.template);
      expect(name).toBe('Test-migration');
      expect(dashboardOf(named.template).name).toBe('legacy-login');
      expect(widgetTitled(widgets, 'Alarms').properties.alarms).toHaveLength(6);
    });

    it('leaves the Loader out when it has none', () => {
      // Prepare & Act
      const { widgets } = dashboardOf(synth({ withLoader: false }).template);

      // Assess
      const titles = widgets.map((widget) => widget.properties.title);
      expect(titles.filter((title) => /Loader records|offset lag/.test(title ?? ''))).toEqual([]);
      expect(JSON.stringify(widgets)).not.toContain('hashbridge-loader');
    });
  });

  describe('its alarms', () => {
    it('alarms on 3 sign-ins in 5 minutes failed by the trigger rather than by the user', () => {
      // Prepare & Act
      const { template, idOf } = synth();

      // Assess
      const alarm = alarmDescribed(template, 'The Migration Lambda failed sign-ins');
      expect(alarm).toMatchObject({
        Threshold: 3,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        EvaluationPeriods: 1,
        DatapointsToAlarm: 1,
        TreatMissingData: 'notBreaching',
      });
      const queries = alarm.Metrics as {
        Id: string;
        Expression?: string;
        MetricStat?: { Metric: Record<string, unknown>; Period: number; Stat: string };
      }[];
      const byId = Object.fromEntries(queries.map((query) => [query.Id, query]));
      // Lambda counts every refusal as an error: what is left beyond the refusals is what the handler could not say.
      expect(byId.lambdaErrors?.MetricStat).toEqual({
        Metric: {
          Namespace: 'AWS/Lambda',
          MetricName: 'Errors',
          Dimensions: [{ Name: 'FunctionName', Value: { Ref: idOf('Migration') } }],
        },
        Period: 300,
        Stat: 'Sum',
      });
      const refusalIds = REFUSAL_CAUSES.map((cause) => {
        const query = queries.find((candidate) =>
          JSON.stringify(candidate.MetricStat?.Metric.Dimensions ?? []).includes(`"Value":"${cause}"`),
        );
        expect(query?.MetricStat?.Metric).toMatchObject({ Namespace: 'hashbridge', MetricName: 'SignInsRefused' });
        return query?.Id;
      });
      const expression = queries.find((query) => query.Expression !== undefined)?.Expression ?? '';
      const [errorId, deadlineId] = [
        refusalIds[REFUSAL_CAUSES.indexOf('error')],
        refusalIds[REFUSAL_CAUSES.indexOf('deadline')],
      ];
      expect(expression.startsWith(`FILL(${errorId}, 0) + FILL(${deadlineId}, 0) + IF(FILL(lambdaErrors, 0) - (`)).toBe(
        true,
      );
      for (const id of refusalIds) expect(expression).toContain(`FILL(${id}, 0)`);
    });

    it('alarms when the p99 invocation exceeds 3 s in 2 of three 5-minute periods', () => {
      // Prepare & Act
      const { template } = synth();

      // Assess
      expect(alarmDescribed(template, "The Migration Lambda's p99 invocation")).toMatchObject({
        Threshold: 3000,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 3,
        DatapointsToAlarm: 2,
        TreatMissingData: 'notBreaching',
        Metrics: [
          expect.objectContaining({
            MetricStat: {
              Metric: {
                Namespace: 'hashbridge',
                MetricName: 'InvocationDuration',
                Dimensions: [{ Name: 'service', Value: 'hashbridge-migration' }],
              },
              Period: 300,
              Stat: 'p99',
            },
          }),
        ],
      });
    });

    it('alarms on any Migration throttle, and on Loader throttles that last 15 minutes', () => {
      // Prepare & Act
      const { template, idOf } = synth();

      // Assess
      const throttles = (name: string) => ({
        Namespace: 'AWS/Lambda',
        MetricName: 'Throttles',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: idOf(name) } }],
        Statistic: 'Sum',
        Period: 300,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      });
      expect(alarmDescribed(template, 'Lambda throttled the Migration Lambda')).toMatchObject({
        ...throttles('Migration'),
        EvaluationPeriods: 1,
        DatapointsToAlarm: 1,
      });
      expect(alarmDescribed(template, 'Lambda throttled the Loader')).toMatchObject({
        ...throttles('Loader'),
        EvaluationPeriods: 3,
        DatapointsToAlarm: 3,
      });
    });

    it('alarms when the Loader quarantined any record within the hour', () => {
      // Prepare & Act
      const { template } = synth();

      // Assess
      expect(alarmDescribed(template, 'The Loader quarantined records')).toMatchObject({
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
        Metrics: [
          expect.objectContaining({
            MetricStat: {
              Metric: {
                Namespace: 'hashbridge',
                MetricName: 'RecordsQuarantined',
                Dimensions: [{ Name: 'service', Value: 'hashbridge-loader' }],
              },
              Period: 3600,
              Stat: 'Sum',
            },
          }),
        ],
      });
    });

    it('alarms when the offset lag stays above its threshold without falling for six 5-minute periods', () => {
      // Prepare & Act
      const { template, idOf } = synth();
      const custom = synth({ offsetLagThreshold: 50_000 });

      // Assess
      const alarm = alarmDescribed(template, "The MSK event source's offset lag");
      expect(alarm).toMatchObject({
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        EvaluationPeriods: 6,
        DatapointsToAlarm: 6,
        TreatMissingData: 'notBreaching',
      });
      expect(alarm.Metrics).toEqual([
        expect.objectContaining({ Expression: 'IF(lag > 1000 AND DIFF(lag) >= 0, 1, 0)', ReturnData: true }),
        expect.objectContaining({
          Id: 'lag',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/Lambda',
              MetricName: 'OffsetLag',
              Dimensions: [{ Name: 'FunctionName', Value: { Ref: idOf('Loader') } }],
            },
            Period: 300,
            Stat: 'Maximum',
          },
        }),
      ]);
      expect(JSON.stringify(alarmDescribed(custom.template, "The MSK event source's offset lag").Metrics)).toContain(
        'lag > 50000 AND DIFF(lag) >= 0',
      );
    });

    it('has no actions without a topic', () => {
      // Prepare & Act
      const { template } = synth();

      // Assess
      template.resourceCountIs('AWS::CloudWatch::Alarm', 6);
      template.resourcePropertiesCountIs(
        'AWS::CloudWatch::Alarm',
        { AlarmActions: Match.absent(), OKActions: Match.absent() },
        6,
      );
    });

    it('notifies the topic it is given of every alarm, on ALARM and back to OK', () => {
      // Prepare & Act
      const { template } = synth({ withTopic: true });

      // Assess
      const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic'));
      template.resourcePropertiesCountIs(
        'AWS::CloudWatch::Alarm',
        { AlarmActions: [{ Ref: topicId }], OKActions: [{ Ref: topicId }] },
        6,
      );
    });

    it('notifies a topic made afterwards too, once however often it is given', () => {
      // Prepare
      const stack = new Stack(new App(), 'Test');
      const fn = new LambdaFunction(stack, 'Migration', {
        runtime: Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code: inlineCode(),
      });
      const monitoring = new HashbridgeMonitoring(stack, 'Monitoring', { migrationFunction: fn });
      const topic = new Topic(stack, 'OnCall');

      // Act
      monitoring.notify(topic);
      monitoring.notify(topic);

      // Assess
      const template = Template.fromStack(stack);
      const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic'));
      template.resourcePropertiesCountIs(
        'AWS::CloudWatch::Alarm',
        { AlarmActions: [{ Ref: topicId }], OKActions: [{ Ref: topicId }] },
        3,
      );
    });

    it('has only the Migration alarms without a Loader', () => {
      // Prepare & Act
      const { template } = synth({ withLoader: false });

      // Assess
      template.resourceCountIs('AWS::CloudWatch::Alarm', 3);
      expect(JSON.stringify(template.findResources('AWS::CloudWatch::Alarm'))).not.toContain('hashbridge-loader');
    });

    it.each([-1, 2.5])('throws InfraError for an offset lag threshold of %s', (offsetLagThreshold) => {
      expect(() => synth({ offsetLagThreshold })).toThrow(InfraError);
    });
  });
});
