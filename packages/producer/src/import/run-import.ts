import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  COGNITO_IMPORT_CSV,
  cognitoImportRow,
  FINAL_IMPORT_JOB_STATUSES,
  importHeader,
  type LegacyUserSource,
  type NativeImportLedger,
  type UserImportJob,
  type UserImportJobs,
} from '@hashbridge/core';
import type { ImportConfig } from '../config.js';
import { increment, sortedByKey } from '../run/counts.js';
import { createProgress } from '../run/progress.js';
import { type RowLane, rowLane } from '../run/row-lane.js';
import { type ImportedUserLine, ImportFiles, type WrittenImportFile } from './import-files.js';
import type { ImportFileReport, ImportReport } from './types.js';

/** The source always; the job API and the ledger unless the run writes files only. */
interface ImportPorts {
  readonly source: LegacyUserSource;
  readonly jobs?: UserImportJobs;
  readonly ledger?: NativeImportLedger;
}

interface RunImportOptions {
  readonly progressStream?: NodeJS.WriteStream;
  /** The largest file before the next is started (Cognito's limit by default; smaller in tests). */
  readonly maxFileBytes?: number;
  readonly now?: () => Date;
}

/** The files a previous run left, which this run replaces. */
const OUR_FILES = /^(bcrypt|scrypt|argon2id|pbkdf2_sha256)-\d+\.(csv|users\.jsonl)$|^failures\.jsonl$/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const clearPreviousRun = async (dir: string): Promise<void> => {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  for (const name of await readdir(dir)) if (OUR_FILES.test(name)) await rm(join(dir, name));
};

type NativeCandidate = Extract<RowLane, { lane: 'native' }>;

/**
 * Reads the legacy table once and writes the users whose hash Cognito's CSV import takes into one CSV series
 * per algorithm; unless the run is files-only, runs one import job per file (create, upload, start, follow),
 * then records in the staging table the users the pool now has, so the Loader does not stage them and a rerun
 * does not import them twice. Users a job did not create stay on the trigger lane: the export carries them.
 */
const runImport = async (
  config: ImportConfig,
  ports: ImportPorts,
  options: RunImportOptions = {},
): Promise<ImportReport> => {
  const started = performance.now();
  const now = options.now ?? (() => new Date());
  const poolHeader = ports.jobs === undefined ? COGNITO_IMPORT_CSV.defaultHeader : await ports.jobs.csvHeader();
  const { header, passwordHashColumn } = importHeader(poolHeader, config.passwordHashColumn);
  await clearPreviousRun(config.outDir);
  const files = new ImportFiles(config.outDir, header, options.maxFileBytes);
  const refused: Record<string, number> = {};
  let users = 0;
  let native = 0;
  let trigger = 0;
  let alreadyInCognito = 0;

  try {
    const progress = createProgress(await ports.source.count(undefined), config.progress, options.progressStream);
    for await (const rows of ports.source.batches(undefined, config.batchSize)) {
      const candidates: NativeCandidate[] = [];
      for (const row of rows) {
        users += 1;
        const lane = rowLane(row, true);
        if (lane.lane === 'refused') increment(refused, lane.refusal);
        else if (lane.lane === 'trigger') trigger += 1;
        else candidates.push(lane);
      }
      const inCognito =
        ports.ledger === undefined
          ? new Set<string>()
          : await ports.ledger.alreadyInCognito(candidates.map(({ message }) => message.email));
      for (const { message, algorithm, passwordHash } of candidates) {
        if (inCognito.has(message.email)) {
          alreadyInCognito += 1;
          continue;
        }
        const row = cognitoImportRow(
          header,
          { email: message.email, profile: message.profile, passwordHash },
          { passwordHashColumn },
        );
        const line: ImportedUserLine = {
          email: message.email,
          scheme: message.scheme,
          sourceId: message.source.id,
          sourceVersion: message.source.version,
        };
        await files.add(algorithm, row, line);
        native += 1;
      }
      progress.update(users);
    }
    progress.finish(users);
  } finally {
    await ports.source.close();
  }
  const written = await files.close();

  const reports: ImportFileReport[] = [];
  const failures: string[] = [];
  for (const file of written) {
    if (ports.jobs === undefined || ports.ledger === undefined) {
      reports.push(file);
      continue;
    }
    reports.push(await importOneFile(config, file, ports.jobs, ports.ledger, failures, now, options.progressStream));
  }
  let failuresPath: string | undefined;
  if (failures.length > 0) {
    failuresPath = join(config.outDir, 'failures.jsonl');
    await writeFile(failuresPath, `${failures.join('\n')}\n`, { mode: 0o600 });
  }
  return {
    users,
    filesOnly: ports.jobs === undefined,
    native,
    trigger,
    alreadyInCognito,
    refused: sortedByKey(refused),
    files: reports,
    failed: failures.length,
    ...(failuresPath === undefined ? {} : { failuresPath }),
    seconds: (performance.now() - started) / 1000,
  };
};

/** One job for one file, followed to its end; then the users the pool has are recorded, the others reported. */
const importOneFile = async (
  config: ImportConfig,
  file: WrittenImportFile,
  jobs: UserImportJobs,
  ledger: NativeImportLedger,
  failures: string[],
  now: () => Date,
  progressStream: NodeJS.WriteStream | undefined,
): Promise<ImportFileReport> => {
  const created = await jobs.create(`hashbridge-${basename(file.path, '.csv')}-${now().getTime()}`, file.algorithm);
  await jobs.upload(created, await readFile(file.path));
  let job: UserImportJob = await jobs.start(created.jobId);
  const progress = createProgress(file.users, config.progress, progressStream);
  const done = (state: UserImportJob) => state.importedUsers + state.failedUsers + state.skippedUsers;
  while (!FINAL_IMPORT_JOB_STATUSES.has(job.status)) {
    await sleep(config.pollSeconds * 1000);
    job = await jobs.describe(created.jobId);
    progress.update(done(job));
  }
  progress.finish(done(job));

  const lines = (await readFile(file.usersPath, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((text) => JSON.parse(text) as ImportedUserLine);
  const complete =
    job.status === 'Succeeded' && job.failedUsers === 0 && job.skippedUsers === 0 && job.importedUsers === file.users;
  const present = complete
    ? new Set(lines.map((line) => line.email))
    : await jobs.existingUsers(lines.map((line) => line.email));
  const importedAt = now().toISOString();
  const arrived = lines.filter((line) => present.has(line.email));
  await ledger.record(
    arrived.map((line) => ({ ...line, algorithm: file.algorithm, importJobId: job.jobId, importedAt })),
  );
  for (const line of lines) {
    if (!present.has(line.email))
      failures.push(
        JSON.stringify({ email: line.email, algorithm: file.algorithm, jobId: job.jobId, status: job.status }),
      );
  }
  return {
    ...file,
    job: {
      jobId: job.jobId,
      status: job.status,
      importedUsers: job.importedUsers,
      failedUsers: job.failedUsers,
      skippedUsers: job.skippedUsers,
      ...(job.completionMessage === undefined ? {} : { completionMessage: job.completionMessage }),
      recorded: arrived.length,
    },
  };
};

export type { ImportPorts, RunImportOptions };
export { runImport };
