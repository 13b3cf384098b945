import { QUARANTINE_TABLE, STAGING_TABLE } from '@hashbridge/core';
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { DEFAULTS } from './constants.js';

interface StagingTablesProps {
  /** Name of the staging table. @default STAGING_TABLE.name (from @hashbridge/core) */
  readonly tableName?: string;
  /** Name of the table poison Kafka records are quarantined in. @default QUARANTINE_TABLE.name (from @hashbridge/core) */
  readonly quarantineTableName?: string;
  /** Point-in-time recovery on both tables. @default false */
  readonly pointInTimeRecovery?: boolean;
  /**
   * DynamoDB TTL on both tables, on the attribute the contract names (`expiresAt`, epoch seconds): the Migration
   * Lambda sets it when a user migrates and the Loader when it quarantines a record, so no legacy hash outlives
   * its use. With `false` every record stays until deleted by hand; the expiries are written all the same, so
   * turning TTL on later deletes whatever is already due. @default true
   */
  readonly timeToLive?: boolean;
  /**
   * What happens to the tables when the stack is deleted. The staging table holds every legacy user's
   * password hash: keeping it by default avoids losing the only copy outside the legacy database.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The staging table the Loader writes and the Migration Lambda reads (one item per normalised email), and the
 * quarantine table for records the Loader could not accept. Both on-demand: the load is a burst, then sign-ins
 * trickle in.
 *
 * @example
 * const tables = new StagingTables(this, 'Tables', { pointInTimeRecovery: true });
 * tables.table.grantReadData(myFunction);
 */
class StagingTables extends Construct {
  public readonly table: Table;
  public readonly quarantineTable: Table;

  public constructor(scope: Construct, id: string, props: StagingTablesProps = {}) {
    super(scope, id);
    const pointInTimeRecoverySpecification = { pointInTimeRecoveryEnabled: props.pointInTimeRecovery ?? false };
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const timeToLive = props.timeToLive ?? true;

    this.table = new Table(this, 'Table', {
      tableName: props.tableName ?? DEFAULTS.stagingTableName,
      partitionKey: { name: STAGING_TABLE.partitionKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      // DEFAULT is the AWS owned key: no KMS key to pay for or to grant the functions.
      encryption: TableEncryption.DEFAULT,
      pointInTimeRecoverySpecification,
      ...(timeToLive ? { timeToLiveAttribute: STAGING_TABLE.timeToLiveAttribute } : {}),
      removalPolicy,
    });

    this.quarantineTable = new Table(this, 'QuarantineTable', {
      tableName: props.quarantineTableName ?? DEFAULTS.quarantineTableName,
      partitionKey: { name: QUARANTINE_TABLE.partitionKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.DEFAULT,
      pointInTimeRecoverySpecification,
      ...(timeToLive ? { timeToLiveAttribute: QUARANTINE_TABLE.timeToLiveAttribute } : {}),
      removalPolicy,
    });
    this.suppressNagFindings();
  }

  /** The cdk-nag AwsSolutions finding these tables accept, with its reason; any other still fails. */
  private suppressNagFindings(): void {
    const reason =
      'Point-in-time recovery is the pointInTimeRecovery option (off by default): the tables are a staging copy of data the legacy database still holds, re-loadable by running the producer again.';
    for (const table of [this.table, this.quarantineTable]) {
      NagSuppressions.addResourceSuppressions(table, [{ id: 'AwsSolutions-DDB3', reason }]);
    }
  }
}

export type { StagingTablesProps };
export { StagingTables };
