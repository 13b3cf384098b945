import { KafkaClient } from '@aws-sdk/client-kafka';
import { describe, expect, it } from 'vitest';
import { KafkaConnectivityClient } from '../../src/custom-resources/kafka-connectivity.js';
import { PublicAccessError } from '../../src/index.js';
import { CLUSTER_ARN, OPERATION_ARN, PUBLIC_BROKERS } from '../helpers/fake-kafka-connectivity.js';

interface SentCommand {
  readonly name: string;
  readonly input: unknown;
}

/**
 * A real SDK client whose requests never leave the process: a middleware at the first step records each
 * command and answers with the output a test gives for it, so the adapter's requests and its reading of MSK's
 * responses are checked without AWS.
 */
const clientAnswering = (outputs: Record<string, unknown>) => {
  const client = new KafkaClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-real-secret' },
  });
  const sent: SentCommand[] = [];
  client.middlewareStack.add(
    (_next, context) => async (args) => {
      const name = String(context.commandName);
      sent.push({ name, input: args.input });
      return { output: { $metadata: {}, ...(outputs[name] as object) }, response: {} };
    },
    { step: 'initialize', name: 'answerWithoutAws' },
  );
  return { kafka: new KafkaConnectivityClient(client), sent };
};

const provisioned = (publicAccess?: string) => ({
  ClusterInfo: {
    ClusterArn: CLUSTER_ARN,
    State: 'ACTIVE',
    CurrentVersion: 'K3AEGXETSR30VB',
    Provisioned: {
      BrokerNodeGroupInfo: {
        ClientSubnets: ['subnet-0a1b', 'subnet-2c3d'],
        ...(publicAccess === undefined ? {} : { ConnectivityInfo: { PublicAccess: { Type: publicAccess } } }),
      },
    },
  },
});

describe('Class: KafkaConnectivityClient', () => {
  it('reads the state, current version and public access of a provisioned cluster from DescribeClusterV2', async () => {
    // Prepare
    const { kafka, sent } = clientAnswering({ DescribeClusterV2Command: provisioned('SERVICE_PROVIDED_EIPS') });

    // Act
    const cluster = await kafka.describeCluster(CLUSTER_ARN);

    // Assess
    expect(cluster).toEqual({
      state: 'ACTIVE',
      currentVersion: 'K3AEGXETSR30VB',
      publicAccess: 'SERVICE_PROVIDED_EIPS',
    });
    expect(sent).toEqual([{ name: 'DescribeClusterV2Command', input: { ClusterArn: CLUSTER_ARN } }]);
  });

  it('takes a missing ConnectivityInfo for public access off', async () => {
    // Prepare
    const { kafka } = clientAnswering({ DescribeClusterV2Command: provisioned() });

    // Act
    const cluster = await kafka.describeCluster(CLUSTER_ARN);

    // Assess
    expect(cluster.publicAccess).toBe('DISABLED');
  });

  it('throws PublicAccessError for a serverless cluster', async () => {
    // Prepare
    const { kafka } = clientAnswering({
      DescribeClusterV2Command: { ClusterInfo: { State: 'ACTIVE', CurrentVersion: 'K1', Serverless: {} } },
    });

    // Act
    const describing = kafka.describeCluster(CLUSTER_ARN);

    // Assess
    await expect(describing).rejects.toThrow(PublicAccessError);
    await expect(describing).rejects.toThrow('not a provisioned MSK cluster');
  });

  it('throws PublicAccessError when DescribeClusterV2 lacks the current version', async () => {
    // Prepare
    const { kafka } = clientAnswering({
      DescribeClusterV2Command: { ClusterInfo: { State: 'ACTIVE', Provisioned: {} } },
    });

    // Act & Assess
    await expect(kafka.describeCluster(CLUSTER_ARN)).rejects.toThrow('no State or CurrentVersion');
  });

  it('asks UpdateConnectivity for SERVICE_PROVIDED_EIPS at the current version and returns the operation ARN', async () => {
    // Prepare
    const { kafka, sent } = clientAnswering({
      UpdateConnectivityCommand: { ClusterArn: CLUSTER_ARN, ClusterOperationArn: OPERATION_ARN },
    });

    // Act
    const operationArn = await kafka.turnOnPublicAccess(CLUSTER_ARN, 'K3AEGXETSR30VB');

    // Assess
    expect(operationArn).toBe(OPERATION_ARN);
    expect(sent).toEqual([
      {
        name: 'UpdateConnectivityCommand',
        input: {
          ClusterArn: CLUSTER_ARN,
          CurrentVersion: 'K3AEGXETSR30VB',
          ConnectivityInfo: { PublicAccess: { Type: 'SERVICE_PROVIDED_EIPS' } },
        },
      },
    ]);
  });

  it('throws PublicAccessError when UpdateConnectivity returns no operation ARN', async () => {
    // Prepare
    const { kafka } = clientAnswering({ UpdateConnectivityCommand: { ClusterArn: CLUSTER_ARN } });

    // Act & Assess
    await expect(kafka.turnOnPublicAccess(CLUSTER_ARN, 'K3AEGXETSR30VB')).rejects.toThrow(PublicAccessError);
  });

  it('reads the state and error of an operation from DescribeClusterOperationV2', async () => {
    // Prepare
    const { kafka, sent } = clientAnswering({
      DescribeClusterOperationV2Command: {
        ClusterOperationInfo: {
          OperationArn: OPERATION_ARN,
          OperationState: 'UPDATE_FAILED',
          OperationType: 'UPDATE_CONNECTIVITY',
          ErrorInfo: { ErrorCode: 'InvalidSubnet', ErrorString: 'subnet-0a1b is not public' },
        },
      },
    });

    // Act
    const operation = await kafka.describeOperation(OPERATION_ARN);

    // Assess
    expect(operation).toEqual({
      state: 'UPDATE_FAILED',
      errorCode: 'InvalidSubnet',
      errorMessage: 'subnet-0a1b is not public',
    });
    expect(sent).toEqual([
      { name: 'DescribeClusterOperationV2Command', input: { ClusterOperationArn: OPERATION_ARN } },
    ]);
  });

  it('reads an operation without an error as its state alone', async () => {
    // Prepare
    const { kafka } = clientAnswering({
      DescribeClusterOperationV2Command: { ClusterOperationInfo: { OperationState: 'UPDATE_IN_PROGRESS' } },
    });

    // Act
    const operation = await kafka.describeOperation(OPERATION_ARN);

    // Assess
    expect(operation).toEqual({ state: 'UPDATE_IN_PROGRESS' });
  });

  it('throws PublicAccessError when DescribeClusterOperationV2 has no state', async () => {
    // Prepare
    const { kafka } = clientAnswering({ DescribeClusterOperationV2Command: {} });

    // Act & Assess
    await expect(kafka.describeOperation(OPERATION_ARN)).rejects.toThrow('no OperationState');
  });

  it('returns BootstrapBrokerStringPublicSaslIam from GetBootstrapBrokers, and undefined when absent', async () => {
    // Prepare
    const withPublic = clientAnswering({
      GetBootstrapBrokersCommand: {
        BootstrapBrokerStringSaslIam: 'b-1.hashbridge.abc123.c2.kafka.eu-west-1.amazonaws.com:9098',
        BootstrapBrokerStringPublicSaslIam: PUBLIC_BROKERS,
      },
    });
    const withoutPublic = clientAnswering({
      GetBootstrapBrokersCommand: {
        BootstrapBrokerStringSaslIam: 'b-1.hashbridge.abc123.c2.kafka.eu-west-1.amazonaws.com:9098',
      },
    });

    // Act
    const brokers = await withPublic.kafka.getPublicIamBootstrapBrokers(CLUSTER_ARN);
    const none = await withoutPublic.kafka.getPublicIamBootstrapBrokers(CLUSTER_ARN);

    // Assess
    expect(brokers).toBe(PUBLIC_BROKERS);
    expect(none).toBeUndefined();
    expect(withPublic.sent).toEqual([{ name: 'GetBootstrapBrokersCommand', input: { ClusterArn: CLUSTER_ARN } }]);
  });
});
