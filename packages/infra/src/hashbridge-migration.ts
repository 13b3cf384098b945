import { ENVIRONMENT } from '@hashbridge/core';
import { Annotations, Duration, RemovalPolicy } from 'aws-cdk-lib';
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
import { validateHashRetention, validateLockoutMaxDuration, validateLockoutThreshold } from './migration-settings.js';
import { suppressFunctionFindings } from './nag-suppressions.js';
import { createNativeHashLayer } from './native-hash-layer.js';
import { StagingTables, type StagingTablesProps } from './staging-tables.js';
import { scopeTriggerPermissions } from './trigger-permissions.js';

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
  /**
   * How long a migrated user's staged record (with its legacy hash) is kept after the migration, and a record the
   * Loader quarantined after it arrived, before DynamoDB's TTL deletes it: long enough to repair a user creation
   * that went wrong, short enough that the hash does not live on in a second database. Whole days, 1 to 3650;
   * HashbridgeStack hands the same value to the Loader. @default Duration.days(30)
   */
  readonly hashRetention?: Duration;
  /**
   * Consecutive failed sign-ins after which a staged user (not yet in the pool, so outside Cognito's own
   * lockout) is locked: 1 s, doubling with each further failure up to `lockoutMaxDuration`. 1 to 100.
   * @default 5 (Cognito's own rule for users in a pool)
   */
  readonly lockoutThreshold?: number;
  /** The longest such lock, whole seconds from 1 s to 1 day. @default Duration.minutes(15) (Cognito's) */
  readonly lockoutMaxDuration?: Duration;
  /**
   * Let people create accounts themselves (SignUp). Anyone could then register a legacy user's email before that
   * user signs in, and keep the user from ever reaching the Migration trigger: `preSignUpGuard` (on by default
   * with self sign-up) refuses such sign-ups. @default false
   */
  readonly selfSignUpEnabled?: boolean;
  /**
   * A PreSignUp trigger that refuses a self sign-up whose email belongs to a staged user who has not migrated
   * yet. It reads the staging table with GetItem and nothing else. @default selfSignUpEnabled
   */
  readonly preSignUpGuard?: boolean;
  /** Ready-made code for the PreSignUp guard. @default bundles @hashbridge/handlers/pre-sign-up */
  readonly preSignUpCode?: Code;
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
  /** The PreSignUp guard, when on. */
  public readonly preSignUpFunction: LambdaFunction | undefined;
  /** The validated retention the Migration Lambda was given, for the Loader to be given the same. */
  public readonly hashRetention: Duration;
  /** The native hash backends' layer, when attached. */
  public readonly nativeHashLayer: LayerVersion | undefined;
  public readonly userPool: IUserPool;
  public readonly userPoolClient: IUserPoolClient;

  public constructor(scope: Construct, id: string, props: HashbridgeMigrationProps = {}) {
    super(scope, id);
    const tables = new StagingTables(this, 'Tables', props);
    this.table = tables.table;
    this.quarantineTable = tables.quarantineTable;
    const retentionDays = validateHashRetention(props.hashRetention ?? Duration.days(DEFAULTS.hashRetentionDays));
    this.hashRetention = Duration.days(retentionDays);
    const lockoutThreshold = validateLockoutThreshold(props.lockoutThreshold ?? DEFAULTS.lockoutThreshold);
    const lockoutMaxSeconds = validateLockoutMaxDuration(
      props.lockoutMaxDuration ?? Duration.seconds(DEFAULTS.lockoutMaxSeconds),
    );

    this.nativeHashLayer = props.nativeHashLayer === false ? undefined : createNativeHashLayer(this, 'NativeHashLayer');
    this.migrationFunction = createHandlerFunction(this, 'MigrationFunction', {
      handlerName: 'migration',
      description: 'hashbridge: Cognito User Migration trigger, verifies legacy passlib hashes',
      memorySize: props.migrationMemorySize ?? DEFAULTS.migrationMemorySize,
      timeout: Duration.seconds(DEFAULTS.migrationTimeoutSeconds),
      environment: {
        [ENVIRONMENT.stagingTable]: this.table.tableName,
        // Set even at their defaults, so the template says what is in force.
        [ENVIRONMENT.retentionDays]: String(retentionDays),
        [ENVIRONMENT.lockoutThreshold]: String(lockoutThreshold),
        [ENVIRONMENT.lockoutMaxSeconds]: String(lockoutMaxSeconds),
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
    // Exactly what the handler calls: a consistent GetItem, and UpdateItem both to count a failed sign-in and to
    // record migratedAt with the expiry.
    this.table.grant(this.migrationFunction, 'dynamodb:GetItem', 'dynamodb:UpdateItem');

    const selfSignUpEnabled = props.selfSignUpEnabled ?? false;
    this.preSignUpFunction =
      (props.preSignUpGuard ?? selfSignUpEnabled) ? this.createPreSignUpGuard(props.preSignUpCode) : undefined;
    if (selfSignUpEnabled && this.preSignUpFunction === undefined) {
      Annotations.of(this).addWarningV2(
        '@hashbridge/infra:selfSignUpWithoutGuard',
        "self sign-up without preSignUpGuard: anyone can register a staged user's email first and block that user's migration",
      );
    }

    const userPool = new UserPool(this, 'UserPool', {
      signInAliases: { email: true },
      // Users type their email in any case; fixed at creation, so it must be right the first time.
      signInCaseSensitive: false,
      selfSignUpEnabled,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      // Cognito applies it to new and reset passwords only; a migrated legacy password is held to it only when
      // resetWeakPasswords hands it to the Migration Lambda (which then asks weak ones to be reset).
      passwordPolicy: { ...USER_POOL_PASSWORD_RULE, tempPasswordValidity: Duration.days(3) },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      lambdaTriggers: {
        userMigration: this.migrationFunction,
        ...(this.preSignUpFunction === undefined ? {} : { preSignUp: this.preSignUpFunction }),
      },
      removalPolicy: props.userPoolRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    scopeTriggerPermissions(userPool);
    this.userPool = userPool;
    this.userPoolClient = this.addClient(userPool);
    this.suppressNagFindings();
  }

  /** The PreSignUp guard: one GetItem on the staging table, inside Cognito's 5 s like the Migration trigger. */
  private createPreSignUpGuard(code: Code | undefined): LambdaFunction {
    const guard = createHandlerFunction(this, 'PreSignUpFunction', {
      handlerName: 'pre-sign-up',
      description: 'hashbridge: Cognito PreSignUp trigger, refuses sign-ups with the email of a staged user',
      memorySize: DEFAULTS.preSignUpMemorySize,
      timeout: Duration.seconds(DEFAULTS.migrationTimeoutSeconds),
      environment: { [ENVIRONMENT.stagingTable]: this.table.tableName },
      logGroup: new LogGroup(this, 'PreSignUpLogs', {
        retention: RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
      ...(code === undefined ? {} : { code }),
    });
    this.table.grant(guard, 'dynamodb:GetItem');
    suppressFunctionFindings(guard, ['AWSLambdaBasicExecutionRole']);
    return guard;
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
