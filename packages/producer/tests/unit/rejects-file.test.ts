import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RejectsFile } from '../../src/run/rejects-file.js';

const line = (rowId: string) => `${JSON.stringify({ rowId, reason: 'invalid-email', detail: 'email is missing' })}\n`;
const freshPath = () => join(mkdtempSync(join(tmpdir(), 'hashbridge-rejects-')), 'nested', 'rejects.jsonl');

describe('Class: RejectsFile', () => {
  it('starts an empty report, creating its folder, and counts the bytes it appends', async () => {
    // Prepare
    const path = freshPath();

    // Act
    const rejects = await RejectsFile.open(path);
    await rejects.append([line('1'), line('2')]);
    await rejects.append([]);
    await rejects.close();

    // Assess
    const text = readFileSync(path, 'utf8');
    expect(text).toBe(line('1') + line('2'));
    expect(rejects.bytes).toBe(Buffer.byteLength(text));
  });

  it('replaces the report of an earlier export when not resuming', async () => {
    const path = freshPath();
    const first = await RejectsFile.open(path);
    await first.append([line('old')]);
    await first.close();

    const second = await RejectsFile.open(path);
    await second.append([line('new')]);
    await second.close();

    expect(readFileSync(path, 'utf8')).toBe(line('new'));
  });

  it('cuts off what a killed run wrote after its last checkpoint, so no row is reported twice', async () => {
    // Prepare: the checkpoint covered the first line; the second was written just before the kill.
    const path = freshPath();
    const killed = await RejectsFile.open(path);
    await killed.append([line('1')]);
    const checkpointed = killed.bytes;
    await killed.append([line('2')]);
    await killed.close();

    // Act: the resumed run reads row 2 again and reports it again.
    const resumed = await RejectsFile.open(path, checkpointed);
    await resumed.append([line('2')]);
    await resumed.close();

    // Assess
    expect(readFileSync(path, 'utf8')).toBe(line('1') + line('2'));
  });

  it('keeps the whole report when the checkpoint records more bytes than the file holds', async () => {
    const path = freshPath();
    const first = await RejectsFile.open(path);
    await first.close();
    writeFileSync(path, line('1'));

    const resumed = await RejectsFile.open(path, Number.MAX_SAFE_INTEGER);
    await resumed.append([line('2')]);
    await resumed.close();

    expect(readFileSync(path, 'utf8')).toBe(line('1') + line('2'));
    expect(resumed.bytes).toBe(Buffer.byteLength(line('1') + line('2')));
  });
});
