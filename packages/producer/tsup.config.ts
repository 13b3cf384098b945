import { defineConfig } from 'tsup';

export default defineConfig({
  // The Kafka worker thread's module is loaded by path (dist/kafka-sink-worker.js), so it is an entry of its own.
  entry: { index: 'src/index.ts', cli: 'src/cli.ts', 'kafka-sink-worker': 'src/sink/kafka-sink-worker.ts' },
  format: ['esm'],
  target: 'node20',
  dts: true,
  sourcemap: true,
  clean: true,
});
