import { ENVIRONMENT } from '@hashbridge/core';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  type IUserPool,
  type IUserPoolClient,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Code, Function as LambdaFunction, LayerVersion } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { DEFAULTS, USER_POOL_PASSWORD_RULE } from './constants.js';
import { createHandlerFunction } from './handler-function.js';
import { suppressFunctionFindings } from './nag-suppressions.js';
import { createNativeHashLayer } from './native-hash-layer.js';
import { StagingTables, type StagingTablesProps } from './staging-tables.js';

interface HashbridgeMigrationProps extends StagingTablesProps {
  /** Memory of the Migration Lambda, in MB; CPU grows with it. @default 1769 (one full vCPU) */
  readonly migrationMemorySize?: number;
  /** Ready-made code for the Migration Lambda. @default bundles @hashbridge/handlers/migration */
  readonly migrationCode?: Code;
  /**
   * What happens to the user pool when the stack is deleted: it holds every migrated user.
   * @default RemovalPolicy.RETAIN
   */
  readonly userPoolRemovalPolicy?: RemovalPolicy;
  /**
   * Attach the layer with the native bcrypt/argon2 backends (faster; without it the WebAssembly fallback
   * answers the same, argon2 several times slower). @default true
   */
  readonly nativeHashLayer?: boolean;
  /**
   * Hold legacy passwords to the user pool's password policy: Cognito does not apply it to a migrated password,
   * so the Migration Lambda gets the policy as its `PASSWORD_STRENGTH_RULE`, and a user whose password is
   * correct but would not satisfy the policy is migrated with RESET_REQUIRED and must choose a new one before
   * signing in. @default false (every correct password migrates CONFIRMED)
   */
  readonly resetWeakPasswords?: boolean;
}

/**
 * The sign-in half of hashbridge: the staging tables, the Migration Lambda, and a Cognito user pool whose User
 * Migration trigger is that Lambda, with an app client that can sign in with USER_PASSWORD_AUTH (the only
 * kind of sign-in that hands the trigger a password).
 *
 * @example
 * const migration = new HashbridgeMigration(this, 'Migration', { pointInTimeRecovery: true });
 * new CfnOutput(this, 'ClientId', { value: migration.userPoolClient.userPoolClientId });
 */
class HashbridgeMigration extends Construct {
  public readonly table: Table;
  public readonly quarantineTable: Table;
  public readonly migrationFunction: LambdaFunction;
  /** The native hash backends' layer, when attached. */
  public readonly nativeHashLayer: LayerVersion | undefined;
  public readonly userPool: IUserPool;
  public readonly userPoolClient: IUserPoolClient;

  public constructor(scope: Construct, id: string, props: HashbridgeMigrationProps = {}) {
    super(scope, id);
    const tables = new StagingTables(this, 'Tables', props);
    this.table = tables.table;
    this.quarantineTable = tables.quarantineTable;

    this.nativeHashLayer = props.nativeHashLayer === false ? undefined : createNativeHashLayer(this, 'NativeHashLayer');
    this.migrationFunction = createHandlerFunction(this, 'MigrationFunction', {
      handlerName: 'migration',
      description: 'hashbridge: Cognito User Migration trigger, verifies legacy passlib hashes',
      memorySize: props.migrationMemorySize ?? DEFAULTS.migrationMemorySize,
      timeout: Duration.seconds(DEFAULTS.migrationTimeoutSeconds),
      environment: {
        [ENVIRONMENT.stagingTable]: this.table.tableName,
        // The pool's own policy, from the same constant as the pool below, so the two cannot drift apart.
        ...(props.resetWeakPasswords === true
          ? { [ENVIRONMENT.passwordStrengthRule]: JSON.stringify(USER_POOL_PASSWORD_RULE) }
          : {}),
      },
      logGroup: new LogGroup(this, 'MigrationLogs', {
        retention: RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
      ...(props.migrationCode === undefined ? {} : { code: props.migrationCode }),
      ...(this.nativeHashLayer === undefined ? {} : { layers: [this.nativeHashLayer] }),
    });
    // Exactly what the handler calls: a consistent GetItem, and the UpdateItem that records migratedAt.
    this.table.grant(this.migrationFunction, 'dynamodb:GetItem', 'dynamodb:UpdateItem');

    const userPool = new UserPool(this, 'UserPool', {
      signInAliases: { email: true },
      // Users type their email in any case; fixed at creation, so it must be right the first time.
      signInCaseSensitive: false,
      selfSignUpEnabled: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      // Cognito applies it to new and reset passwords only; a migrated legacy password is held to it only when
      // resetWeakPasswords hands it to the Migration Lambda (which then asks weak ones to be reset).
      passwordPolicy: { ...USER_POOL_PASSWORD_RULE, tempPasswordValidity: Duration.days(3) },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      lambdaTriggers: { userMigration: this.migrationFunction },
      removalPolicy: props.userPoolRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    this.userPool = userPool;
    this.userPoolClient = this.addClient(userPool);
    this.suppressNagFindings();
  }

  private addClient(userPool: UserPool): UserPoolClient {
    return userPool.addClient('WebClient', {
      // A browser page calls InitiateAuth directly: a secret could not be kept there.
      generateSecret: false,
      // USER_PASSWORD_AUTH is what triggers the migration; SRP for users already migrated; refresh is implied.
      authFlows: { userPassword: true, userSrp: true },
      // Unknown user and wrong password look the same to a caller, as the trigger itself answers.
      preventUserExistenceErrors: true,
      // The login page uses the API, not the hosted UI: no OAuth flows or callback URLs to leave open.
      disableOAuth: true,
    });
  }

  /**
   * The cdk-nag AwsSolutions findings this construct accepts, each with its reason; any other still fails. The
   * tables' own are StagingTables'.
   */
  private suppressNagFindings(): void {
    suppressFunctionFindings(this.migrationFunction, ['AWSLambdaBasicExecutionRole']);
    NagSuppressions.addResourceSuppressions(this.userPool, [
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
  }
}

export type { HashbridgeMigrationProps };
export { HashbridgeMigration };
