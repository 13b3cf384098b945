import type {
  ClusterConnectivity,
  ClusterOperationStatus,
  KafkaConnectivityPort,
} from '../../src/types/public-access.js';

const CLUSTER_ARN = 'arn:aws:kafka:eu-west-1:123456789012:cluster/hashbridge/0a1b2c3d-4e5f-6789-abcd-ef0123456789-2';
const OPERATION_ARN =
  'arn:aws:kafka:eu-west-1:123456789012:cluster-operation/hashbridge/0a1b2c3d-4e5f-6789-abcd-ef0123456789-2/7f8e9d0c-1b2a-3c4d-5e6f-708192a3b4c5';
const PUBLIC_BROKERS =
  'b-1-public.hashbridge.abc123.c2.kafka.eu-west-1.amazonaws.com:9198,b-2-public.hashbridge.abc123.c2.kafka.eu-west-1.amazonaws.com:9198';

/**
 * Stands in for MSK in the pure unit tests of the public-access logic: each answer is a field a test sets, and
 * every call is recorded, so a test can say both what the logic returned and what it asked MSK to do.
 */
class FakeKafkaConnectivity implements KafkaConnectivityPort {
  public cluster: ClusterConnectivity = { state: 'ACTIVE', currentVersion: 'K3AEGXETSR30VB', publicAccess: 'DISABLED' };
  public operation: ClusterOperationStatus = { state: 'UPDATE_IN_PROGRESS' };
  public brokers: string | undefined = PUBLIC_BROKERS;
  /** When set, UpdateConnectivity fails with it. */
  public refusal: Error | undefined;
  public readonly calls: string[] = [];

  public async describeCluster(clusterArn: string): Promise<ClusterConnectivity> {
    this.calls.push(`describeCluster ${clusterArn}`);
    return this.cluster;
  }

  public async turnOnPublicAccess(clusterArn: string, currentVersion: string): Promise<string> {
    this.calls.push(`turnOnPublicAccess ${clusterArn} ${currentVersion}`);
    if (this.refusal !== undefined) throw this.refusal;
    return OPERATION_ARN;
  }

  public async describeOperation(operationArn: string): Promise<ClusterOperationStatus> {
    this.calls.push(`describeOperation ${operationArn}`);
    return this.operation;
  }

  public async getPublicIamBootstrapBrokers(clusterArn: string): Promise<string | undefined> {
    this.calls.push(`getPublicIamBootstrapBrokers ${clusterArn}`);
    return this.brokers;
  }
}

export { CLUSTER_ARN, FakeKafkaConnectivity, OPERATION_ARN, PUBLIC_BROKERS };
