import { AspectPriority, Aspects, type IAspect, Stack } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import { CfnPermission } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';

const COGNITO_PRINCIPAL = 'cognito-idp.amazonaws.com';

/**
 * Adds `SourceAccount` to every permission that lets Cognito invoke a trigger of this pool. CDK scopes them by
 * `SourceArn` (the pool) only; AWS advises both for service principals (the confused-deputy guidance), so the
 * account still pins the caller should the ARN condition ever be loosened to a pattern.
 */
class TriggerSourceAccount implements IAspect {
  public visit(node: IConstruct): void {
    if (!(node instanceof CfnPermission) || node.sourceAccount !== undefined) return;
    const stack = Stack.of(node);
    if (stack.resolve(node.principal) !== COGNITO_PRINCIPAL) return;
    node.sourceAccount = stack.account;
  }
}

/**
 * Scopes the pool's trigger permissions by account as well as by the pool's ARN — those CDK adds now and those an
 * app adds later with `addTrigger`: an aspect visits them all at synthesis.
 *
 * @example
 * scopeTriggerPermissions(userPool);
 */
const scopeTriggerPermissions = (userPool: IUserPool): void => {
  Aspects.of(userPool).add(new TriggerSourceAccount(), { priority: AspectPriority.MUTATING });
};

export { scopeTriggerPermissions };
