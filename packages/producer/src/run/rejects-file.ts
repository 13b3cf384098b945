import type { FileHandle } from 'node:fs/promises';
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ProducerConfigError } from '../errors.js';

/**
 * The rejects report: one JSON line per refused row (row id, reason, detail; never the hash). Lines are on
 * disk before the checkpoint that covers their rows, and a resumed run first cuts the file back to the
 * length its checkpoint recorded, so after any kill the report lists each refused row exactly once.
 */
class RejectsFile {
  readonly #handle: FileHandle;
  #bytes: number;

  private constructor(handle: FileHandle, bytes: number) {
    this.#handle = handle;
    this.#bytes = bytes;
  }

  /** Starts a new report, or continues one at `resumeAtBytes` (what the checkpoint recorded). */
  public static async open(path: string, resumeAtBytes?: number): Promise<RejectsFile> {
    try {
      await mkdir(dirname(path), { recursive: true });
      if (resumeAtBytes === undefined) return new RejectsFile(await open(path, 'w'), 0);
      const handle = await open(path, 'a+');
      const { size } = await handle.stat();
      const keep = Math.min(size, resumeAtBytes);
      if (keep < size) await handle.truncate(keep);
      return new RejectsFile(handle, keep);
    } catch (error) {
      throw new ProducerConfigError(
        `cannot write the rejects report ${path} (${error instanceof Error ? error.message : String(error)}); choose another path with --rejects`,
        { cause: error },
      );
    }
  }

  /** Length of the report so far, for the checkpoint. */
  public get bytes(): number {
    return this.#bytes;
  }

  /** Appends the lines and flushes them to disk. */
  public async append(lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    const text = Buffer.from(lines.join(''), 'utf8');
    await this.#handle.write(text);
    await this.#handle.datasync();
    this.#bytes += text.length;
  }

  public async close(): Promise<void> {
    await this.#handle.close();
  }
}

export { RejectsFile };
