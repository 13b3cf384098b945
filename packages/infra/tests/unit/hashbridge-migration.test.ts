import { readMigrationConfig } from '@hashbridge/handlers';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { type UserPool, UserPoolOperation } from 'aws-cdk-lib/aws-cognito';
import { describe, expect, it } from 'vitest';
import { HashbridgeMigration, type HashbridgeMigrationProps, InfraError } from '../../src/index.js';
import { inlineCode } from '../helpers/inline-code.js';
import { SYNTH_TIMEOUT } from '../helpers/synth-timeout.js';

const synth = (props: HashbridgeMigrationProps = {}): { template: Template; stack: Stack } => {
  const stack = new Stack(new App(), 'Test');
  new HashbridgeMigration(stack, 'Migration', { migrationCode: inlineCode(), ...props });
  return { template: Template.fromStack(stack), stack };
};

/** The environment variables of the function whose description starts with `description`, as synthesized. */
const environmentOf = (
  template: Template,
  description = 'hashbridge: Cognito User Migration',
): Record<string, unknown> => {
  const [fn] = Object.values(template.findResources('AWS::Lambda::Function')).filter((resource) =>
    String(resource.Properties.Description).startsWith(description),
  );
  return fn?.Properties.Environment.Variables ?? {};
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

  it('lets Cognito invoke the trigger for this pool and from this account only (SourceArn and SourceAccount)', () => {
    // Prepare & Act
    const { template } = synth();

    // Assess
    const poolId = logicalIdOf(template, 'AWS::Cognito::UserPool');
    template.resourceCountIs('AWS::Lambda::Permission', 1);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [poolId, 'Arn'] },
      SourceAccount: { Ref: 'AWS::AccountId' },
    });
  });

  it('scopes a trigger the app adds later the same way', () => {
    // Prepare
    const stack = new Stack(new App(), 'Test');
    const migration = new HashbridgeMigration(stack, 'Migration', { migrationCode: inlineCode() });
    const pool = migration.userPool as UserPool;

    // Act
    pool.addTrigger(UserPoolOperation.POST_CONFIRMATION, migration.migrationFunction);

    // Assess
    const permissions = Template.fromStack(stack).findResources('AWS::Lambda::Permission');
    expect(Object.values(permissions).map((permission) => permission.Properties.SourceAccount)).toEqual([
      { Ref: 'AWS::AccountId' },
      { Ref: 'AWS::AccountId' },
    ]);
  });

  describe('retention and lockout', () => {
    it("hands the Migration Lambda 30 days of retention and Cognito's lockout (5 failures, 15 minutes) by default", () => {
      // Prepare & Act
      const { template } = synth();

      // Assess: set even at their defaults, so the template says what is in force.
      expect(environmentOf(template)).toMatchObject({
        HASH_RETENTION_DAYS: '30',
        LOCKOUT_THRESHOLD: '5',
        LOCKOUT_MAX_SECONDS: '900',
      });
    });

    it('hands it the retention and the lockout it is given, in days and seconds', () => {
      // Prepare & Act
      const { template } = synth({
        hashRetention: Duration.days(7),
        lockoutThreshold: 3,
        lockoutMaxDuration: Duration.minutes(5),
      });

      // Assess
      expect(environmentOf(template)).toMatchObject({
        HASH_RETENTION_DAYS: '7',
        LOCKOUT_THRESHOLD: '3',
        LOCKOUT_MAX_SECONDS: '300',
      });
    });

    it.each([
      ['the defaults', {}],
      [
        'the smallest values it accepts',
        { hashRetention: Duration.days(1), lockoutThreshold: 1, lockoutMaxDuration: Duration.seconds(1) },
      ],
      [
        'the largest values it accepts',
        { hashRetention: Duration.days(3650), lockoutThreshold: 100, lockoutMaxDuration: Duration.days(1) },
      ],
    ])('sets values the Migration Lambda accepts at load, with %s', (_, props: HashbridgeMigrationProps) => {
      // Prepare
      const environment = environmentOf(synth(props).template) as Record<string, string>;

      // Act
      const config = readMigrationConfig({ ...environment, STAGING_TABLE: 'StandaloneUserHashes' });

      // Assess
      expect([config.HASH_RETENTION_DAYS, config.LOCKOUT_THRESHOLD, config.LOCKOUT_MAX_SECONDS].map(String)).toEqual([
        environment.HASH_RETENTION_DAYS,
        environment.LOCKOUT_THRESHOLD,
        environment.LOCKOUT_MAX_SECONDS,
      ]);
    });

    it.each([
      ['a retention in part days', { hashRetention: Duration.hours(36) }, /hashRetention/],
      ['a threshold of 0', { lockoutThreshold: 0 }, /lockoutThreshold/],
      ['a lock of part seconds', { lockoutMaxDuration: Duration.millis(2500) }, /lockoutMaxDuration/],
    ])('throws InfraError for %s', (_, props: HashbridgeMigrationProps, name) => {
      expect(() => synth(props)).toThrow(InfraError);
      expect(() => synth(props)).toThrow(name);
    });
  });

  describe('PreSignUp guard', () => {
    const guardOf = (template: Template) =>
      Object.entries(template.findResources('AWS::Lambda::Function')).filter(([, fn]) =>
        String(fn.Properties.Description).includes('PreSignUp'),
      );

    it('is off, with self sign-up, by default: one function, no PreSignUp trigger', () => {
      // Prepare & Act
      const { template } = synth();

      // Assess
      expect(guardOf(template)).toEqual([]);
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        LambdaConfig: { PreSignUp: Match.absent() },
      });
    });

    it('comes with self sign-up: the guard is the PreSignUp trigger, reading the staging table', () => {
      // Prepare & Act
      const { template } = synth({ selfSignUpEnabled: true, preSignUpCode: inlineCode() });

      // Assess
      const [guard] = guardOf(template);
      const tableId = logicalIdOf(template, 'AWS::DynamoDB::Table', { TableName: 'StandaloneUserHashes' });
      expect(guard?.[1].Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Timeout: 4,
      });
      // The one variable the guard reads, and nothing it does not need.
      expect(guard?.[1].Properties.Environment.Variables).toEqual({ STAGING_TABLE: { Ref: tableId } });
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
        LambdaConfig: { PreSignUp: { 'Fn::GetAtt': [guard?.[0], 'Arn'] } },
      });
    });

    it('may GetItem on the staging table and nothing else', () => {
      // Prepare & Act
      const { template } = synth({ preSignUpGuard: true, preSignUpCode: inlineCode() });

      // Assess
      const [guard] = guardOf(template);
      const tableId = logicalIdOf(template, 'AWS::DynamoDB::Table', { TableName: 'StandaloneUserHashes' });
      const guardRole = guard?.[1].Properties.Role['Fn::GetAtt'][0];
      const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) =>
        policy.Properties.Roles.some((role: { Ref: string }) => role.Ref === guardRole),
      );
      expect(policies.map((policy) => policy.Properties.PolicyDocument.Statement)).toEqual([
        [{ Action: 'dynamodb:GetItem', Effect: 'Allow', Resource: [{ 'Fn::GetAtt': [tableId, 'Arn'] }] }],
      ]);
    });

    it('lets Cognito invoke it for this pool and from this account only', () => {
      // Prepare & Act
      const { template } = synth({ preSignUpGuard: true, preSignUpCode: inlineCode() });

      // Assess
      const [guard] = guardOf(template);
      const poolId = logicalIdOf(template, 'AWS::Cognito::UserPool');
      template.hasResourceProperties('AWS::Lambda::Permission', {
        FunctionName: { 'Fn::GetAtt': [guard?.[0], 'Arn'] },
        Principal: 'cognito-idp.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [poolId, 'Arn'] },
        SourceAccount: { Ref: 'AWS::AccountId' },
      });
    });

    it('can be had without self sign-up (the pool stays admin-only)', () => {
      // Prepare & Act
      const { template } = synth({ preSignUpGuard: true, preSignUpCode: inlineCode() });

      // Assess
      expect(guardOf(template)).toHaveLength(1);
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      });
    });

    it('warns at synthesis when self sign-up is on and the guard turned off', () => {
      // Prepare & Act
      const { stack } = synth({ selfSignUpEnabled: true, preSignUpGuard: false });

      // Assess
      const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('preSignUpGuard'));
      expect(warnings).toHaveLength(1);
    });
  });

  describe('with resetWeakPasswords', () => {
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
