import { PublicAccessError } from '../errors.js';
import type {
  KafkaConnectivityPort,
  PublicAccessCheck,
  PublicAccessCheckRequest,
  PublicAccessRequest,
  PublicAccessStarted,
  PublicAccessType,
} from '../types/public-access.js';

const ENABLED: PublicAccessType = 'SERVICE_PROVIDED_EIPS';

const CLUSTER_ARN = /^arn:aws[a-z-]*:kafka:[a-z0-9-]+:\d{12}:cluster\/[^/]+\/[^/]+$/;

const NOT_YET: PublicAccessCheck = { IsComplete: false };

/** What MSK requires before it turns public access on, so that a refusal says what to check. */
const CONDITIONS =
  'MSK requires brokers in subnets routed to an internet gateway, unauthenticated access off, IAM (or SCRAM/mTLS) on, TLS-only client traffic and in-cluster encryption';

const readClusterArn = (request: PublicAccessRequest): string => {
  const clusterArn = request.ResourceProperties.ClusterArn;
  if (typeof clusterArn !== 'string' || !CLUSTER_ARN.test(clusterArn)) {
    throw new PublicAccessError(
      `the ClusterArn property must be an MSK cluster ARN (arn:<partition>:kafka:<region>:<account>:cluster/<name>/<uuid>), got ${JSON.stringify(clusterArn)}`,
    );
  }
  return clusterArn;
};

// MSK does not list its operation states; these are the ones its documentation and API show ending badly.
const hasFailed = (operationState: string): boolean =>
  operationState.includes('FAILED') || operationState.startsWith('ROLLBACK');

/**
 * The custom resource's `onEvent`: starts turning public access on for the cluster named by `ClusterArn`, with
 * the cluster's current version as UpdateConnectivity requires, and returns at once; `checkPublicAccess` then
 * waits for the operation. Doing nothing is the answer when public access is already on, so Update events and
 * retried deployments are safe.
 *
 * @example
 * const started = await startPublicAccess(kafka, { RequestType: 'Create', ResourceProperties: { ClusterArn } });
 * // { PhysicalResourceId: ClusterArn, ClusterOperationArn: 'arn:aws:kafka:…:cluster-operation/…' }
 */
const startPublicAccess = async (
  kafka: KafkaConnectivityPort,
  request: PublicAccessRequest,
): Promise<PublicAccessStarted> => {
  if (request.RequestType === 'Delete') {
    // Nothing to undo. CloudFormation deletes this resource just before the cluster (or because the cluster was
    // replaced); MSK releases the public IPs with the cluster, and turning access off first would only add
    // another half-hour operation to a cluster about to go. Keeping the physical ID acknowledges the deletion.
    return { PhysicalResourceId: request.PhysicalResourceId };
  }
  const clusterArn = readClusterArn(request);
  const cluster = await kafka.describeCluster(clusterArn);
  if (cluster.publicAccess === ENABLED) return { PhysicalResourceId: clusterArn };
  if (cluster.state !== 'ACTIVE') {
    throw new PublicAccessError(
      `cannot turn on public access for ${clusterArn} while the cluster is ${cluster.state}: MSK runs one operation at a time and accepts updates only when the cluster is ACTIVE; deploy again once it is`,
    );
  }
  try {
    const operationArn = await kafka.turnOnPublicAccess(clusterArn, cluster.currentVersion);
    return { PhysicalResourceId: clusterArn, ClusterOperationArn: operationArn };
  } catch (error) {
    throw new PublicAccessError(
      `MSK refused to turn on public access for ${clusterArn} (${error instanceof Error ? error.message : String(error)}); ${CONDITIONS}`,
      { cause: error },
    );
  }
};

/**
 * The custom resource's `isComplete`, called until it answers `IsComplete: true` or the provider's total timeout
 * passes: not complete while the UpdateConnectivity operation (or any other operation on the cluster) runs;
 * complete, with the public IAM bootstrap brokers as `Data`, once the cluster is ACTIVE with public access on.
 * Throws, which fails the deployment with its message, when the operation fails or MSK gives no public brokers.
 */
const checkPublicAccess = async (
  kafka: KafkaConnectivityPort,
  request: PublicAccessCheckRequest,
): Promise<PublicAccessCheck> => {
  if (request.RequestType === 'Delete') return { IsComplete: true };
  const clusterArn = readClusterArn(request);
  const operationArn = request.ClusterOperationArn;
  if (operationArn !== undefined) {
    const operation = await kafka.describeOperation(operationArn);
    if (hasFailed(operation.state)) {
      const reason = [operation.errorCode, operation.errorMessage].filter((part) => part !== undefined).join(': ');
      throw new PublicAccessError(
        `turning on public access for ${clusterArn} ended ${operation.state}${reason === '' ? '' : ` (${reason})`}; public access stays off. ${CONDITIONS}. The operation is ${operationArn}`,
      );
    }
    if (operation.state !== 'UPDATE_COMPLETE') return NOT_YET;
  }
  const cluster = await kafka.describeCluster(clusterArn);
  if (cluster.state === 'FAILED' || cluster.state === 'DELETING') {
    throw new PublicAccessError(`the cluster ${clusterArn} is ${cluster.state}; public access cannot be turned on`);
  }
  if (cluster.state !== 'ACTIVE') return NOT_YET;
  if (cluster.publicAccess !== ENABLED) {
    throw new PublicAccessError(
      `the cluster ${clusterArn} is ACTIVE but its public access is ${cluster.publicAccess}: something turned it off meanwhile; deploy again to turn it back on`,
    );
  }
  const brokers = (await kafka.getPublicIamBootstrapBrokers(clusterArn))?.trim() ?? '';
  if (brokers === '') {
    throw new PublicAccessError(
      `MSK returned no public IAM bootstrap brokers (BootstrapBrokerStringPublicSaslIam) for ${clusterArn}, though public access is on: the public port 9198 exists only with IAM authentication turned on`,
    );
  }
  return { IsComplete: true, Data: { BootstrapBrokerStringPublicSaslIam: brokers } };
};

export { checkPublicAccess, startPublicAccess };
