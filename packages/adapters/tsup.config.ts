import { defineConfig } from 'tsup';

export default defineConfig({
  // One entry per subpath export, and the Kafka worker thread's module, which is loaded by path.
  entry: {
    index: 'src/index.ts',
    cognito: 'src/cognito/index.ts',
    dynamodb: 'src/dynamodb/index.ts',
    kafka: 'src/kafka/index.ts',
    postgres: 'src/postgres/index.ts',
    'kafka-publisher-worker': 'src/kafka/kafka-publisher-worker.ts',
  },
  format: ['esm'],
  target: 'node20',
  dts: true,
  sourcemap: true,
  clean: true,
});
