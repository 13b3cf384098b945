import { NagSuppressions } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * What the constructs share for the cdk-nag AwsSolutions findings they accept. Each construct attaches its own
 * suppressions, with their reasons, beside its code (so an app that drops one into its own stack and runs
 * cdk-nag sees the same reasons); this module knows none of the constructs, so nothing imports in a circle.
 */

/** How cdk-nag names an AWS managed service-role policy in `appliesTo`. */
const managedPolicy = (name: string): string => `Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/${name}`;

const RUNTIME_REASON =
  'Node.js 22 is the runtime the handlers are built (esbuild target node22) and tested for; moving to a newer one is a deliberate upgrade.';

/** The findings every function of this package accepts: its runtime, and the managed policies CDK attaches. */
const suppressFunctionFindings = (fn: IConstruct, managedPolicies: string[]): void => {
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

export { managedPolicy, suppressFunctionFindings };
