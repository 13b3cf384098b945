export { KAFKA_CLOSE_TIMEOUT_MS, KAFKA_REQUEST_TIMEOUT_MS, KAFKA_RETRIES } from './constants.js';
export type { KafkaClientOptions, KafkaConnectionSettings, KafkaSettings } from './kafka-client.js';
export { createKafkaProducer, createTopic, kafkaClientOptionsFor, mskIamTokenProvider } from './kafka-client.js';
export type { KafkaPublisherOptions } from './kafka-publisher.js';
export { KafkaPublisher } from './kafka-publisher.js';
export { murmur2, murmur2Partitioner } from './murmur2-partitioner.js';
