import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { Code } from 'aws-cdk-lib/aws-lambda';
import { CfnCluster } from 'aws-cdk-lib/aws-msk';
import { afterAll, describe, expect, it } from 'vitest';
import { InfraError, MskPublicAccess } from '../../src/index.js';
import { inlinePublicAccessCode } from '../helpers/inline-code.js';
import { SYNTH_TIMEOUT } from '../helpers/synth-timeout.js';

interface BuildOptions {
  readonly numberOfBrokerNodes?: number;
  readonly timeout?: Duration;
  readonly code?: Code | null;
  readonly outdir?: string;
}

const build = (options: BuildOptions = {}) => {
  const app = new App(options.outdir === undefined ? {} : { outdir: options.outdir });
  const stack = new Stack(app, 'Test');
  const cluster = new CfnCluster(stack, 'Cluster', {
    clusterName: 'hashbridge',
    kafkaVersion: '4.1.x.kraft',
    numberOfBrokerNodes: options.numberOfBrokerNodes ?? 2,
    brokerNodeGroupInfo: {
      clientSubnets: ['subnet-0a1b', 'subnet-2c3d'],
      instanceType: 'kafka.m5.large',
      connectivityInfo: { publicAccess: { type: 'DISABLED' } },
    },
    clientAuthentication: { sasl: { iam: { enabled: true } }, unauthenticated: { enabled: false } },
  });
  const code = options.code === null ? undefined : (options.code ?? inlinePublicAccessCode());
  const publicAccess = new MskPublicAccess(stack, 'PublicAccess', {
    cluster,
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    ...(code === undefined ? {} : { code }),
  });
  return { app, stack, cluster, publicAccess, template: Template.fromStack(stack) };
};

const onlyId = (template: Template, type: string, properties: Record<string, unknown> = {}): string => {
  const ids = Object.keys(template.findResources(type, { Properties: properties }));
  expect(ids).toHaveLength(1);
  return ids[0] as string;
};

/** The statements of the policy attached to the role of the function with this handler. */
const statementsOfFunction = (template: Template, handler: string): unknown[] => {
  const [fn] = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Handler: handler } }));
  const role = fn?.Properties.Role as { 'Fn::GetAtt': [string, string] } | undefined;
  const roleId = role?.['Fn::GetAtt'][0];
  const [policy] = Object.values(
    template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }),
  );
  return policy?.Properties.PolicyDocument.Statement as unknown[];
};

const digestOf = (template: Template): string =>
  Object.values(template.findResources('Custom::MskPublicAccess'))[0]?.Properties.ClusterSettingsDigest;

const outdirs: string[] = [];

describe('Class: MskPublicAccess', { timeout: SYNTH_TIMEOUT }, () => {
  afterAll(() => {
    for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
  });

  it('creates a custom resource naming the cluster, served by the Provider framework, allowed the full hour', () => {
    // Prepare & Act
    const { template } = build();

    // Assess
    const cluster = onlyId(template, 'AWS::MSK::Cluster');
    const entry = onlyId(template, 'AWS::Lambda::Function', { Handler: 'framework.onEvent' });
    template.resourceCountIs('Custom::MskPublicAccess', 1);
    template.hasResourceProperties('Custom::MskPublicAccess', {
      ServiceToken: { 'Fn::GetAtt': [entry, 'Arn'] },
      ServiceTimeout: '3600',
      ClusterArn: { 'Fn::GetAtt': [cluster, 'Arn'] },
    });
  });

  it('runs onEvent and isComplete on Node 22, polled every 30 s for at most 55 minutes', () => {
    // Prepare & Act
    const { template } = build();

    // Assess
    for (const handler of ['index.onEvent', 'index.isComplete']) {
      template.hasResourceProperties('AWS::Lambda::Function', { Handler: handler, Runtime: 'nodejs22.x', Timeout: 60 });
    }
    const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
    const definition = JSON.stringify(machine?.Properties.DefinitionString);
    expect(definition).toContain('\\"IntervalSeconds\\":30');
    // 55 minutes of 30-second polls.
    expect(definition).toContain('\\"MaxAttempts\\":110');
  });

  it('polls for as long as it is told, within the hour', () => {
    // Prepare & Act
    const { template } = build({ timeout: Duration.minutes(40) });

    // Assess
    const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
    expect(JSON.stringify(machine?.Properties.DefinitionString)).toContain('\\"MaxAttempts\\":80');
  });

  it.each([
    ['over the hour CloudFormation allows', Duration.minutes(61)],
    ['not a multiple of 30 seconds', Duration.seconds(45)],
    ['zero', Duration.seconds(0)],
  ])('throws InfraError for a timeout %s', (_, timeout) => {
    // Prepare & Act & Assess
    expect(() => build({ timeout })).toThrow(InfraError);
  });

  it('lets onEvent describe and update the connectivity of this cluster only, and read subnets and route tables', () => {
    // Prepare & Act
    const { template } = build();

    // Assess
    const cluster = onlyId(template, 'AWS::MSK::Cluster');
    expect(statementsOfFunction(template, 'index.onEvent')).toEqual([
      {
        Action: ['kafka:DescribeClusterV2', 'kafka:UpdateConnectivity'],
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [cluster, 'Arn'] },
      },
      { Action: ['ec2:DescribeSubnets', 'ec2:DescribeRouteTables'], Effect: 'Allow', Resource: '*' },
    ]);
  });

  it('lets isComplete describe this cluster, its operations and its bootstrap brokers, and change nothing', () => {
    // Prepare & Act
    const { template } = build();

    // Assess
    const cluster = onlyId(template, 'AWS::MSK::Cluster');
    expect(statementsOfFunction(template, 'index.isComplete')).toEqual([
      { Action: 'kafka:DescribeClusterV2', Effect: 'Allow', Resource: { 'Fn::GetAtt': [cluster, 'Arn'] } },
      {
        Action: ['kafka:DescribeClusterOperationV2', 'kafka:GetBootstrapBrokers'],
        Effect: 'Allow',
        Resource: '*',
      },
    ]);
  });

  it('exposes the public IAM bootstrap brokers as the attribute isComplete returns', () => {
    // Prepare & Act
    const { stack, template, publicAccess } = build();

    // Assess
    const resource = onlyId(template, 'Custom::MskPublicAccess');
    expect(stack.resolve(publicAccess.publicBootstrapBrokers)).toEqual({
      'Fn::GetAtt': [resource, 'BootstrapBrokerStringPublicSaslIam'],
    });
  });

  it('changes ClusterSettingsDigest when the cluster settings change, and only then', () => {
    // Prepare & Act
    const first = digestOf(build().template);
    const same = digestOf(build().template);
    const moreBrokers = digestOf(build({ numberOfBrokerNodes: 4 }).template);

    // Assess
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(same).toBe(first);
    expect(moreBrokers).not.toBe(first);
  });

  it('bundles the real handlers into an ES module that loads and answers Delete without calling AWS', async () => {
    // Prepare
    const outdir = mkdtempSync(join(tmpdir(), 'hashbridge-public-access-'));
    outdirs.push(outdir);
    const { app, template } = build({ code: null, outdir });
    app.synth();
    const [fn] = Object.values(
      template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.onEvent' } }),
    );
    const assetHash = String(fn?.Properties.Code.S3Key).replace(/\.zip$/, '');
    const handlers = (await import(pathToFileURL(join(outdir, `asset.${assetHash}`, 'index.mjs')).href)) as {
      onEvent: (request: unknown) => Promise<unknown>;
      isComplete: (request: unknown) => Promise<unknown>;
    };
    const deletion = {
      RequestType: 'Delete',
      PhysicalResourceId: 'arn:aws:kafka:eu-west-1:123456789012:cluster/a/b',
      ResourceProperties: {},
    };

    // Act
    const started = await handlers.onEvent(deletion);
    const checked = await handlers.isComplete(deletion);

    // Assess
    expect(started).toEqual({ PhysicalResourceId: deletion.PhysicalResourceId });
    expect(checked).toEqual({ IsComplete: true });
  }, 60_000);
});
