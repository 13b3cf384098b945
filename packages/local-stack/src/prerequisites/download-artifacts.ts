import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArtifactDownloadError } from '../errors.js';
import { jarFileName, jarUrl, type MavenArtifact } from './kafka-artifacts.js';

interface DownloadArtifactsOptions {
  readonly artifacts: readonly MavenArtifact[];
  readonly targetDir: string;
  /** Base address of a repository laid out like Maven Central. */
  readonly repositoryUrl: string;
  readonly log?: (line: string) => void;
  /** Jars fetched at once: a few connections fill the line without hammering the repository. */
  readonly concurrency?: number;
  /** Per request; a stalled connection fails instead of hanging `up`. */
  readonly timeoutMs?: number;
}

interface DownloadArtifactsResult {
  /** Jars fetched by this call. */
  readonly downloaded: number;
  /** Jars already in the folder that matched their published checksum. */
  readonly kept: number;
}

/** Attempts per file: Maven Central is a CDN, and a reset connection is worth one more try, not a failed `up`. */
const ATTEMPTS = 3;

const sha1 = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex');

const fetchBytes = async (url: string, timeoutMs: number): Promise<Buffer> => {
  let lastError: unknown;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) {
        await response.body?.cancel();
        // A missing file does not appear on a second try; anything else might.
        const error = new ArtifactDownloadError(`GET ${url} answered ${response.status} ${response.statusText}`);
        if (response.status === 404) throw error;
        lastError = error;
        continue;
      }
      return Buffer.from(await response.arrayBuffer());
    } catch (error) {
      if (error instanceof ArtifactDownloadError) throw error;
      lastError = error;
    }
  }
  throw new ArtifactDownloadError(
    `GET ${url} failed ${ATTEMPTS} times (${String((lastError as Error)?.message ?? lastError)}). Check that Maven Central is reachable.`,
    { cause: lastError },
  );
};

/** A `.sha1` file holds the hex digest, sometimes followed by the file name. */
const publishedSha1 = async (url: string, timeoutMs: number): Promise<string> => {
  const text = (await fetchBytes(`${url}.sha1`, timeoutMs)).toString('utf8').trim().toLowerCase();
  const digest = /^[0-9a-f]{40}/.exec(text)?.[0];
  if (digest === undefined) throw new ArtifactDownloadError(`${url}.sha1 holds no SHA-1 digest`);
  return digest;
};

/** Fetches one jar unless a good copy is there; a bad copy is replaced. True when it was fetched. */
const ensureArtifact = async (
  artifact: MavenArtifact,
  options: Required<Omit<DownloadArtifactsOptions, 'artifacts' | 'concurrency'>>,
): Promise<boolean> => {
  const url = jarUrl(options.repositoryUrl, artifact);
  const file = join(options.targetDir, jarFileName(artifact));
  const expected = await publishedSha1(url, options.timeoutMs);
  if (existsSync(file)) {
    if (sha1(readFileSync(file)) === expected) return false;
    options.log(`${jarFileName(artifact)} does not match its published SHA-1: fetching it again`);
  }
  const bytes = await fetchBytes(url, options.timeoutMs);
  const actual = sha1(bytes);
  if (actual !== expected) {
    throw new ArtifactDownloadError(`${url} has SHA-1 ${actual}, but Maven Central publishes ${expected}`);
  }
  // A temporary name, then a rename: a jar under its real name is always whole.
  const temporary = `${file}.${process.pid}.download`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
  return true;
};

/**
 * Puts each artifact's jar into `targetDir`, checked against the SHA-1 the repository publishes beside it.
 * Resumable: jars already there and matching are kept, so a run cut short goes on where it stopped.
 *
 * @example
 * await downloadArtifacts({ artifacts: KAFKA_BROKER_ARTIFACTS, targetDir, repositoryUrl: MAVEN_CENTRAL_URL });
 */
const downloadArtifacts = async (options: DownloadArtifactsOptions): Promise<DownloadArtifactsResult> => {
  const settings = {
    targetDir: options.targetDir,
    repositoryUrl: options.repositoryUrl.replace(/\/+$/, ''),
    log: options.log ?? (() => {}),
    timeoutMs: options.timeoutMs ?? 120_000,
  };
  mkdirSync(settings.targetDir, { recursive: true });
  const queue = [...options.artifacts];
  let downloaded = 0;
  let kept = 0;
  const worker = async (): Promise<void> => {
    for (let artifact = queue.shift(); artifact !== undefined; artifact = queue.shift()) {
      try {
        if (await ensureArtifact(artifact, settings)) downloaded += 1;
        else kept += 1;
      } catch (error) {
        queue.length = 0; // the others finish the jar in hand and stop: the folder stays resumable
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: options.concurrency ?? 4 }, worker));
  const failure = results.find((result) => result.status === 'rejected');
  if (failure !== undefined) throw failure.reason;
  return { downloaded, kept };
};

export type { DownloadArtifactsOptions, DownloadArtifactsResult };
export { downloadArtifacts };
