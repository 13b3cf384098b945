import { createServer } from 'node:net';

/**
 * Asks the kernel for a free loopback port. Another process could take it before the service binds
 * it; the service then fails to start and says so in its log, which is rare enough on a dev machine.
 */
const findFreePort = (): Promise<number> =>
  new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('the kernel gave no TCP port'));
        return;
      }
      server.close(() => resolvePort(address.port));
    });
  });

export { findFreePort };
