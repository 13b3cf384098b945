import { readFileSync, rmSync } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Where a run got to: every row up to `lastId` (in export order) is acknowledged by Kafka or rejected. */
interface Checkpoint {
  /** Identifies the export (topic, source, shard): a checkpoint of another export is ignored. */
  readonly exportKey: string;
  readonly lastId: string;
  readonly sent: number;
  readonly rejected: number;
  /** Length of the rejects file at this point: a resumed run cuts off what a killed run wrote after it. */
  readonly rejectsBytes: number;
  readonly updatedAt: string;
}

const readCheckpoint = (file: string, exportKey: string): Checkpoint | undefined => {
  try {
    const checkpoint = JSON.parse(readFileSync(file, 'utf8')) as Partial<Checkpoint>;
    if (checkpoint.exportKey !== exportKey || typeof checkpoint.lastId !== 'string') return undefined;
    // A checkpoint written before `rejectsBytes` existed keeps the whole rejects file.
    return { rejectsBytes: Number.MAX_SAFE_INTEGER, ...checkpoint } as Checkpoint;
  } catch {
    return undefined;
  }
};

/**
 * Written to a temporary file, flushed to disk and renamed over the old one, so a kill at any moment leaves a
 * whole file. Asynchronous: the disk work runs beside the reading and validating of the next batch.
 */
const writeCheckpoint = async (file: string, checkpoint: Checkpoint): Promise<void> => {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(`${JSON.stringify(checkpoint, null, 2)}\n`);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
};

/**
 * Where the producer keeps its checkpoint. A port, so the window and checkpoint rules can be specified with a
 * store that fails on purpose (a crash between Kafka's acknowledgement and the checkpoint).
 */
interface CheckpointStore {
  /** The checkpoint of this export, or undefined (none yet, unreadable, or another export's). */
  readonly read: (exportKey: string) => Checkpoint | undefined;
  /** Persists the checkpoint; resolves once it would survive a crash. */
  readonly write: (checkpoint: Checkpoint) => Promise<void>;
  /** Forgets the checkpoint (`--restart`). */
  readonly clear: () => void;
}

/** The checkpoint as a JSON file (`--checkpoint`), replaced whole at every write. */
const fileCheckpointStore = (file: string): CheckpointStore => ({
  read: (exportKey) => readCheckpoint(file, exportKey),
  write: (checkpoint) => writeCheckpoint(file, checkpoint),
  clear: () => rmSync(file, { force: true }),
});

export type { Checkpoint, CheckpointStore };
export { fileCheckpointStore, readCheckpoint, writeCheckpoint };
