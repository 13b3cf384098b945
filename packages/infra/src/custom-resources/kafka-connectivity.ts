import {
  DescribeClusterOperationV2Command,
  DescribeClusterV2Command,
  GetBootstrapBrokersCommand,
  type KafkaClient,
  UpdateConnectivityCommand,
} from '@aws-sdk/client-kafka';
import { PublicAccessError } from '../errors.js';
import type { ClusterConnectivity, ClusterOperationStatus, KafkaConnectivityPort } from '../types/public-access.js';

/**
 * The KafkaConnectivityPort over the AWS SDK's MSK client, which it receives ready-made (region, retries and
 * credentials are the caller's choice). It maps MSK's responses to the port's shapes and says clearly when a
 * response lacks what the port promises.
 *
 * @example
 * const kafka = new KafkaConnectivityClient(new KafkaClient({}));
 * const { state, publicAccess } = await kafka.describeCluster(clusterArn);
 */
class KafkaConnectivityClient implements KafkaConnectivityPort {
  readonly #client: KafkaClient;

  public constructor(client: KafkaClient) {
    this.#client = client;
  }

  public async describeCluster(clusterArn: string): Promise<ClusterConnectivity> {
    const { ClusterInfo: cluster } = await this.#client.send(new DescribeClusterV2Command({ ClusterArn: clusterArn }));
    if (cluster?.Provisioned === undefined) {
      throw new PublicAccessError(`${clusterArn} is not a provisioned MSK cluster; only those have public access`);
    }
    if (cluster.State === undefined || cluster.CurrentVersion === undefined) {
      throw new PublicAccessError(`DescribeClusterV2 returned no State or CurrentVersion for ${clusterArn}`);
    }
    return {
      state: cluster.State,
      currentVersion: cluster.CurrentVersion,
      // MSK leaves ConnectivityInfo out for clusters that never changed it, which means public access is off.
      publicAccess: cluster.Provisioned.BrokerNodeGroupInfo?.ConnectivityInfo?.PublicAccess?.Type ?? 'DISABLED',
    };
  }

  public async turnOnPublicAccess(clusterArn: string, currentVersion: string): Promise<string> {
    const { ClusterOperationArn } = await this.#client.send(
      new UpdateConnectivityCommand({
        ClusterArn: clusterArn,
        CurrentVersion: currentVersion,
        ConnectivityInfo: { PublicAccess: { Type: 'SERVICE_PROVIDED_EIPS' } },
      }),
    );
    if (ClusterOperationArn === undefined) {
      throw new PublicAccessError(`UpdateConnectivity returned no ClusterOperationArn for ${clusterArn}`);
    }
    return ClusterOperationArn;
  }

  public async describeOperation(operationArn: string): Promise<ClusterOperationStatus> {
    const { ClusterOperationInfo: operation } = await this.#client.send(
      new DescribeClusterOperationV2Command({ ClusterOperationArn: operationArn }),
    );
    if (operation?.OperationState === undefined) {
      throw new PublicAccessError(`DescribeClusterOperationV2 returned no OperationState for ${operationArn}`);
    }
    return {
      state: operation.OperationState,
      ...(operation.ErrorInfo?.ErrorCode === undefined ? {} : { errorCode: operation.ErrorInfo.ErrorCode }),
      ...(operation.ErrorInfo?.ErrorString === undefined ? {} : { errorMessage: operation.ErrorInfo.ErrorString }),
    };
  }

  public async getPublicIamBootstrapBrokers(clusterArn: string): Promise<string | undefined> {
    const brokers = await this.#client.send(new GetBootstrapBrokersCommand({ ClusterArn: clusterArn }));
    return brokers.BootstrapBrokerStringPublicSaslIam;
  }
}

export { KafkaConnectivityClient };
