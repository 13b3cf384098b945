import { QUARANTINE_TABLE, STAGING_TABLE } from '@hashbridge/core';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { StagingTables, type StagingTablesProps } from '../../src/index.js';
import { SYNTH_TIMEOUT } from '../helpers/synth-timeout.js';

const synth = (props?: StagingTablesProps): Template => {
  const stack = new Stack(new App(), 'Test');
  new StagingTables(stack, 'Tables', props);
  return Template.fromStack(stack);
};

describe('Class: StagingTables', { timeout: SYNTH_TIMEOUT }, () => {
  it('creates StandaloneUserHashes keyed by email, on demand, with the AWS owned key', () => {
    // Prepare & Act
    const template = synth();

    // Assess
    template.hasResource('AWS::DynamoDB::Table', {
      Properties: {
        TableName: 'StandaloneUserHashes',
        KeySchema: [{ AttributeName: 'email', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'email', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        // SSEEnabled false is how CloudFormation spells "the AWS owned key" (true would mean an AWS managed KMS key).
        SSESpecification: { SSEEnabled: false },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false },
      },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('creates the quarantine table keyed by recordId', () => {
    // Prepare & Act
    const template = synth();

    // Assess
    template.resourceCountIs('AWS::DynamoDB::Table', 2);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: 'StandaloneUserHashesQuarantine',
      KeySchema: [{ AttributeName: 'recordId', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'recordId', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it("turns TTL on for both tables, on the contract's expiresAt, so used hashes and quarantined records expire", () => {
    // Prepare & Act
    const template = synth();

    // Assess
    for (const TableName of ['StandaloneUserHashes', 'StandaloneUserHashesQuarantine']) {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        TableName,
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      });
    }
    expect([STAGING_TABLE.timeToLiveAttribute, QUARANTINE_TABLE.timeToLiveAttribute]).toEqual([
      'expiresAt',
      'expiresAt',
    ]);
  });

  it('leaves TTL off on both tables when told to', () => {
    // Prepare & Act
    const template = synth({ timeToLive: false });

    // Assess
    template.resourcePropertiesCountIs('AWS::DynamoDB::Table', { TimeToLiveSpecification: Match.absent() }, 2);
  });

  it('applies the names, point-in-time recovery and removal policy it is given', () => {
    // Prepare & Act
    const template = synth({
      tableName: 'LegacyUserHashes',
      quarantineTableName: 'LegacyQuarantine',
      pointInTimeRecovery: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // Assess
    template.hasResource('AWS::DynamoDB::Table', {
      Properties: {
        TableName: 'LegacyUserHashes',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      },
      DeletionPolicy: 'Delete',
    });
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: 'LegacyQuarantine',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    expect(template.findResources('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' })).toEqual({});
  });
});
