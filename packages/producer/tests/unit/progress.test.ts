import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/run/progress.js';

/** A stand-in for stderr that records what is written; `isTTY` as a terminal or a pipe would report it. */
const captureStream = (isTTY: boolean) => {
  const writes: string[] = [];
  const stream = { isTTY, write: (chunk: string) => writes.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, writes };
};

describe('Function: createProgress', () => {
  it('draws a bar with percentage, rows/s and ETA on a terminal, redrawn in place', () => {
    // Prepare
    const { stream, writes } = captureStream(true);
    const progress = createProgress(200, 'auto', stream);

    // Act
    progress.update(50);
    progress.finish(200);

    // Assess
    const CLEAR_TO_END_OF_LINE = '\x1b[K';
    expect(writes[0]).toMatch(/^\r\[#{8}\.{22}\] 25\.0% {2}50\/200 rows {2}\d+ rows\/s {2}ETA \d+:\d\d/);
    expect(writes[0]?.endsWith(CLEAR_TO_END_OF_LINE)).toBe(true);
    expect(writes.at(-1)).toMatch(/^\r\[#{30}\] 100\.0% {2}200\/200 rows /);
    expect(writes.at(-1)?.endsWith(`${CLEAR_TO_END_OF_LINE}\n`)).toBe(true);
  });

  it('prints plain lines when the output is not a terminal, always the final one', () => {
    const { stream, writes } = captureStream(false);
    const progress = createProgress(10, 'auto', stream);

    progress.finish(10);

    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^progress: 100\.0% {2}10\/10 rows {2}\d+ rows\/s {2}ETA 0:00\n$/);
    expect(writes[0]).not.toContain('\r');
  });

  it('writes nothing when progress is off', () => {
    const { stream, writes } = captureStream(true);
    const progress = createProgress(10, 'off', stream);

    progress.update(5);
    progress.finish(10);

    expect(writes).toEqual([]);
  });

  it('shows an empty export as complete', () => {
    const { stream, writes } = captureStream(false);

    createProgress(0, 'lines', stream).finish(0);

    expect(writes[0]).toMatch(/^progress: 100\.0% {2}0\/0 rows/);
  });
});
