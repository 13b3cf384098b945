import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KAFKA_VERSION } from '../constants.js';
import { LocalStackError, MissingPrerequisiteError } from '../errors.js';

/** The pom that names the broker's artifacts; kept beside the package sources. */
const KAFKA_POM = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'kafka', 'pom.xml');

/** Written last, so a download cut short is never mistaken for a complete one. */
const COMPLETE_MARKER = '.complete';

/** Folder of the cached broker jars for the pinned Kafka version. */
const kafkaJarsDir = (cacheDir: string): string => join(cacheDir, `kafka-${KAFKA_VERSION}`);

const hasKafkaJars = (cacheDir: string): boolean => existsSync(join(kafkaJarsDir(cacheDir), COMPLETE_MARKER));

/**
 * Makes sure the Kafka broker's jars are in the cache, resolving them from Maven Central with
 * `mvn dependency:copy-dependencies` the first time. Returns the folder to put on the class path.
 */
const ensureKafkaJars = (cacheDir: string, log: (line: string) => void = () => {}): string => {
  const target = kafkaJarsDir(cacheDir);
  if (hasKafkaJars(cacheDir)) return target;

  const mvnCheck = spawnSync('mvn', ['--version'], { encoding: 'utf8' });
  if (mvnCheck.error !== undefined) {
    throw new MissingPrerequisiteError(
      `Maven is needed once, to fetch the Kafka ${KAFKA_VERSION} jars from Maven Central, and no \`mvn\` was found. Install it (Debian: apt-get install maven) and run the command again.`,
    );
  }
  log(`fetching the Kafka ${KAFKA_VERSION} jars from Maven Central into ${target} (once)`);
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
  return target;
};

export { ensureKafkaJars, hasKafkaJars, kafkaJarsDir };
