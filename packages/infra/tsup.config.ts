import { defineConfig } from 'tsup';

export default defineConfig({
  // The public-access handler is built beside index.js: MskPublicAccess bundles it from there once installed.
  entry: {
    index: 'src/index.ts',
    'custom-resources/public-access-handler': 'src/custom-resources/public-access-handler.ts',
  },
  format: ['esm'],
  target: 'node20',
  dts: true,
  sourcemap: true,
  clean: true,
});
