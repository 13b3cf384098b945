#!/usr/bin/env node
// Runs the TypeScript entry through tsx when working from source; the built one otherwise.
import { existsSync } from 'node:fs';

const built = new URL('../dist/local-event-source/cli.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/local-event-source/cli.ts', import.meta.url).href);
}
