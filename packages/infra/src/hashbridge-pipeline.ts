import { DEFAULT_TOPIC, ENVIRONMENT } from '@hashbridge/core';
import { Aws, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import {
  FlowLogDestination,
  GatewayVpcEndpointAwsService,
  InterfaceVpcEndpointAwsService,
  Peer,
  Port,
  SecurityGroup,
  SubnetType,
  Vpc,
} from 'aws-cdk-lib/aws-ec2';
import { Effect, ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { type Code, type Function as LambdaFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { ManagedKafkaEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnCluster } from 'aws-cdk-lib/aws-msk';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { DEFAULTS } from './constants.js';
import { createHandlerFunction } from './handler-function.js';
import { validateHashRetention } from './migration-settings.js';
import { MskPublicAccess } from './msk-public-access.js';
import { suppressFunctionFindings } from './nag-suppressions.js';
import { validateOperatorCidr } from './operator-cidr.js';

/** MSK's broker ports for IAM authentication: inside the VPC, and through public access. */
const MSK_IAM_PORT = 9098;
const MSK_PUBLIC_IAM_PORT = 9198;

interface HashbridgePipelineProps {
  /** The staging table the Loader writes. */
  readonly table: ITable;
  /** Where the Loader puts records it cannot accept. */
  readonly quarantineTable: ITable;
  /** The CIDR the operator's producer connects from, e.g. `203.0.113.7/32`. Required; never 0.0.0.0/0. */
  readonly operatorCidr: string;
  /** @default DEFAULT_TOPIC (from @hashbridge/core) */
  readonly topic?: string;
  /** @default 'hashbridge' */
  readonly clusterName?: string;
  /**
   * A version MSK offers on the chosen broker type; a KRaft one ('….kraft') keeps upgrades to later Kafka lines
   * possible. @default '4.1.x.kraft'
   */
  readonly kafkaVersion?: string;
  /**
   * kafka.t3.small accepts only 4 new IAM connections per broker per second, which IAM clients and the event
   * source exceed in practice. @default 'kafka.m5.large'
   */
  readonly brokerInstanceType?: string;
  /** Total brokers, a multiple of the 2 Availability Zones. @default 2 */
  readonly numberOfBrokerNodes?: number;
  /** EBS storage per broker, in GiB. @default 100 */
  readonly brokerVolumeSize?: number;
  /** Ready-made code for the Loader Lambda. @default bundles @hashbridge/handlers/loader */
  readonly loaderCode?: Code;
  /**
   * How long a quarantined record (which may hold a legacy hash) is kept before DynamoDB's TTL deletes it: whole
   * days, 1 to 3650. HashbridgeStack passes the Migration side's `hashRetention`, so both agree.
   * @default Duration.days(30)
   */
  readonly hashRetention?: Duration;
  /**
   * Adds a private subnet per Availability Zone with one NAT gateway, and runs the Loader there: for a Loader
   * that must reach services with no VPC endpoint. The brokers stay in the public subnets (public access needs
   * them there). Off by default: the Loader needs only DynamoDB, through the gateway endpoint, and a NAT
   * gateway is billed by the hour. @default false
   */
  readonly loaderInPrivateSubnets?: boolean;
  /**
   * How long the deployment waits for MSK to turn public access on (a multiple of 30 s, at most an hour).
   * @default Duration.minutes(55)
   */
  readonly publicAccessTimeout?: Duration;
  /**
   * Ready-made code for the public-access custom resource (`index` exports `onEvent` and `isComplete`).
   * @default bundles the handler @hashbridge/infra ships (custom-resources/public-access-handler)
   */
  readonly publicAccessCode?: Code;
}

/**
 * The load half of hashbridge: a VPC with two public subnets, a provisioned MSK cluster there (IAM
 * authentication only, TLS, in-cluster encryption; public access turned on after creation, for the operator's
 * producer on 9198), and the Loader Lambda behind an MSK event source.
 *
 * The event source's pollers run with the cluster's subnets and security group, so that group admits itself
 * on 9098 and reaches Lambda and STS through interface endpoints on 443; DynamoDB is reached through a
 * gateway endpoint. No NAT gateway is needed; `loaderInPrivateSubnets` adds one for a Loader that wants one.
 */
class HashbridgePipeline extends Construct {
  public readonly vpc: Vpc;
  public readonly cluster: CfnCluster;
  public readonly clusterSecurityGroup: SecurityGroup;
  public readonly loaderSecurityGroup: SecurityGroup;
  public readonly loaderFunction: LambdaFunction;
  public readonly topic: string;
  /** `arn:…:topic/<cluster>/<uuid>/<topic>`: what the producer's and the Loader's topic permissions name. */
  public readonly topicArn: string;
  /** What the operator's producer needs: attach it to the role or user that runs `hashbridge-producer --auth iam`. */
  public readonly producerPolicy: ManagedPolicy;
  /** Turns public access on after creation; its `publicBootstrapBrokers` are the producer's brokers. */
  public readonly publicAccess: MskPublicAccess;

  public constructor(scope: Construct, id: string, props: HashbridgePipelineProps) {
    super(scope, id);
    const operatorCidr = validateOperatorCidr(props.operatorCidr);
    const retentionDays = validateHashRetention(props.hashRetention ?? Duration.days(DEFAULTS.hashRetentionDays));
    this.topic = props.topic ?? DEFAULT_TOPIC;
    const clusterName = props.clusterName ?? 'hashbridge';
    const consumerGroupId = 'hashbridge-loader';

    // MSK public access requires the brokers in subnets routed to an internet gateway: the public ones.
    const privateLoader = props.loaderInPrivateSubnets ?? false;
    this.vpc = new Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: privateLoader ? 1 : 0,
      subnetConfiguration: [
        { name: 'Public', subnetType: SubnetType.PUBLIC, cidrMask: 24 },
        ...(privateLoader ? [{ name: 'Private', subnetType: SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 }] : []),
      ],
    });
    this.vpc.addGatewayEndpoint('DynamoDbEndpoint', { service: GatewayVpcEndpointAwsService.DYNAMODB });
    // The only record of who reached the public brokers, and from where.
    this.vpc.addFlowLog('FlowLog', {
      destination: FlowLogDestination.toCloudWatchLogs(
        new LogGroup(this, 'FlowLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
      ),
    });

    this.clusterSecurityGroup = new SecurityGroup(this, 'ClusterSecurityGroup', {
      vpc: this.vpc,
      description: 'hashbridge MSK brokers and the event source pollers',
      allowAllOutbound: false,
    });
    this.loaderSecurityGroup = new SecurityGroup(this, 'LoaderSecurityGroup', {
      vpc: this.vpc,
      description: 'hashbridge Loader Lambda',
      allowAllOutbound: false,
    });
    const endpointSecurityGroup = new SecurityGroup(this, 'EndpointSecurityGroup', {
      vpc: this.vpc,
      description: 'hashbridge interface endpoints for Lambda and STS',
      allowAllOutbound: false,
    });

    const cluster = this.clusterSecurityGroup;
    cluster.addIngressRule(Peer.ipv4(operatorCidr), Port.tcp(MSK_PUBLIC_IAM_PORT), 'operator producer, IAM');
    cluster.addIngressRule(cluster, Port.tcp(MSK_IAM_PORT), 'event source pollers (they use this group)');
    cluster.addIngressRule(this.loaderSecurityGroup, Port.tcp(MSK_IAM_PORT), 'Loader Lambda, IAM');
    cluster.addEgressRule(cluster, Port.tcp(MSK_IAM_PORT), 'event source pollers to the brokers');
    cluster.addEgressRule(endpointSecurityGroup, Port.tcp(443), 'pollers to the Lambda and STS endpoints');
    endpointSecurityGroup.addIngressRule(cluster, Port.tcp(443), 'event source pollers');
    // DynamoDB's addresses are a regional prefix list; without a public IP the function can only reach them
    // through the gateway endpoint's route anyway, so HTTPS out is not an opening to the internet — unless
    // loaderInPrivateSubnets adds a NAT gateway, whose purpose is exactly that.
    this.loaderSecurityGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443), 'DynamoDB through the gateway endpoint');

    for (const [name, service] of [
      ['LambdaEndpoint', InterfaceVpcEndpointAwsService.LAMBDA],
      ['StsEndpoint', InterfaceVpcEndpointAwsService.STS],
    ] as const) {
      this.vpc.addInterfaceEndpoint(name, {
        service,
        subnets: { subnetType: SubnetType.PUBLIC },
        securityGroups: [endpointSecurityGroup],
        open: false,
      });
    }

    this.cluster = new CfnCluster(this, 'Cluster', {
      clusterName,
      kafkaVersion: props.kafkaVersion ?? DEFAULTS.kafkaVersion,
      numberOfBrokerNodes: props.numberOfBrokerNodes ?? 2,
      brokerNodeGroupInfo: {
        clientSubnets: this.vpc.publicSubnets.map((subnet) => subnet.subnetId),
        instanceType: props.brokerInstanceType ?? 'kafka.m5.large',
        securityGroups: [cluster.securityGroupId],
        storageInfo: { ebsStorageInfo: { volumeSize: props.brokerVolumeSize ?? 100 } },
        // MSK refuses public access at creation: MskPublicAccess below turns it on once the cluster is ACTIVE.
        connectivityInfo: { publicAccess: { type: 'DISABLED' } },
      },
      clientAuthentication: { sasl: { iam: { enabled: true } }, unauthenticated: { enabled: false } },
      encryptionInfo: { encryptionInTransit: { clientBroker: 'TLS', inCluster: true } },
      // Broker logs show failed IAM authentications and authorizations, which the producer only sees as a disconnect.
      loggingInfo: {
        brokerLogs: {
          cloudWatchLogs: {
            enabled: true,
            logGroup: new LogGroup(this, 'BrokerLogs', {
              retention: RetentionDays.ONE_MONTH,
              removalPolicy: RemovalPolicy.DESTROY,
            }).logGroupName,
          },
        },
      },
    });

    this.publicAccess = new MskPublicAccess(this, 'PublicAccess', {
      cluster: this.cluster,
      // The subnets' default routes and route table associations; the VPC's own dependable is only the gateway.
      internetConnectivity: this.vpc.selectSubnets({ subnetType: SubnetType.PUBLIC }).internetConnectivityEstablished,
      ...(props.publicAccessTimeout === undefined ? {} : { timeout: props.publicAccessTimeout }),
      ...(props.publicAccessCode === undefined ? {} : { code: props.publicAccessCode }),
    });

    // The cluster ARN is arn:…:cluster/<name>/<uuid>; topics and groups live under the same name and uuid.
    const clusterArn = this.cluster.attrArn;
    const nameAndUuid = `${Fn.select(1, Fn.split('/', clusterArn))}/${Fn.select(2, Fn.split('/', clusterArn))}`;
    const kafkaArn = (kind: 'topic' | 'group', name: string): string =>
      `arn:${Aws.PARTITION}:kafka:${Aws.REGION}:${Aws.ACCOUNT_ID}:${kind}/${nameAndUuid}/${name}`;
    this.topicArn = kafkaArn('topic', this.topic);

    // The producer is idempotent (WriteDataIdempotently) and may create its topic on first run (CreateTopic);
    // it never reads, so no ReadData and no group permissions.
    this.producerPolicy = new ManagedPolicy(this, 'ProducerPolicy', {
      description: 'hashbridge producer: write legacy users to the MSK topic with IAM authentication',
      statements: [
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['kafka-cluster:Connect', 'kafka-cluster:WriteDataIdempotently'],
          resources: [clusterArn],
        }),
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData', 'kafka-cluster:CreateTopic'],
          resources: [this.topicArn],
        }),
      ],
    });

    this.loaderFunction = createHandlerFunction(this, 'LoaderFunction', {
      handlerName: 'loader',
      description: 'hashbridge: stages legacy users from MSK into DynamoDB',
      memorySize: 512,
      timeout: Duration.minutes(1),
      vpc: this.vpc,
      ...(privateLoader
        ? { vpcSubnets: { subnetType: SubnetType.PRIVATE_WITH_EGRESS } }
        : {
            vpcSubnets: { subnetType: SubnetType.PUBLIC },
            // In a public subnet the function gets no public IP: it reaches DynamoDB through the gateway endpoint.
            allowPublicSubnet: true,
          }),
      securityGroups: [this.loaderSecurityGroup],
      environment: {
        [ENVIRONMENT.stagingTable]: props.table.tableName,
        [ENVIRONMENT.quarantineTable]: props.quarantineTable.tableName,
        [ENVIRONMENT.retentionDays]: String(retentionDays),
      },
      logGroup: new LogGroup(this, 'LoaderLogs', {
        retention: RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
      ...(props.loaderCode === undefined ? {} : { code: props.loaderCode }),
    });
    // Exactly what the Loader calls: BatchGetItem, BatchWriteItem, a conditional UpdateItem; PutItem to quarantine.
    props.table.grant(this.loaderFunction, 'dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem', 'dynamodb:UpdateItem');
    props.quarantineTable.grant(this.loaderFunction, 'dynamodb:PutItem');

    // CDK's event source grants kafka:DescribeCluster(V2) and GetBootstrapBrokers, none of the data-plane actions.
    const role = this.loaderFunction.role;
    role?.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['kafka-cluster:Connect', 'kafka-cluster:DescribeClusterDynamicConfiguration'],
        resources: [clusterArn],
      }),
    );
    role?.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'],
        resources: [this.topicArn],
      }),
    );
    role?.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['kafka-cluster:DescribeGroup', 'kafka-cluster:AlterGroup'],
        resources: [kafkaArn('group', consumerGroupId)],
      }),
    );

    this.loaderFunction.addEventSource(
      new ManagedKafkaEventSource({
        clusterArn,
        topic: this.topic,
        consumerGroupId,
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
      }),
    );
    this.suppressNagFindings();
  }

  /** The cdk-nag AwsSolutions findings this construct accepts, each with its reason; any other still fails. */
  private suppressNagFindings(): void {
    suppressFunctionFindings(this.loaderFunction, [
      'AWSLambdaBasicExecutionRole',
      'AWSLambdaVPCAccessExecutionRole',
      'AWSLambdaMSKExecutionRole',
    ]);
    // A deploy-time OperatorCidr parameter cannot be read at synthesis; its AllowedPattern refuses /0 instead.
    NagSuppressions.addResourceSuppressions(this.clusterSecurityGroup, [
      {
        id: 'CdkNagValidationFailure',
        reason:
          'The 9198 rule may name the OperatorCidr parameter, unresolved at synthesis; its AllowedPattern refuses 0.0.0.0/0, and a CIDR given at synthesis is checked by validateOperatorCidr.',
        appliesTo: ['AwsSolutions-EC23'],
      },
    ]);
  }
}

export type { HashbridgePipelineProps };
export { HashbridgePipeline };
