import type { MSKEvent, MSKRecord } from 'aws-lambda';

/** A record as a Kafka client hands it over (kafkajs `KafkaMessage` plus its coordinates). */
interface KafkaRecordInput {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string | number;
  readonly timestamp: string | number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers?: Readonly<Record<string, Buffer | string | (Buffer | string)[] | undefined>>;
}

const LOCAL_CLUSTER_ARN =
  'arn:aws:kafka:local:000000000000:cluster/hashbridge-local/00000000-0000-0000-0000-000000000000-1';

/** MSK's header form: one object per header, the value as an array of byte values. */
const toMskHeaders = (headers: KafkaRecordInput['headers']): MSKRecord['headers'] =>
  Object.entries(headers ?? {}).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((one) => ({
      [name]: [...Buffer.from(one)],
    })),
  );

/**
 * Builds the event Lambda's MSK event source mapping delivers: records grouped under `topic-partition`,
 * keys and values base64, timestamps in milliseconds, `eventSource: 'aws:kafka'`.
 */
const toMskEvent = (records: readonly KafkaRecordInput[], bootstrapServers: string): MSKEvent => {
  const grouped: Record<string, MSKRecord[]> = {};
  for (const record of records) {
    const mskRecord: MSKRecord = {
      topic: record.topic,
      partition: record.partition,
      offset: Number(record.offset),
      timestamp: Number(record.timestamp),
      timestampType: 'CREATE_TIME',
      key: record.key === null ? '' : record.key.toString('base64'),
      value: record.value === null ? '' : record.value.toString('base64'),
      headers: toMskHeaders(record.headers),
    };
    const group = `${record.topic}-${record.partition}`;
    grouped[group] = [...(grouped[group] ?? []), mskRecord];
  }
  return { eventSource: 'aws:kafka', eventSourceArn: LOCAL_CLUSTER_ARN, bootstrapServers, records: grouped };
};

export type { KafkaRecordInput };
export { toMskEvent };
