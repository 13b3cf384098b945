// Benchmark only, loaded with `--import`: holds every write to the Kafka port (DELAY_PORT) back for DELAY_MS
// before it goes out, so each request to the broker waits as it would across the internet to MSK. Writes
// keep their order (timers of one duration fire in the order they were set). Threads inherit `--import`, so
// the producer's Kafka worker thread is delayed too.
import net from 'node:net';

const port = Number(process.env.DELAY_PORT);
const delayMs = Number(process.env.DELAY_MS ?? 50);
const write = net.Socket.prototype.write;

net.Socket.prototype.write = function delayedWrite(...args) {
  if (this.remotePort !== port) return write.apply(this, args);
  const callback = typeof args.at(-1) === 'function' ? args.pop() : undefined;
  setTimeout(() => write.call(this, ...args, callback), delayMs);
  return true;
};
