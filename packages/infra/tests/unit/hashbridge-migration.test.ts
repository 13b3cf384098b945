import { readMigrationConfig } from '@hashbridge/handlers';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { HashbridgeMigration, type HashbridgeMigrationProps } from '../../src/index.js';
import { inlineCode } from '../helpers/inline-code.js';
import { SYNTH_TIMEOUT } from '../helpers/synth-timeout.js';

const synth = (props: HashbridgeMigrationProps = {}): { template: Template; stack: Stack } => {
  const stack = new Stack(new App(), 'Test');
  new HashbridgeMigration(stack, 'Migration', { migrationCode: inlineCode(), ...props });
  return { template: Template.fromStack(stack), stack };
};

const logicalIdOf = (template: Template, type: string, properties: Record<string, unknown> = {}): string => {
  const ids = Object.keys(template.findResources(type, { Properties: properties }));
  expect(ids).toHaveLength(1);
  return ids[0] as string;
};

describe('Class: HashbridgeMigration', { timeout: SYNTH_TIMEOUT }, () => {
  it('runs the Migration Lambda on Node 22, inside Cognito 5 s, with one vCPU and the table name', () => {
    // Prepare & Act
    const { template } = synth();

    // Assess
    const tableId = logicalIdOf(template, 'AWS::DynamoDB::Table', { TableName: 'StandaloneUserHashes' });
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Timeout: 4,
      MemorySize: 1769,
      Environment: { Variables: { STAGING_TABLE: { Ref: tableId } } },
    });
  });

  it('grants the Migration Lambda GetItem and UpdateItem on the staging table only', () => {
    // Prepare & Act
    const { template } = synth();

    // Assess
    const tableId = logicalIdOf(template, 'AWS::DynamoDB::Table', { TableName: 'StandaloneUserHashes' });
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    expect(policies).toHaveLength(1);
    expect(policies[0]?.Properties.PolicyDocument.Statement).toEqual([
      {
        Action: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
        Effect: 'Allow',
        Resource: [{ 'Fn::GetAtt': [tableId, 'Arn'] }],
      },
    ]);
  });

  it('signs in by email, case-insensitively, with a password policy and no self sign-up', () => {
    // Prepare & Act
    const { template } = synth();

    // Assess
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      AutoVerifiedAttributes: ['email'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: false,
        },
      },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    });
  });

  it('wires the User Migration trigger to the Migration Lambda and lets Cognito invoke it', () => {
    // Prepare & Act
    const { template } = synth();

    // Assess
    const functionId = logicalIdOf(template, 'AWS::Lambda::Function');
    const poolId = logicalIdOf(template, 'AWS::Cognito::UserPool');
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { UserMigration: { 'Fn::GetAtt': [functionId, 'Arn'] } },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [poolId, 'Arn'] },
    });
  });

  it('creates an app client without secret that allows USER_PASSWORD_AUTH, SRP and refresh only', () => {
    // Prepare & Act
    const { template } = synth();

    // Assess
    const poolId = logicalIdOf(template, 'AWS::Cognito::UserPool');
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      UserPoolId: { Ref: poolId },
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      AllowedOAuthFlows: Match.absent(),
      CallbackURLs: Match.absent(),
    });
  });

  it('keeps the user pool when the stack is deleted, unless told otherwise', () => {
    // Prepare & Act
    const { template } = synth();

    // Assess
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain' });
  });

  it('names the staging table it is given in the grant and the environment', () => {
    // Prepare & Act
    const { template } = synth({ tableName: 'LegacyUserHashes', migrationMemorySize: 3008 });

    // Assess
    const tableId = logicalIdOf(template, 'AWS::DynamoDB::Table', { TableName: 'LegacyUserHashes' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 3008,
      Environment: { Variables: { STAGING_TABLE: { Ref: tableId } } },
    });
  });

  describe('with resetWeakPasswords', () => {
    /** The Migration Lambda's environment variables, as synthesized. */
    const environmentOf = (template: Template): Record<string, unknown> => {
      const [migrationFunction] = Object.values(template.findResources('AWS::Lambda::Function'));
      return migrationFunction?.Properties.Environment.Variables ?? {};
    };

    it("hands the Migration Lambda the user pool's own password policy as PASSWORD_STRENGTH_RULE", () => {
      // Prepare & Act
      const { template } = synth({ resetWeakPasswords: true });

      // Assess: the rule says what the pool's policy says, key by key, in the names the handler reads.
      const rule = JSON.parse(String(environmentOf(template).PASSWORD_STRENGTH_RULE));
      const [pool] = Object.values(template.findResources('AWS::Cognito::UserPool'));
      const policy = pool?.Properties.Policies.PasswordPolicy;
      expect(rule).toEqual({
        minLength: policy.MinimumLength,
        requireLowercase: policy.RequireLowercase,
        requireUppercase: policy.RequireUppercase,
        requireDigits: policy.RequireNumbers,
        requireSymbols: policy.RequireSymbols,
      });
      expect(rule).toEqual({
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: false,
      });
    });

    it('sets a value the Migration Lambda accepts at load, as the same rule', () => {
      // Prepare
      const { template } = synth({ resetWeakPasswords: true });
      const value = String(environmentOf(template).PASSWORD_STRENGTH_RULE);

      // Act
      const config = readMigrationConfig({ PASSWORD_STRENGTH_RULE: value });

      // Assess
      expect(config.PASSWORD_STRENGTH_RULE).toEqual(JSON.parse(value));
    });

    it('sets no PASSWORD_STRENGTH_RULE when off, the default', () => {
      // Prepare & Act
      const byDefault = synth();
      const off = synth({ resetWeakPasswords: false });

      // Assess: every correct password then migrates CONFIRMED.
      for (const { template } of [byDefault, off]) {
        expect(environmentOf(template)).not.toHaveProperty('PASSWORD_STRENGTH_RULE');
        template.hasResourceProperties('AWS::Lambda::Function', {
          Environment: { Variables: { PASSWORD_STRENGTH_RULE: Match.absent() } },
        });
      }
    });
  });
});
