#!/usr/bin/env -S node --max-semi-space-size=64 --min-semi-space-size=64
// A young generation of 64 MiB per semi-space (V8's default is 16): the batches in flight outlive fewer
// scavenges, which took a sixth off the CPU time of a 1M-row export (benchmarks/pipeline.md). Sized once
// rather than grown by V8 as the run warms up, so memory is the same for a small table as for a large one
// (flat at about 400 MiB over a 3M-row export). The flags are process-wide, so the Kafka worker thread gets
// them too. Where the shebang's arguments are ignored (npm's Windows shims), the producer runs the same with
// V8's defaults.
// Runs the built CLI; from a source checkout without a build, the TypeScript through tsx.
import { existsSync } from 'node:fs';

const built = new URL('../dist/operator-cli.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/operator-cli.ts', import.meta.url).href);
}
