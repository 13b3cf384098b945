import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where a run got to: every row up to `lastId` (in export order) is acknowledged by Kafka or rejected. */
interface Checkpoint {
  /** Identifies the export (topic, source, shard): a checkpoint of another export is ignored. */
  readonly exportKey: string;
  readonly lastId: string;
  readonly sent: number;
  readonly rejected: number;
  readonly updatedAt: string;
}

const readCheckpoint = (file: string, exportKey: string): Checkpoint | undefined => {
  try {
    const checkpoint = JSON.parse(readFileSync(file, 'utf8')) as Checkpoint;
    return checkpoint.exportKey === exportKey ? checkpoint : undefined;
  } catch {
    return undefined;
  }
};

/** Written to a temporary file and renamed over the old one, so a kill at any moment leaves a whole file. */
const writeCheckpoint = (file: string, checkpoint: Checkpoint): void => {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(checkpoint, null, 2)}\n`, { flush: true });
  renameSync(temporary, file);
};

export type { Checkpoint };
export { readCheckpoint, writeCheckpoint };
