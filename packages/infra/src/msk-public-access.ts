import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CustomResource, Duration, Lazy, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Code, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { CfnCluster } from 'aws-cdk-lib/aws-msk';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { NagSuppressions } from 'cdk-nag';
import { Construct, type IDependable } from 'constructs';
import { BundlingError, InfraError } from './errors.js';
import { createBundledFunction } from './handler-function.js';
import { managedPolicy, suppressFunctionFindings } from './nag-suppressions.js';

interface MskPublicAccessProps {
  /** The provisioned cluster, created with public access DISABLED (the only value MSK accepts at creation). */
  readonly cluster: CfnCluster;
  /**
   * What must exist before MSK accepts public access: the brokers' subnets routed to an internet gateway, e.g.
   * `vpc.selectSubnets({ subnetType: SubnetType.PUBLIC }).internetConnectivityEstablished` (the routes and their
   * route table associations). The cluster itself does not wait for those routes.
   */
  readonly internetConnectivity?: IDependable;
  /**
   * How long the deployment waits for MSK to finish. CloudFormation gives a custom resource at most one hour,
   * so the wait must end a little earlier for its own timeout to be the one reported. A multiple of 30 s.
   * @default Duration.minutes(55)
   */
  readonly timeout?: Duration;
  /**
   * Ready-made code whose `index` module exports `onEvent` and `isComplete` (e.g. inline code in tests).
   * @default bundles custom-resources/public-access-handler, shipped with this package, with esbuild
   */
  readonly code?: Code;
}

/** MSK's own pace: a poll every 30 s is plenty for an operation that takes tens of minutes. */
const QUERY_INTERVAL = Duration.seconds(30);
/** CloudFormation's ceiling for a custom resource (ServiceTimeout, at most 3600 s). */
const SERVICE_TIMEOUT = Duration.hours(1);
const DEFAULT_TIMEOUT = Duration.minutes(55);

/**
 * The handlers' module beside this one: the TypeScript source in src/, the copy tsup compiles into dist/ (this
 * module is then dist/index.js), so the package bundles its own file wherever it is installed.
 */
const handlerEntry = (): string => {
  const candidates = ['ts', 'js'].map((extension) =>
    fileURLToPath(new URL(`./custom-resources/public-access-handler.${extension}`, import.meta.url)),
  );
  const entry = candidates.find((candidate) => existsSync(candidate));
  if (entry === undefined) {
    throw new BundlingError(
      `the public-access handler is missing (looked for ${candidates.join(' and ')}); build or reinstall @hashbridge/infra, or pass ready-made code`,
    );
  }
  return entry;
};

/**
 * Every setting CloudFormation can update in place (its name cannot be: a new name is a new cluster and ARN;
 * tags leave the brokers alone); see `ClusterSettingsDigest`.
 */
const clusterSettings = (cluster: CfnCluster) => ({
  brokerNodeGroupInfo: cluster.brokerNodeGroupInfo,
  clientAuthentication: cluster.clientAuthentication,
  configurationInfo: cluster.configurationInfo,
  currentVersion: cluster.currentVersion,
  encryptionInfo: cluster.encryptionInfo,
  enhancedMonitoring: cluster.enhancedMonitoring,
  kafkaVersion: cluster.kafkaVersion,
  loggingInfo: cluster.loggingInfo,
  numberOfBrokerNodes: cluster.numberOfBrokerNodes,
  openMonitoring: cluster.openMonitoring,
  rebalancing: cluster.rebalancing,
  storageMode: cluster.storageMode,
});

const validateTimeout = (timeout: Duration): Duration => {
  const seconds = timeout.toSeconds();
  if (seconds <= 0 || seconds > SERVICE_TIMEOUT.toSeconds() || seconds % QUERY_INTERVAL.toSeconds() !== 0) {
    throw new InfraError(
      `the public access timeout must be a multiple of 30 seconds, at most one hour (CloudFormation's limit for a custom resource); got ${seconds} s`,
    );
  }
  return timeout;
};

/**
 * Turns on public access (`SERVICE_PROVIDED_EIPS`) for an MSK provisioned cluster right after CloudFormation
 * creates it, in the same deployment: MSK refuses public access at creation. A custom resource built on the CDK
 * Provider framework calls UpdateConnectivity, waits for the operation (it can take half an hour or more), then
 * reads the public IAM bootstrap brokers (port 9198) for the stack outputs.
 *
 * The cluster's template keeps `PublicAccess: DISABLED`, so CloudFormation drift detection reports public
 * access as drift. After any later update of the cluster's settings (tags aside) the resource runs again: it
 * turns public access back on if it was turned off, and refreshes the brokers.
 *
 * @example
 * const publicAccess = new MskPublicAccess(this, 'PublicAccess', {
 *   cluster,
 *   internetConnectivity: vpc.selectSubnets({ subnetType: SubnetType.PUBLIC }).internetConnectivityEstablished,
 * });
 * new CfnOutput(this, 'PublicBootstrapBrokers', { value: publicAccess.publicBootstrapBrokers });
 */
class MskPublicAccess extends Construct {
  /** `b-1-public.…:9198,b-2-public.…:9198`: what a client outside the VPC connects to with IAM. */
  public readonly publicBootstrapBrokers: string;
  public readonly resource: CustomResource;
  public readonly onEventFunction: LambdaFunction;
  public readonly isCompleteFunction: LambdaFunction;
  public readonly provider: Provider;

  public constructor(scope: Construct, id: string, props: MskPublicAccessProps) {
    super(scope, id);
    const timeout = validateTimeout(props.timeout ?? DEFAULT_TIMEOUT);
    const clusterArn = props.cluster.attrArn;
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Looked up only when something is bundled; ready-made code needs no handler file.
    const entry = props.code === undefined ? handlerEntry() : '';
    const handlerFunction = (handlerId: string, handler: 'onEvent' | 'isComplete', description: string) =>
      createBundledFunction(this, handlerId, {
        entry,
        handler,
        description,
        // A few MSK API calls per invocation.
        memorySize: 256,
        timeout: Duration.minutes(1),
        logGroup,
        ...(props.code === undefined ? {} : { code: props.code }),
      });

    this.onEventFunction = handlerFunction(
      'OnEventFunction',
      'onEvent',
      'hashbridge: turns on MSK public access (UpdateConnectivity)',
    );
    this.onEventFunction.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['kafka:DescribeClusterV2', 'kafka:UpdateConnectivity'],
        resources: [clusterArn],
      }),
    );
    // MSK checks, with the caller's permissions, that the brokers' subnets route to an internet gateway. EC2's
    // Describe actions have no resource-level permissions: they can only be granted on "*".
    this.onEventFunction.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ec2:DescribeSubnets', 'ec2:DescribeRouteTables'],
        resources: ['*'],
      }),
    );

    this.isCompleteFunction = handlerFunction(
      'IsCompleteFunction',
      'isComplete',
      'hashbridge: waits for MSK public access and reads the public bootstrap brokers',
    );
    this.isCompleteFunction.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['kafka:DescribeClusterV2'],
        resources: [clusterArn],
      }),
    );
    // The Service Authorization Reference lists no resource type for these two read actions: "*" is the only
    // resource a policy can name for them.
    this.isCompleteFunction.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['kafka:DescribeClusterOperationV2', 'kafka:GetBootstrapBrokers'],
        resources: ['*'],
      }),
    );

    this.provider = new Provider(this, 'Provider', {
      onEventHandler: this.onEventFunction,
      isCompleteHandler: this.isCompleteFunction,
      queryInterval: QUERY_INTERVAL,
      totalTimeout: timeout,
      logGroup,
    });

    const stack = Stack.of(this);
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: this.provider.serviceToken,
      resourceType: 'Custom::MskPublicAccess',
      serviceTimeout: SERVICE_TIMEOUT,
      properties: {
        ClusterArn: clusterArn,
        // Unused by the handlers: it changes whenever the cluster's settings do, so CloudFormation sends this
        // resource an Update after every such update of the cluster, and public access and brokers are checked.
        ClusterSettingsDigest: Lazy.string({
          produce: () =>
            createHash('sha256')
              .update(JSON.stringify(stack.resolve(clusterSettings(props.cluster))))
              .digest('hex'),
        }),
      },
    });
    if (props.internetConnectivity !== undefined) this.resource.node.addDependency(props.internetConnectivity);
    this.publicBootstrapBrokers = this.resource.getAttString('BootstrapBrokerStringPublicSaslIam');
    this.suppressNagFindings();
  }

  /** The cdk-nag AwsSolutions findings this construct accepts, each with its reason; any other still fails. */
  private suppressNagFindings(): void {
    for (const fn of [this.onEventFunction, this.isCompleteFunction]) {
      suppressFunctionFindings(fn, ['AWSLambdaBasicExecutionRole']);
    }
    NagSuppressions.addResourceSuppressions(
      [this.onEventFunction, this.isCompleteFunction],
      [
        {
          id: 'AwsSolutions-IAM5',
          reason:
            "Read-only actions that cannot be scoped: ec2:DescribeSubnets and ec2:DescribeRouteTables (EC2 Describe actions have no resource-level permissions; MSK makes them with the caller's permissions to check the subnets are public), kafka:DescribeClusterOperationV2 and kafka:GetBootstrapBrokers (no resource type in the Service Authorization Reference). Every write action is scoped to the cluster.",
          appliesTo: ['Resource::*'],
        },
      ],
      true,
    );
    // The CDK Provider framework's own functions, roles and waiter state machine: their shape is CDK's, not ours.
    NagSuppressions.addResourceSuppressions(
      this.provider,
      [
        {
          id: 'AwsSolutions-IAM4',
          reason:
            'The Provider framework functions use the AWS managed basic execution policy (CloudWatch Logs writes) that CDK attaches; the framework offers no way to replace it per function.',
          appliesTo: [managedPolicy('AWSLambdaBasicExecutionRole')],
        },
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'lambda:InvokeFunction on <function ARN>:* is how CDK grants invoking a function and its versions; it names only the two public-access handlers and the framework functions.',
          appliesTo: [{ regex: '/^Resource::<.+\\.Arn>:\\*$/' }],
        },
        {
          id: 'AwsSolutions-SF1',
          reason:
            "The waiter state machine only invokes isComplete every 30 s: each invocation, and any error, is already in the construct's log group, and a failure reaches CloudFormation with its message.",
        },
        {
          id: 'AwsSolutions-SF2',
          reason:
            'The Provider framework does not expose X-Ray tracing for its waiter state machine, which runs only while a deployment waits for MSK.',
        },
      ],
      true,
    );
  }
}

export type { MskPublicAccessProps };
export { MskPublicAccess };
