import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { describe, expect, it } from 'vitest';
import { HashbridgeStack } from '../../src/index.js';
import { inlineCode, inlinePublicAccessCode } from '../helpers/inline-code.js';
import { SYNTH_TIMEOUT } from '../helpers/synth-timeout.js';

describe('Class: HashbridgeStack', { timeout: SYNTH_TIMEOUT }, () => {
  it('outputs what the producer and the login page are configured from', () => {
    // Prepare
    const stack = new HashbridgeStack(new App(), 'Hashbridge', {
      migration: { migrationCode: inlineCode() },
      pipeline: { loaderCode: inlineCode(), publicAccessCode: inlinePublicAccessCode() },
    });

    // Act
    const template = Template.fromStack(stack);

    // Assess
    const pool = Object.keys(template.findResources('AWS::Cognito::UserPool'))[0];
    const client = Object.keys(template.findResources('AWS::Cognito::UserPoolClient'))[0];
    const table = Object.keys(
      template.findResources('AWS::DynamoDB::Table', { Properties: { TableName: 'StandaloneUserHashes' } }),
    )[0];
    template.hasOutput('StagingTableName', { Value: { Ref: table } });
    template.hasOutput('UserPoolId', { Value: { Ref: pool } });
    template.hasOutput('UserPoolClientId', { Value: { Ref: client } });
    template.hasOutput('Region', { Value: { Ref: 'AWS::Region' } });
    template.hasOutput('Topic', { Value: 'legacy-users' });
    const producerPolicy = Object.keys(template.findResources('AWS::IAM::ManagedPolicy'))[0];
    template.hasOutput('ProducerPolicyArn', { Value: { Ref: producerPolicy } });
    const publicAccess = Object.keys(template.findResources('Custom::MskPublicAccess'))[0];
    template.hasOutput('PublicBootstrapBrokers', {
      Value: { 'Fn::GetAtt': [publicAccess, 'BootstrapBrokerStringPublicSaslIam'] },
    });
  });

  it('gives the Loader the retention the Migration side is given, so quarantined records expire alike', () => {
    // Prepare
    const stack = new HashbridgeStack(new App(), 'Hashbridge', {
      migration: { migrationCode: inlineCode(), hashRetention: Duration.days(14) },
      pipeline: { loaderCode: inlineCode(), publicAccessCode: inlinePublicAccessCode() },
    });

    // Act
    const template = Template.fromStack(stack);

    // Assess
    template.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      { Environment: { Variables: Match.objectLike({ HASH_RETENTION_DAYS: '14' }) } },
      2,
    );
  });

  it("watches the migration: a dashboard, and alarms that notify the stack's topic when given one", () => {
    // Prepare
    const app = new App();
    const stack = new HashbridgeStack(app, 'Hashbridge', {
      migration: { migrationCode: inlineCode() },
      pipeline: { loaderCode: inlineCode(), publicAccessCode: inlinePublicAccessCode() },
      monitoring: {
        alarmTopic: Topic.fromTopicArn(
          new Stack(app, 'Shared'),
          'OnCall',
          'arn:aws:sns:eu-west-1:123456789012:on-call',
        ),
      },
    });

    // Act
    const template = Template.fromStack(stack);

    // Assess
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'Hashbridge-migration' });
    template.resourcePropertiesCountIs(
      'AWS::CloudWatch::Alarm',
      { AlarmActions: ['arn:aws:sns:eu-west-1:123456789012:on-call'] },
      6,
    );
  });

  it('asks for the operator CIDR at deploy time when none is given, with a pattern that refuses /0', () => {
    // Prepare
    const stack = new HashbridgeStack(new App(), 'Hashbridge', {
      migration: { migrationCode: inlineCode() },
      pipeline: { loaderCode: inlineCode(), publicAccessCode: inlinePublicAccessCode() },
    });

    // Act
    const template = Template.fromStack(stack);

    // Assess
    template.hasParameter('OperatorCidr', { Type: 'String', Default: Match.absent() });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [Match.objectLike({ CidrIp: { Ref: 'OperatorCidr' }, FromPort: 9198 })],
    });
  });

  it('bundles the real Migration, Loader and public-access handlers when no code is given', () => {
    // Prepare
    const stack = new HashbridgeStack(new App(), 'Hashbridge', { pipeline: { operatorCidr: '203.0.113.7/32' } });

    // Act
    const template = Template.fromStack(stack);

    // Assess
    // Ours run on Node 22; the Provider framework's three functions are CDK's own.
    const functions = Object.values(
      template.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs22.x' } }),
    );
    expect(functions.map((fn) => fn.Properties.Handler).sort()).toEqual([
      'index.handler',
      'index.handler',
      'index.isComplete',
      'index.onEvent',
    ]);
    for (const fn of functions) {
      expect(fn.Properties.Code.S3Key).toMatch(/^[0-9a-f]{64}\.zip$/);
    }
  }, 30_000);

  it('bundles the real PreSignUp guard when self sign-up is on', () => {
    // Prepare
    const stack = new HashbridgeStack(new App(), 'Hashbridge', {
      migration: { migrationCode: inlineCode(), selfSignUpEnabled: true },
      pipeline: { loaderCode: inlineCode(), publicAccessCode: inlinePublicAccessCode() },
    });

    // Act
    const template = Template.fromStack(stack);

    // Assess
    const [guard] = Object.values(
      template.findResources('AWS::Lambda::Function', {
        Properties: { Description: Match.stringLikeRegexp('PreSignUp') },
      }),
    );
    expect(guard?.Properties.Code.S3Key).toMatch(/^[0-9a-f]{64}\.zip$/);
    expect(guard?.Properties.Handler).toBe('index.handler');
  }, 30_000);
});
