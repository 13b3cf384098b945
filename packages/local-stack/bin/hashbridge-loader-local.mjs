#!/usr/bin/env node
// The local stack runs from TypeScript source (it is never built): register tsx, then run the CLI.
const { register } = await import('tsx/esm/api');
register();
await import(new URL('../src/event-source/cli.ts', import.meta.url).href);
