import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_JAVA_MAJOR } from '../constants.js';
import { MissingPrerequisiteError } from '../errors.js';

/** Reads the major version from `java -version` output: `version "17.0.15"` → 17, `"1.8.0_412"` → 8. */
const parseJavaMajor = (versionOutput: string): number | undefined => {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (match === null) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
};

/** The `java` to run Kafka with: JAVA_HOME's if set, else the one on PATH; it must be 17 or newer. */
const findJava = (env: NodeJS.ProcessEnv = process.env): string => {
  const javaHome = env.JAVA_HOME;
  const java =
    javaHome !== undefined && existsSync(join(javaHome, 'bin', 'java')) ? join(javaHome, 'bin', 'java') : 'java';
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error !== undefined) {
    throw new MissingPrerequisiteError(
      `Java ${MIN_JAVA_MAJOR}+ is needed to run the Kafka broker, and no \`java\` was found. Install it (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME.`,
    );
  }
  const major = parseJavaMajor(`${result.stderr}${result.stdout}`);
  if (major === undefined || major < MIN_JAVA_MAJOR) {
    throw new MissingPrerequisiteError(
      `Kafka needs Java ${MIN_JAVA_MAJOR}+, but \`${java}\` is ${major === undefined ? 'of an unknown version' : `Java ${major}`}. Install a newer JDK (Debian: apt-get install openjdk-17-jre-headless) or point JAVA_HOME at one.`,
    );
  }
  return java;
};

export { findJava, parseJavaMajor };
