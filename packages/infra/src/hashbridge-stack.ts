import { CfnOutput, CfnParameter, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { HashbridgeMigration, type HashbridgeMigrationProps } from './hashbridge-migration.js';
import { HashbridgeMonitoring, type HashbridgeMonitoringProps } from './hashbridge-monitoring.js';
import { HashbridgePipeline, type HashbridgePipelineProps } from './hashbridge-pipeline.js';
import { OPERATOR_CIDR_PATTERN } from './operator-cidr.js';

interface HashbridgeStackProps extends StackProps {
  readonly migration?: HashbridgeMigrationProps;
  /**
   * The pipeline's settings; its `operatorCidr`, when absent, becomes the required deploy-time parameter
   * `OperatorCidr` (checked by an AllowedPattern).
   */
  readonly pipeline?: Omit<HashbridgePipelineProps, 'table' | 'quarantineTable' | 'operatorCidr' | 'hashRetention'> & {
    readonly operatorCidr?: string;
  };
  /** The dashboard's and the alarms' settings, e.g. the SNS topic the alarms notify. */
  readonly monitoring?: Pick<HashbridgeMonitoringProps, 'alarmTopic' | 'offsetLagThreshold' | 'dashboardName'>;
}

/**
 * The reference deployment: everything hashbridge needs in one stack, with the outputs the producer and the
 * login page are configured from. Environment-agnostic (no account or region lookups), so it synthesizes
 * offline and deploys to whichever account and region the CLI targets.
 */
class HashbridgeStack extends Stack {
  public readonly migration: HashbridgeMigration;
  public readonly pipeline: HashbridgePipeline;
  public readonly monitoring: HashbridgeMonitoring;

  public constructor(scope: Construct, id: string, props: HashbridgeStackProps = {}) {
    super(scope, id, props);
    this.migration = new HashbridgeMigration(this, 'Migration', props.migration);
    const operatorCidr =
      props.pipeline?.operatorCidr ??
      new CfnParameter(this, 'OperatorCidr', {
        type: 'String',
        description: "The operator's IPv4 CIDR (e.g. 203.0.113.7/32), the only source allowed on MSK's port 9198",
        allowedPattern: OPERATOR_CIDR_PATTERN,
        constraintDescription: 'an IPv4 CIDR with a prefix of /1 to /32',
      }).valueAsString;
    this.pipeline = new HashbridgePipeline(this, 'Pipeline', {
      ...props.pipeline,
      operatorCidr,
      table: this.migration.table,
      quarantineTable: this.migration.quarantineTable,
      // One retention for both sides: set it once, as migration.hashRetention.
      hashRetention: this.migration.hashRetention,
    });
    this.monitoring = new HashbridgeMonitoring(this, 'Monitoring', {
      ...props.monitoring,
      migrationFunction: this.migration.migrationFunction,
      loaderFunction: this.pipeline.loaderFunction,
      preSignUpFunction: this.migration.preSignUpFunction,
    });

    new CfnOutput(this, 'StagingTableName', { value: this.migration.table.tableName });
    new CfnOutput(this, 'QuarantineTableName', { value: this.migration.quarantineTable.tableName });
    new CfnOutput(this, 'UserPoolId', { value: this.migration.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.migration.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'Region', { value: this.region });
    new CfnOutput(this, 'Topic', { value: this.pipeline.topic });
    new CfnOutput(this, 'ClusterArn', { value: this.pipeline.cluster.attrArn });
    new CfnOutput(this, 'PublicBootstrapBrokers', {
      description: "MSK's public IAM bootstrap brokers (port 9198), for hashbridge-producer --brokers",
      value: this.pipeline.publicAccess.publicBootstrapBrokers,
    });
    new CfnOutput(this, 'ProducerPolicyArn', { value: this.pipeline.producerPolicy.managedPolicyArn });
  }
}

export type { HashbridgeStackProps };
export { HashbridgeStack };
