/**
 * Entry of the stack's Lambda endpoint process: `node --import tsx main.ts --port <port> --root <workspace>`.
 */
import { parseArgs } from 'node:util';
import { readStackFunctions } from './functions.js';
import { createInvokeServer } from './invoke-server.js';

const { values } = parseArgs({ options: { port: { type: 'string' }, root: { type: 'string' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0 || values.root === undefined) {
  process.stderr.write('usage: main.ts --port <port> --root <workspace root>\n');
  process.exit(2);
}
const stackFunctions = readStackFunctions(values.root);

const server = createInvokeServer(stackFunctions, (entry) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
});
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(
    `Lambda Invoke endpoint on http://127.0.0.1:${port} serving: ${Object.keys(stackFunctions).join(', ') || '(no functions yet)'}\n`,
  );
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
