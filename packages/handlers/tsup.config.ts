import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/loader.ts', 'src/migration.ts', 'src/pre-sign-up.ts'],
  format: ['esm'],
  target: 'node20',
  dts: true,
  sourcemap: true,
  clean: true,
});
