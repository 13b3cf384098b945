/**
 * What the public-access custom resource needs from MSK, as a port: the handlers' logic depends on this
 * interface only, so it runs against a fake in unit tests and against the AWS SDK in Lambda.
 */

/** MSK's `PublicAccess.Type`: off, or public IPs allocated by MSK. */
type PublicAccessType = 'DISABLED' | 'SERVICE_PROVIDED_EIPS';

/** The parts of DescribeClusterV2 that decide what to do next. */
interface ClusterConnectivity {
  /** ACTIVE, CREATING, UPDATING, MAINTENANCE, HEALING, REBOOTING_BROKER, DELETING or FAILED. */
  readonly state: string;
  /** The version UpdateConnectivity must name; it changes with every update of the cluster. */
  readonly currentVersion: string;
  /** As MSK reports it; a value other than the two known ones is passed through unchanged. */
  readonly publicAccess: string;
}

/** The parts of DescribeClusterOperationV2 that tell how an UpdateConnectivity went. */
interface ClusterOperationStatus {
  /** PENDING, UPDATE_IN_PROGRESS, UPDATE_COMPLETE, UPDATE_FAILED, … (MSK does not enumerate them). */
  readonly state: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
}

interface KafkaConnectivityPort {
  describeCluster(clusterArn: string): Promise<ClusterConnectivity>;
  /** Starts turning public access on; resolves to the ARN of the cluster operation doing it. */
  turnOnPublicAccess(clusterArn: string, currentVersion: string): Promise<string>;
  describeOperation(operationArn: string): Promise<ClusterOperationStatus>;
  /** `BootstrapBrokerStringPublicSaslIam` (port 9198), or `undefined` when MSK returns none. */
  getPublicIamBootstrapBrokers(clusterArn: string): Promise<string | undefined>;
}

/** The request the CDK Provider framework hands to both handlers (the fields they read). */
interface PublicAccessRequest {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: Readonly<Record<string, unknown>>;
}

/** What `onEvent` answers; the framework passes its fields on to every `isComplete` call. */
interface PublicAccessStarted {
  /** The cluster ARN; on Delete the one CloudFormation sent, so the resource keeps its identity. */
  readonly PhysicalResourceId?: string;
  /** Present when this request started an UpdateConnectivity; absent when public access was already on. */
  readonly ClusterOperationArn?: string;
}

type PublicAccessCheckRequest = PublicAccessRequest & Partial<PublicAccessStarted>;

interface PublicAccessCheck {
  readonly IsComplete: boolean;
  /** Named as in GetBootstrapBrokers; the construct reads it with `getAttString`. */
  readonly Data?: { readonly BootstrapBrokerStringPublicSaslIam: string };
}

export type {
  ClusterConnectivity,
  ClusterOperationStatus,
  KafkaConnectivityPort,
  PublicAccessCheck,
  PublicAccessCheckRequest,
  PublicAccessRequest,
  PublicAccessStarted,
  PublicAccessType,
};
