import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KAFKA_JARS_SOURCES, KAFKA_VERSION, MAVEN_CENTRAL_URL } from '../constants.js';
import { LocalStackError, MissingPrerequisiteError } from '../errors.js';
import { downloadArtifacts } from './download-artifacts.js';
import { KAFKA_BROKER_ARTIFACTS } from './kafka-artifacts.js';

/** The pom that names the broker's artifacts; kept beside the package sources. */
const KAFKA_POM = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'kafka', 'pom.xml');

/** Written last, so a download cut short is never mistaken for a complete one. */
const COMPLETE_MARKER = '.complete';

type KafkaJarsSource = (typeof KAFKA_JARS_SOURCES)[number];

/** Folder of the cached broker jars for the pinned Kafka version. */
const kafkaJarsDir = (cacheDir: string): string => join(cacheDir, `kafka-${KAFKA_VERSION}`);

const hasKafkaJars = (cacheDir: string): boolean => existsSync(join(kafkaJarsDir(cacheDir), COMPLETE_MARKER));

const hasMaven = (): boolean => spawnSync('mvn', ['--version'], { encoding: 'utf8' }).error === undefined;

/** HASHBRIDGE_KAFKA_JARS if set, else Maven when it is installed, else the direct download. */
const kafkaJarsSource = (env: NodeJS.ProcessEnv = process.env): KafkaJarsSource => {
  const chosen = env.HASHBRIDGE_KAFKA_JARS;
  if (chosen === undefined || chosen === '') return hasMaven() ? 'maven' : 'download';
  if (!(KAFKA_JARS_SOURCES as readonly string[]).includes(chosen)) {
    throw new LocalStackError(
      `HASHBRIDGE_KAFKA_JARS is "${chosen}"; it must be one of ${KAFKA_JARS_SOURCES.join(', ')} (or unset).`,
    );
  }
  return chosen as KafkaJarsSource;
};

/** `mvn dependency:copy-dependencies` into a private folder, then one rename into place. */
const copyWithMaven = (target: string, log: (line: string) => void): void => {
  if (!hasMaven()) {
    throw new MissingPrerequisiteError(
      `Maven is needed once, to fetch the Kafka ${KAFKA_VERSION} jars as HASHBRIDGE_KAFKA_JARS=maven asks, and no \`mvn\` was found. Install it (Debian: apt-get install maven), or unset HASHBRIDGE_KAFKA_JARS to download the jars without Maven.`,
    );
  }
  log(`fetching the Kafka ${KAFKA_VERSION} jars from Maven Central with Maven into ${target} (once)`);
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  const mvn = spawnSync(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      KAFKA_POM,
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${partial}`,
    ],
    { encoding: 'utf8' },
  );
  if (mvn.status !== 0) {
    rmSync(partial, { recursive: true, force: true });
    throw new LocalStackError(
      `Maven could not fetch the Kafka ${KAFKA_VERSION} jars (exit ${mvn.status}). Check that Maven Central is reachable; Maven said:\n${`${mvn.stdout}${mvn.stderr}`.trim().split('\n').slice(-15).join('\n')}`,
    );
  }
  writeFileSync(join(partial, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
  rmSync(target, { recursive: true, force: true });
  renameSync(partial, target);
};

/**
 * The jars straight into the cache folder: each one is whole under its name (temporary file, then rename)
 * and checked, so a run cut short resumes there; the marker comes last.
 */
const downloadFromMavenCentral = async (target: string, log: (line: string) => void): Promise<void> => {
  log(`fetching the Kafka ${KAFKA_VERSION} jars from Maven Central over HTTPS into ${target} (once)`);
  const { downloaded, kept } = await downloadArtifacts({
    artifacts: KAFKA_BROKER_ARTIFACTS,
    targetDir: target,
    repositoryUrl: MAVEN_CENTRAL_URL,
    log,
  });
  log(`${downloaded} jars downloaded, ${kept} already there`);
  writeFileSync(join(target, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
};

/** One fetch per folder at a time: `up` checks the jars early and Kafka's starter awaits the same fetch. */
const inFlight = new Map<string, Promise<string>>();

/**
 * Makes sure the Kafka broker's jars are in the cache, fetching them from Maven Central the first time,
 * with Maven or, without it, directly over HTTPS (HASHBRIDGE_KAFKA_JARS chooses). Returns the folder to put
 * on the class path.
 *
 * @example
 * const classPath = join(await ensureKafkaJars(stackPaths().cacheDir), '*');
 */
const ensureKafkaJars = (cacheDir: string, log: (line: string) => void = () => {}): Promise<string> => {
  const target = kafkaJarsDir(cacheDir);
  const pending = inFlight.get(target);
  if (pending !== undefined) return pending;
  const fetching = (async () => {
    if (hasKafkaJars(cacheDir)) return target;
    if (kafkaJarsSource() === 'maven') copyWithMaven(target, log);
    else await downloadFromMavenCentral(target, log);
    return target;
  })().finally(() => inFlight.delete(target));
  // A caller that only starts the fetch early must not turn its failure into an unhandled rejection;
  // whoever awaits the promise still receives the error.
  fetching.catch(() => {});
  inFlight.set(target, fetching);
  return fetching;
};

export type { KafkaJarsSource };
export { ensureKafkaJars, hasKafkaJars, kafkaJarsDir, kafkaJarsSource };
