import { describe, expect, it } from 'vitest';
import { checkPublicAccess, startPublicAccess } from '../../src/custom-resources/public-access.js';
import { PublicAccessError } from '../../src/index.js';
import type { PublicAccessCheckRequest, PublicAccessRequest } from '../../src/types/public-access.js';
import {
  CLUSTER_ARN,
  FakeKafkaConnectivity,
  OPERATION_ARN,
  PUBLIC_BROKERS,
} from '../helpers/fake-kafka-connectivity.js';

const request = (
  requestType: PublicAccessRequest['RequestType'],
  extra: Partial<PublicAccessCheckRequest> = {},
): PublicAccessCheckRequest => ({
  RequestType: requestType,
  ResourceProperties: { ClusterArn: CLUSTER_ARN, ClusterSettingsDigest: 'd668ba3b' },
  ...(requestType === 'Create' ? {} : { PhysicalResourceId: CLUSTER_ARN }),
  ...extra,
});

describe('Function: startPublicAccess', () => {
  it.each(['Create', 'Update'] as const)(
    'starts UpdateConnectivity with the current version on %s and passes the operation on',
    async (requestType) => {
      // Prepare
      const kafka = new FakeKafkaConnectivity();

      // Act
      const started = await startPublicAccess(kafka, request(requestType));

      // Assess
      expect(started).toEqual({ PhysicalResourceId: CLUSTER_ARN, ClusterOperationArn: OPERATION_ARN });
      expect(kafka.calls).toEqual([
        `describeCluster ${CLUSTER_ARN}`,
        `turnOnPublicAccess ${CLUSTER_ARN} K3AEGXETSR30VB`,
      ]);
    },
  );

  it('starts nothing when public access is already on', async () => {
    // Prepare
    const kafka = new FakeKafkaConnectivity();
    kafka.cluster = { ...kafka.cluster, publicAccess: 'SERVICE_PROVIDED_EIPS' };

    // Act
    const started = await startPublicAccess(kafka, request('Update'));

    // Assess
    expect(started).toEqual({ PhysicalResourceId: CLUSTER_ARN });
    expect(kafka.calls).toEqual([`describeCluster ${CLUSTER_ARN}`]);
  });

  it('throws PublicAccessError, without calling UpdateConnectivity, while another operation updates the cluster', async () => {
    // Prepare
    const kafka = new FakeKafkaConnectivity();
    kafka.cluster = { ...kafka.cluster, state: 'UPDATING' };

    // Act
    const starting = startPublicAccess(kafka, request('Create'));

    // Assess
    await expect(starting).rejects.toThrow(PublicAccessError);
    await expect(starting).rejects.toThrow(/while the cluster is UPDATING.*deploy again once it is/);
    expect(kafka.calls).toEqual([`describeCluster ${CLUSTER_ARN}`]);
  });

  it("throws PublicAccessError with MSK's reason and the conditions when MSK refuses", async () => {
    // Prepare
    const kafka = new FakeKafkaConnectivity();
    const refusal = new Error('The subnets of the cluster are not public');
    kafka.refusal = refusal;

    // Act
    const error = await startPublicAccess(kafka, request('Create')).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(PublicAccessError);
    expect((error as PublicAccessError).message).toContain('The subnets of the cluster are not public');
    expect((error as PublicAccessError).message).toContain('internet gateway');
    expect((error as PublicAccessError).cause).toBe(refusal);
  });

  it('does nothing on Delete and keeps the physical ID', async () => {
    // Prepare
    const kafka = new FakeKafkaConnectivity();

    // Act
    const started = await startPublicAccess(kafka, request('Delete'));

    // Assess
    expect(started).toEqual({ PhysicalResourceId: CLUSTER_ARN });
    expect(kafka.calls).toEqual([]);
  });

  it.each([
    ['missing', undefined],
    ['not a string', 42],
    ['not an MSK cluster ARN', 'arn:aws:s3:::hashbridge'],
  ])('throws PublicAccessError when ClusterArn is %s', async (_, clusterArn) => {
    // Prepare
    const kafka = new FakeKafkaConnectivity();

    // Act
    const starting = startPublicAccess(kafka, {
      RequestType: 'Create',
      ResourceProperties: { ClusterArn: clusterArn },
    });

    // Assess
    await expect(starting).rejects.toThrow(PublicAccessError);
    await expect(starting).rejects.toThrow(/ClusterArn property must be an MSK cluster ARN/);
    expect(kafka.calls).toEqual([]);
  });
});

describe('Function: checkPublicAccess', () => {
  it.each(['PENDING', 'UPDATE_IN_PROGRESS'])('is not complete while the operation is %s', async (state) => {
    // Prepare
    const kafka = new FakeKafkaConnectivity();
    kafka.operation = { state };

    // Act
    const check = await checkPublicAccess(kafka, request('Create', { ClusterOperationArn: OPERATION_ARN }));

    // Assess
    expect(check).toEqual({ IsComplete: false });
    expect(kafka.calls).toEqual([`describeOperation ${OPERATION_ARN}`]);
  });

  it('returns the public IAM bootstrap brokers once the operation is done and the cluster is ACTIVE', async () => {
    // Prepare
    const kafka = new FakeKafkaConnectivity();
    kafka.operation = { state: 'UPDATE_COMPLETE' };
    kafka.cluster = { ...kafka.cluster, publicAccess: 'SERVICE_PROVIDED_EIPS' };

    // Act
    const check = await checkPublicAccess(kafka, request('Create', { ClusterOperationArn: OPERATION_ARN }));

    // Assess
    expect(check).toEqual({ IsComplete: true, Data: { BootstrapBrokerStringPublicSaslIam: PUBLIC_BROKERS } });
    expect(kafka.calls).toEqual([
      `describeOperation ${OPERATION_ARN}`,
      `describeCluster ${CLUSTER_ARN}`,
      `getPublicIamBootstrapBrokers ${CLUSTER_ARN}`,
    ]);
  });

  it('is not complete while the cluster is not yet back to ACTIVE after the operation', async () => {
    // Prepare
    const kafka = new FakeKafkaConnectivity();
    kafka.operation = { state: 'UPDATE_COMPLETE' };
    kafka.cluster = { ...kafka.cluster, state: 'UPDATING', publicAccess: 'SERVICE_PROVIDED_EIPS' };

    // Act
    const check = await checkPublicAccess(kafka, request('Create', { ClusterOperationArn: OPERATION_ARN }));

    // Assess
    expect(check).toEqual({ IsComplete: false });
  });

  it('reads the brokers without an operation when public access was already on', async () => {
    // Prepare
    const kafka = new FakeKafkaConnectivity();
    kafka.cluster = { ...kafka.cluster, publicAccess: 'SERVICE_PROVIDED_EIPS' };

    // Act
    const check = await checkPublicAccess(kafka, request('Update'));

    // Assess
    expect(check).toEqual({ IsComplete: true, Data: { BootstrapBrokerStringPublicSaslIam: PUBLIC_BROKERS } });
    expect(kafka.calls).toEqual([`describeCluster ${CLUSTER_ARN}`, `getPublicIamBootstrapBrokers ${CLUSTER_ARN}`]);
  });

  it("throws PublicAccessError with MSK's error when the operation ends UPDATE_FAILED", async () => {
    // Prepare
    const kafka = new FakeKafkaConnectivity();
    kafka.operation = {
      state: 'UPDATE_FAILED',
      errorCode: 'InvalidSubnet',
      errorMessage: 'subnet-0a1b has no route to an internet gateway',
    };

    // Act
    const checking = checkPublicAccess(kafka, request('Create', { ClusterOperationArn: OPERATION_ARN }));

    // Assess
    await expect(checking).rejects.toThrow(PublicAccessError);
    await expect(checking).rejects.toThrow(
      'ended UPDATE_FAILED (InvalidSubnet: subnet-0a1b has no route to an internet gateway); public access stays off',
    );
  });

  it('throws PublicAccessError naming the operation when it ends ROLLBACK_COMPLETE without an error', async () => {
    // Prepare
    const kafka = new FakeKafkaConnectivity();
    kafka.operation = { state: 'ROLLBACK_COMPLETE' };

    // Act
    const checking = checkPublicAccess(kafka, request('Create', { ClusterOperationArn: OPERATION_ARN }));

    // Assess
    await expect(checking).rejects.toThrow(PublicAccessError);
    await expect(checking).rejects.toThrow(`ended ROLLBACK_COMPLETE; public access stays off`);
    await expect(checking).rejects.toThrow(OPERATION_ARN);
  });

  it('throws PublicAccessError when MSK returns no public IAM bootstrap brokers', async () => {
    // Prepare
    const kafka = new FakeKafkaConnectivity();
    kafka.operation = { state: 'UPDATE_COMPLETE' };
    kafka.cluster = { ...kafka.cluster, publicAccess: 'SERVICE_PROVIDED_EIPS' };
    kafka.brokers = undefined;

    // Act
    const checking = checkPublicAccess(kafka, request('Create', { ClusterOperationArn: OPERATION_ARN }));

    // Assess
    await expect(checking).rejects.toThrow(PublicAccessError);
    await expect(checking).rejects.toThrow(/no public IAM bootstrap brokers \(BootstrapBrokerStringPublicSaslIam\)/);
  });

  it('throws PublicAccessError when the cluster is ACTIVE with public access off after the operation', async () => {
    // Prepare
    const kafka = new FakeKafkaConnectivity();
    kafka.operation = { state: 'UPDATE_COMPLETE' };

    // Act
    const checking = checkPublicAccess(kafka, request('Create', { ClusterOperationArn: OPERATION_ARN }));

    // Assess
    await expect(checking).rejects.toThrow(/ACTIVE but its public access is DISABLED/);
  });

  it.each(['FAILED', 'DELETING'])('throws PublicAccessError when the cluster is %s', async (state) => {
    // Prepare
    const kafka = new FakeKafkaConnectivity();
    kafka.cluster = { ...kafka.cluster, state, publicAccess: 'SERVICE_PROVIDED_EIPS' };

    // Act
    const checking = checkPublicAccess(kafka, request('Update'));

    // Assess
    await expect(checking).rejects.toThrow(PublicAccessError);
    await expect(checking).rejects.toThrow(`is ${state}`);
  });

  it('is complete on Delete without asking MSK anything', async () => {
    // Prepare
    const kafka = new FakeKafkaConnectivity();

    // Act
    const check = await checkPublicAccess(kafka, request('Delete'));

    // Assess
    expect(check).toEqual({ IsComplete: true });
    expect(kafka.calls).toEqual([]);
  });
});
