/**
 * Per-test limit for tests that synthesize: the first synthesis in a file loads aws-cdk-lib and stages assets
 * (the Provider framework's, the native hash layer's), which on a busy 2-core machine outlasts vitest's 5 s.
 * A limit, not a measurement: speed is measured in benchmarks/.
 */
const SYNTH_TIMEOUT = 30_000;

export { SYNTH_TIMEOUT };
