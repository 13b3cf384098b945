import { NagSuppressions } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { HashbridgeMigration } from './hashbridge-migration.js';
import type { HashbridgePipeline } from './hashbridge-pipeline.js';
import type { MskPublicAccess } from './msk-public-access.js';

/**
 * The cdk-nag AwsSolutions findings the reference architecture accepts, each with its reason. They are attached
 * by the constructs themselves, so an app that drops a construct into its own stack and runs cdk-nag sees the
 * same reasons; anything not listed here still fails the check.
 */

const managedPolicy = (name: string): string => `Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/${name}`;

const RUNTIME_REASON =
  'Node.js 22 is the runtime the handlers are built (esbuild target node22) and tested for; moving to a newer one is a deliberate upgrade.';

const suppressFunction = (fn: IConstruct, managedPolicies: string[]): void => {
  NagSuppressions.addResourceSuppressions(
    fn,
    [
      { id: 'AwsSolutions-L1', reason: RUNTIME_REASON },
      {
        id: 'AwsSolutions-IAM4',
        reason:
          'AWS managed service-role policies that CDK attaches for Lambda: CloudWatch Logs writes (basic execution), ENI management (VPC access) and the MSK event source pollers (MSK execution); they are scoped by AWS to what the service needs.',
        appliesTo: managedPolicies.map(managedPolicy),
      },
    ],
    true,
  );
};

const suppressMigrationFindings = (migration: HashbridgeMigration): void => {
  suppressFunction(migration.migrationFunction, ['AWSLambdaBasicExecutionRole']);
  NagSuppressions.addResourceSuppressions(migration.userPool, [
    {
      id: 'AwsSolutions-COG1',
      reason:
        'Minimum length 12 with upper, lower and digits; symbols are not required (NIST SP 800-63B advises length over composition), and the policy only governs new and reset passwords, never migrated ones.',
    },
    {
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is off: users arrive through the migration trigger with their legacy password only, and there is no second factor to migrate; the operator can turn on optional MFA after the migration window.',
    },
    {
      id: 'AwsSolutions-COG8',
      reason:
        "The Plus feature plan (threat protection) is billed per monthly active user, a cost decision left to the operator (UserPool's featurePlan), not forced by the reference stack.",
    },
  ]);
  const pitrReason =
    'Point-in-time recovery is the pointInTimeRecovery option (off by default): the tables are a staging copy of data the legacy database still holds, re-loadable by running the producer again.';
  NagSuppressions.addResourceSuppressions(migration.table, [{ id: 'AwsSolutions-DDB3', reason: pitrReason }]);
  NagSuppressions.addResourceSuppressions(migration.quarantineTable, [{ id: 'AwsSolutions-DDB3', reason: pitrReason }]);
};

const suppressPipelineFindings = (pipeline: HashbridgePipeline): void => {
  suppressFunction(pipeline.loaderFunction, [
    'AWSLambdaBasicExecutionRole',
    'AWSLambdaVPCAccessExecutionRole',
    'AWSLambdaMSKExecutionRole',
  ]);
  // A deploy-time OperatorCidr parameter cannot be read at synthesis; its AllowedPattern refuses /0 instead.
  NagSuppressions.addResourceSuppressions(pipeline.clusterSecurityGroup, [
    {
      id: 'CdkNagValidationFailure',
      reason:
        'The 9198 rule may name the OperatorCidr parameter, unresolved at synthesis; its AllowedPattern refuses 0.0.0.0/0, and a CIDR given at synthesis is checked by validateOperatorCidr.',
      appliesTo: ['AwsSolutions-EC23'],
    },
  ]);
};

const suppressPublicAccessFindings = (publicAccess: MskPublicAccess): void => {
  for (const fn of [publicAccess.onEventFunction, publicAccess.isCompleteFunction]) {
    suppressFunction(fn, ['AWSLambdaBasicExecutionRole']);
  }
  NagSuppressions.addResourceSuppressions(
    [publicAccess.onEventFunction, publicAccess.isCompleteFunction],
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
    publicAccess.provider,
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
};

export { suppressMigrationFindings, suppressPipelineFindings, suppressPublicAccessFindings };
