import { readLoaderConfig } from '@hashbridge/handlers';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { HashbridgePipeline, InfraError, StagingTables } from '../../src/index.js';
import { inlineCode, inlinePublicAccessCode } from '../helpers/inline-code.js';
import { SYNTH_TIMEOUT } from '../helpers/synth-timeout.js';

const build = (
  operatorCidr = '203.0.113.7/32',
  options: { loaderInPrivateSubnets?: boolean; hashRetention?: Duration } = {},
): Stack => {
  const stack = new Stack(new App(), 'Test');
  const tables = new StagingTables(stack, 'Tables');
  new HashbridgePipeline(stack, 'Pipeline', {
    ...options,
    table: tables.table,
    quarantineTable: tables.quarantineTable,
    operatorCidr,
    loaderCode: inlineCode(),
    publicAccessCode: inlinePublicAccessCode(),
  });
  return stack;
};

const idOf = (template: Template, type: string, properties: Record<string, unknown> = {}): string => {
  const ids = Object.keys(template.findResources(type, { Properties: properties }));
  expect(ids).toHaveLength(1);
  return ids[0] as string;
};

const groupId = (id: string) => ({ 'Fn::GetAtt': [id, 'GroupId'] });

describe('Class: HashbridgePipeline', { timeout: SYNTH_TIMEOUT }, () => {
  it('hands the Loader the retention of quarantined records, 30 days by default, in a form it accepts', () => {
    // Prepare & Act
    const byDefault = Template.fromStack(build());
    const week = Template.fromStack(build(undefined, { hashRetention: Duration.days(7) }));

    // Assess
    for (const [template, days] of [
      [byDefault, '30'],
      [week, '7'],
    ] as const) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Environment: { Variables: Match.objectLike({ HASH_RETENTION_DAYS: days }) },
      });
      expect(readLoaderConfig({ HASH_RETENTION_DAYS: days }).HASH_RETENTION_DAYS).toBe(Number(days));
    }
  });

  it('throws InfraError for a retention that is not whole days', () => {
    // Prepare & Act & Assess
    expect(() => build(undefined, { hashRetention: Duration.hours(12) })).toThrow(InfraError);
  });

  it('throws InfraError for an operator CIDR open to the whole internet', () => {
    // Prepare & Act & Assess
    expect(() => build('0.0.0.0/0')).toThrow(InfraError);
  });

  it('creates a VPC with two public subnets in two Availability Zones and an internet gateway, no NAT', () => {
    // Prepare & Act
    const template = Template.fromStack(build());

    // Assess
    template.resourceCountIs('AWS::EC2::Subnet', 2);
    template.resourcePropertiesCountIs('AWS::EC2::Subnet', { MapPublicIpOnLaunch: true }, 2);
    for (const index of [0, 1]) {
      template.hasResourceProperties('AWS::EC2::Subnet', {
        AvailabilityZone: { 'Fn::Select': [index, { 'Fn::GetAZs': '' }] },
      });
    }
    template.resourceCountIs('AWS::EC2::InternetGateway', 1);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
  });

  it('runs the Loader in the public subnets by default', () => {
    // Prepare & Act
    const template = Template.fromStack(build());

    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      VpcConfig: {
        SubnetIds: [
          { Ref: Match.stringLikeRegexp('PipelineVpcPublicSubnet1') },
          { Ref: Match.stringLikeRegexp('PipelineVpcPublicSubnet2') },
        ],
      },
    });
  });

  it('adds private subnets with one NAT gateway and runs the Loader there when asked, brokers staying public', () => {
    // Prepare & Act
    const template = Template.fromStack(build('203.0.113.7/32', { loaderInPrivateSubnets: true }));

    // Assess
    template.resourceCountIs('AWS::EC2::Subnet', 4);
    template.resourcePropertiesCountIs('AWS::EC2::Subnet', { MapPublicIpOnLaunch: false }, 2);
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    const privateSubnets = [
      { Ref: Match.stringLikeRegexp('PipelineVpcPrivateSubnet1') },
      { Ref: Match.stringLikeRegexp('PipelineVpcPrivateSubnet2') },
    ];
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      VpcConfig: { SubnetIds: privateSubnets },
    });
    template.hasResourceProperties('AWS::MSK::Cluster', {
      BrokerNodeGroupInfo: {
        ClientSubnets: [
          { Ref: Match.stringLikeRegexp('PipelineVpcPublicSubnet1') },
          { Ref: Match.stringLikeRegexp('PipelineVpcPublicSubnet2') },
        ],
      },
    });
    // The private subnets' default route goes to the NAT gateway, and DynamoDB still through the gateway endpoint.
    template.resourcePropertiesCountIs('AWS::EC2::Route', { NatGatewayId: Match.anyValue() }, 2);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      RouteTableIds: Match.arrayWith([{ Ref: Match.stringLikeRegexp('PipelineVpcPrivateSubnet1RouteTable') }]),
    });
  });

  it('creates the MSK cluster in the public subnets with IAM only, TLS and in-cluster encryption', () => {
    // Prepare & Act
    const template = Template.fromStack(build());

    // Assess
    const clusterGroup = idOf(template, 'AWS::EC2::SecurityGroup', {
      GroupDescription: 'hashbridge MSK brokers and the event source pollers',
    });
    template.hasResourceProperties('AWS::MSK::Cluster', {
      KafkaVersion: '4.1.x.kraft',
      NumberOfBrokerNodes: 2,
      BrokerNodeGroupInfo: {
        ClientSubnets: Match.arrayWith([Match.objectLike({ Ref: Match.stringLikeRegexp('PublicSubnet1') })]),
        InstanceType: 'kafka.m5.large',
        SecurityGroups: [groupId(clusterGroup)],
        ConnectivityInfo: { PublicAccess: { Type: 'DISABLED' } },
      },
      ClientAuthentication: { Sasl: { Iam: { Enabled: true } }, Unauthenticated: { Enabled: false } },
      EncryptionInfo: { EncryptionInTransit: { ClientBroker: 'TLS', InCluster: true } },
    });
  });

  it("sends broker logs, VPC flow logs and the functions' logs to CloudWatch, kept a month", () => {
    // Prepare & Act
    const template = Template.fromStack(build());

    // Assess
    template.hasResourceProperties('AWS::MSK::Cluster', {
      LoggingInfo: { BrokerLogs: { CloudWatchLogs: { Enabled: true, LogGroup: { Ref: Match.anyValue() } } } },
    });
    template.hasResourceProperties('AWS::EC2::FlowLog', {
      ResourceType: 'VPC',
      LogDestinationType: 'cloud-watch-logs',
      TrafficType: 'ALL',
    });
    // Broker logs, flow logs, the Loader's, and the public-access custom resource's.
    template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 30 }, 4);
    template.resourceCountIs('AWS::Logs::LogGroup', 4);
  });

  it('opens 9198 to the operator CIDR alone, and 9098 to the pollers and the Loader', () => {
    // Prepare & Act
    const template = Template.fromStack(build());

    // Assess
    const clusterGroup = idOf(template, 'AWS::EC2::SecurityGroup', {
      GroupDescription: 'hashbridge MSK brokers and the event source pollers',
    });
    const loaderGroup = idOf(template, 'AWS::EC2::SecurityGroup', { GroupDescription: 'hashbridge Loader Lambda' });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'hashbridge MSK brokers and the event source pollers',
      SecurityGroupIngress: [{ CidrIp: '203.0.113.7/32', IpProtocol: 'tcp', FromPort: 9198, ToPort: 9198 }].map(
        (rule) => Match.objectLike(rule),
      ),
    });
    for (const source of [clusterGroup, loaderGroup]) {
      template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
        GroupId: groupId(clusterGroup),
        SourceSecurityGroupId: groupId(source),
        IpProtocol: 'tcp',
        FromPort: 9098,
        ToPort: 9098,
      });
    }
    expect(JSON.stringify(template.findResources('AWS::EC2::SecurityGroupIngress'))).not.toContain('0.0.0.0/0');
  });

  it('lets the pollers reach Lambda and STS through interface endpoints on 443, and DynamoDB via a gateway', () => {
    // Prepare & Act
    const template = Template.fromStack(build());

    // Assess
    const clusterGroup = idOf(template, 'AWS::EC2::SecurityGroup', {
      GroupDescription: 'hashbridge MSK brokers and the event source pollers',
    });
    const endpointGroup = idOf(template, 'AWS::EC2::SecurityGroup', {
      GroupDescription: 'hashbridge interface endpoints for Lambda and STS',
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: groupId(clusterGroup),
      DestinationSecurityGroupId: groupId(endpointGroup),
      FromPort: 443,
      ToPort: 443,
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: groupId(endpointGroup),
      SourceSecurityGroupId: groupId(clusterGroup),
      FromPort: 443,
      ToPort: 443,
    });
    template.resourcePropertiesCountIs('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Interface' }, 2);
    template.resourcePropertiesCountIs('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Gateway' }, 1);
  });

  it('turns public access on after the cluster exists and once the public subnets route to the internet gateway', () => {
    // Prepare & Act
    const template = Template.fromStack(build());

    // Assess
    const cluster = idOf(template, 'AWS::MSK::Cluster');
    const routes = Object.keys(
      template.findResources('AWS::EC2::Route', { Properties: { GatewayId: Match.anyValue() } }),
    );
    const associations = Object.keys(template.findResources('AWS::EC2::SubnetRouteTableAssociation'));
    expect(routes).toHaveLength(2);
    expect(associations).toHaveLength(2);
    const [resource] = Object.values(template.findResources('Custom::MskPublicAccess'));
    expect(resource?.Properties.ClusterArn).toEqual({ 'Fn::GetAtt': [cluster, 'Arn'] });
    expect([...((resource?.DependsOn ?? []) as string[])].sort()).toEqual([...routes, ...associations].sort());
  });

  it('subscribes the Loader to the topic from the start, 100 records a batch, as a named consumer group', () => {
    // Prepare & Act
    const template = Template.fromStack(build());

    // Assess
    const cluster = idOf(template, 'AWS::MSK::Cluster');
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [cluster, 'Arn'] },
      Topics: ['legacy-users'],
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'hashbridge-loader' },
    });
  });

  it('grants the Loader its DynamoDB writes on the two tables and the kafka-cluster actions on the cluster', () => {
    // Prepare & Act
    const template = Template.fromStack(build());

    // Assess
    const cluster = idOf(template, 'AWS::MSK::Cluster');
    const table = idOf(template, 'AWS::DynamoDB::Table', { TableName: 'StandaloneUserHashes' });
    const quarantine = idOf(template, 'AWS::DynamoDB::Table', { TableName: 'StandaloneUserHashesQuarantine' });
    // The flow log's role has a policy too: take the one attached to the Loader's role.
    const [policy] = Object.values(
      template.findResources('AWS::IAM::Policy', {
        Properties: { Roles: [{ Ref: Match.stringLikeRegexp('LoaderFunctionServiceRole') }] },
      }),
    );
    const statements = policy?.Properties.PolicyDocument.Statement as Array<Record<string, unknown>>;
    const kafkaArn = (kind: string, name: string) => ({
      'Fn::Join': ['', Match.arrayWith([`:${kind}/`, `/${name}`])],
    });
    expect(statements).toEqual(
      expect.arrayContaining([
        {
          Action: ['dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem', 'dynamodb:UpdateItem'],
          Effect: 'Allow',
          Resource: [{ 'Fn::GetAtt': [table, 'Arn'] }],
        },
        { Action: 'dynamodb:PutItem', Effect: 'Allow', Resource: [{ 'Fn::GetAtt': [quarantine, 'Arn'] }] },
        {
          Action: ['kafka-cluster:Connect', 'kafka-cluster:DescribeClusterDynamicConfiguration'],
          Effect: 'Allow',
          Resource: { 'Fn::GetAtt': [cluster, 'Arn'] },
        },
      ]),
    );
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'],
            Resource: kafkaArn('topic', 'legacy-users'),
          }),
          Match.objectLike({
            Action: ['kafka-cluster:DescribeGroup', 'kafka-cluster:AlterGroup'],
            Resource: kafkaArn('group', 'hashbridge-loader'),
          }),
        ]),
      },
    });
    expect(JSON.stringify(statements)).not.toMatch(/"Resource":"\*"[^}]*kafka-cluster/);
  });

  it('gives the producer a managed policy to connect, write idempotently and create the topic, nothing more', () => {
    // Prepare & Act
    const template = Template.fromStack(build());

    // Assess
    const cluster = idOf(template, 'AWS::MSK::Cluster');
    const policies = Object.values(template.findResources('AWS::IAM::ManagedPolicy'));
    expect(policies).toHaveLength(1);
    const statements = policies[0]?.Properties.PolicyDocument.Statement as Array<Record<string, unknown>>;
    expect(statements).toHaveLength(2);
    expect(statements[0]).toEqual({
      Action: ['kafka-cluster:Connect', 'kafka-cluster:WriteDataIdempotently'],
      Effect: 'Allow',
      Resource: { 'Fn::GetAtt': [cluster, 'Arn'] },
    });
    expect(statements[1]).toMatchObject({
      Action: ['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData', 'kafka-cluster:CreateTopic'],
      Effect: 'Allow',
    });
    // The topic ARN is the cluster's with `topic/` for `cluster/` and the topic name appended.
    const topicResource = statements[1]?.Resource as { 'Fn::Join': [string, unknown[]] } | undefined;
    const [separator, parts] = topicResource?.['Fn::Join'] ?? [];
    expect(separator).toBe('');
    expect(parts).toEqual([
      'arn:',
      { Ref: 'AWS::Partition' },
      ':kafka:',
      { Ref: 'AWS::Region' },
      ':',
      { Ref: 'AWS::AccountId' },
      ':topic/',
      { 'Fn::Select': [1, { 'Fn::Split': ['/', { 'Fn::GetAtt': [cluster, 'Arn'] }] }] },
      '/',
      { 'Fn::Select': [2, { 'Fn::Split': ['/', { 'Fn::GetAtt': [cluster, 'Arn'] }] }] },
      '/legacy-users',
    ]);
  });
});
