import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { bundleApp, PUBLIC_DIR } from './app-bundle.js';
import type { AppConfig } from './src/app-config.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Bundles the app (in memory, so parallel runs never race on `dist/`) and serves it on loopback with `config.json`
 * written from `config`: the page reads its pool at start, as a deployed copy reads the operator's file.
 */
const serveLoginAmplify = async (config: AppConfig, port = 0): Promise<{ server: Server; url: string }> => {
  const bundle = await bundleApp();
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    if (path === '/config.json') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(config));
      return;
    }
    const bundled = bundle.get(path.slice(1));
    if (bundled !== undefined) {
      response.writeHead(200, { 'content-type': type }).end(bundled);
      return;
    }
    const file = normalize(join(PUBLIC_DIR, path === '/' ? 'index.html' : path));
    if (!file.startsWith(PUBLIC_DIR)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? type }).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        server,
        url: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : port}/`,
      });
    });
  });
};

export { serveLoginAmplify };
