/** Reports progress: a redrawn bar on a terminal, a plain line every few seconds otherwise. */
interface Progress {
  readonly update: (done: number) => void;
  readonly finish: (done: number) => void;
}

const formatDuration = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** `total` undefined: the amount is not known beforehand (a table scan), so the line shows no percentage or ETA. */
const createProgress = (
  total: number | undefined,
  mode: 'auto' | 'bar' | 'lines' | 'off',
  stream: NodeJS.WriteStream = process.stderr,
): Progress => {
  const started = performance.now();
  const style = mode === 'auto' ? (stream.isTTY ? 'bar' : 'lines') : mode;
  let lastLine = 0;
  const line = (done: number): { percent: number | undefined; text: string } => {
    const seconds = (performance.now() - started) / 1000;
    const rate = done / Math.max(seconds, 1e-3);
    if (total === undefined) return { percent: undefined, text: `${done} items  ${Math.round(rate)} items/s` };
    const eta = (total - done) / rate;
    const percent = total === 0 ? 100 : Math.min(100, (100 * done) / total);
    return { percent, text: `${done}/${total} rows  ${Math.round(rate)} rows/s  ETA ${formatDuration(eta)}` };
  };
  const render = (done: number, final: boolean): void => {
    if (style === 'off') return;
    const { percent, text } = line(done);
    const now = performance.now();
    if (style === 'bar') {
      // A terminal is redrawn at most ten times a second; `\x1b[K` clears what a longer line left behind.
      if (!final && now - lastLine < 100) return;
      lastLine = now;
      const width = 30;
      const filled = percent === undefined ? 0 : Math.round((percent / 100) * width);
      const bar =
        percent === undefined ? '' : `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent.toFixed(1)}%  `;
      stream.write(`\r${bar}${text}\x1b[K${final ? '\n' : ''}`);
      return;
    }
    if (final || now - lastLine > 5_000) {
      lastLine = now;
      stream.write(`progress: ${percent === undefined ? '' : `${percent.toFixed(1)}%  `}${text}\n`);
    }
  };
  return { update: (done) => render(done, false), finish: (done) => render(done, true) };
};

export type { Progress };
export { createProgress };
