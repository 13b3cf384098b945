import { defineConfig } from 'vitest/config';

/**
 * One command runs every test: `unit` needs nothing but Node; `parity` compares @hashbridge/core with live
 * passlib and libpass processes (their virtualenvs are built on first use); `integration` talks to the real
 * services of the local stack, which its global setup starts (or reuses when one is running).
 */
export default defineConfig({
  test: {
    // The AWS SDK warns once per process that it will drop Node 20 in 2027; the README says so instead.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/tests/unit/**/*.test.ts', 'examples/*/tests/unit/**/*.test.ts'],
          // A guard against hangs, not a speed check: hashing tests take seconds while the three projects
          // share the 2 cores of a CI machine (several passed 5 s there and nowhere else).
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'parity',
          include: ['packages/*/tests/parity/**/*.test.ts'],
          globalSetup: ['packages/core/tests/parity/global-setup.ts'],
          setupFiles: ['packages/core/tests/parity/use-native-backends.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['packages/*/tests/integration/**/*.test.ts', 'examples/*/tests/integration/**/*.test.ts'],
          globalSetup: ['packages/local-stack/src/testing/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
