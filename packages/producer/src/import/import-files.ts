import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { COGNITO_IMPORT_CSV, type CognitoHashAlgorithm, type SchemeName } from '@hashbridge/core';
import { stringify } from 'csv-stringify/sync';

/** A user of an import file, as its sidecar JSONL records them: no hash. */
interface ImportedUserLine {
  readonly email: string;
  readonly scheme: SchemeName;
  readonly sourceId: string;
  readonly sourceVersion: number;
}

/** A finished file: its paths and how many users it holds. */
interface WrittenImportFile {
  readonly algorithm: CognitoHashAlgorithm;
  readonly path: string;
  readonly usersPath: string;
  readonly users: number;
}

/** Only the operator may read the files: the CSV holds password hashes. */
const PRIVATE_FILE = { mode: 0o600 } as const;

/** Writes, and waits for the stream to drain when its buffer is full. */
const write = async (stream: WriteStream, text: string): Promise<void> => {
  if (!stream.write(text)) await once(stream, 'drain');
};

const end = (stream: WriteStream): Promise<void> =>
  new Promise((resolve, reject) => stream.once('error', reject).end(resolve));

/** One open CSV and its sidecar. */
class OpenImportFile {
  public users = 0;
  public bytes = 0;
  readonly #csv: WriteStream;
  readonly #sidecar: WriteStream;

  public constructor(
    public readonly algorithm: CognitoHashAlgorithm,
    public readonly path: string,
    public readonly usersPath: string,
  ) {
    this.#csv = createWriteStream(path, PRIVATE_FILE);
    this.#sidecar = createWriteStream(usersPath, PRIVATE_FILE);
  }

  public async add(row: readonly string[], user: ImportedUserLine): Promise<void> {
    const line = stringify([row]);
    this.users += 1;
    this.bytes += Buffer.byteLength(line);
    await write(this.#csv, line);
    await write(this.#sidecar, `${JSON.stringify(user)}\n`);
  }

  public async writeHeader(header: readonly string[]): Promise<void> {
    const line = stringify([header]);
    this.bytes += Buffer.byteLength(line);
    await write(this.#csv, line);
  }

  public async close(): Promise<WrittenImportFile> {
    await Promise.all([end(this.#csv), end(this.#sidecar)]);
    return { algorithm: this.algorithm, path: this.path, usersPath: this.usersPath, users: this.users };
  }
}

/**
 * The native lane's CSV files: one series per algorithm (Cognito takes one algorithm per job), each file
 * rolled over before it passes the guide's 100 MB, each with the pool's header and a sidecar listing its
 * users without their hashes. Files are `<algorithm>-<n>.csv` and `<algorithm>-<n>.users.jsonl`.
 */
class ImportFiles {
  readonly #dir: string;
  readonly #header: readonly string[];
  readonly #maxBytes: number;
  readonly #open = new Map<CognitoHashAlgorithm, OpenImportFile>();
  readonly #counts = new Map<CognitoHashAlgorithm, number>();
  readonly #written: WrittenImportFile[] = [];

  public constructor(dir: string, header: readonly string[], maxBytes: number = COGNITO_IMPORT_CSV.maxFileBytes) {
    this.#dir = dir;
    this.#header = header;
    this.#maxBytes = maxBytes;
  }

  public async add(algorithm: CognitoHashAlgorithm, row: readonly string[], user: ImportedUserLine): Promise<void> {
    let file = this.#open.get(algorithm);
    const rowBytes = Buffer.byteLength(stringify([row]));
    if (file !== undefined && file.users > 0 && file.bytes + rowBytes > this.#maxBytes) {
      this.#written.push(await file.close());
      file = undefined;
    }
    if (file === undefined) {
      const n = (this.#counts.get(algorithm) ?? 0) + 1;
      this.#counts.set(algorithm, n);
      const name = `${algorithm.toLowerCase()}-${n}`;
      file = new OpenImportFile(algorithm, join(this.#dir, `${name}.csv`), join(this.#dir, `${name}.users.jsonl`));
      await file.writeHeader(this.#header);
      this.#open.set(algorithm, file);
    }
    await file.add(row, user);
  }

  /** Closes every file; the list is in the order the files were started. */
  public async close(): Promise<readonly WrittenImportFile[]> {
    for (const file of this.#open.values()) this.#written.push(await file.close());
    this.#open.clear();
    return [...this.#written].sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
  }
}

export type { ImportedUserLine, WrittenImportFile };
export { ImportFiles };
