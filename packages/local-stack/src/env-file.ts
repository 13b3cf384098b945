import { readFileSync, writeFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import type { StackEnv } from './types/stack.js';

/** Writes the settings in dotenv form, so both `source`-ing shells and dotenv loaders can read them. */
const writeEnvFile = (file: string, env: StackEnv): void => {
  const lines = Object.entries(env).map(([key, value]) => `${key}=${value}`);
  writeFileSync(file, `# Written by \`npm run stack:up\`; removed by \`npm run stack:down\`.\n${lines.join('\n')}\n`, {
    mode: 0o600,
  });
};

const readEnvFile = (file: string): StackEnv => parseEnv(readFileSync(file, 'utf8')) as StackEnv;

export { readEnvFile, writeEnvFile };
