import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KAFKA_VERSION } from '../../src/constants.js';
import { jarFileName, jarUrl, KAFKA_BROKER_ARTIFACTS } from '../../src/prerequisites/kafka-artifacts.js';

/** A property of kafka/pom.xml, the file Maven resolves the same jars from. */
const pomProperty = (name: string): string | undefined =>
  new RegExp(`<${name}>([^<]+)</${name}>`).exec(
    readFileSync(new URL('../../kafka/pom.xml', import.meta.url), 'utf8'),
  )?.[1];

describe('Constant: KAFKA_BROKER_ARTIFACTS', () => {
  it('pins the Kafka jars to KAFKA_VERSION, the version kafka/pom.xml names', () => {
    // Prepare
    const kafka = KAFKA_BROKER_ARTIFACTS.filter((artifact) => artifact.groupId === 'org.apache.kafka');

    // Assess
    expect(pomProperty('kafka.version')).toBe(KAFKA_VERSION);
    expect(kafka.map((artifact) => artifact.artifactId)).toEqual(
      expect.arrayContaining(['kafka_2.13', 'kafka-clients', 'kafka-server', 'kafka-metadata', 'kafka-raft']),
    );
    for (const artifact of kafka) expect(artifact.version).toBe(KAFKA_VERSION);
  });

  it('carries the SLF4J backend the pom adds, at the pom version', () => {
    // Prepare
    const slf4j = KAFKA_BROKER_ARTIFACTS.filter((artifact) => artifact.groupId === 'org.slf4j');

    // Assess
    expect(slf4j.map(({ artifactId, version }) => `${artifactId}:${version}`).sort()).toEqual([
      `slf4j-api:${pomProperty('slf4j.version')}`,
      `slf4j-simple:${pomProperty('slf4j.version')}`,
    ]);
  });

  it('names each jar once, so no two versions of one library share the class path', () => {
    // Prepare
    const names = KAFKA_BROKER_ARTIFACTS.map((artifact) => `${artifact.groupId}:${artifact.artifactId}`);

    // Assess
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('Function: jarUrl', () => {
  it('lays the address out as Maven Central does: group dots become folders', () => {
    // Act
    const url = jarUrl('https://repo1.maven.org/maven2', {
      groupId: 'com.fasterxml.jackson.core',
      artifactId: 'jackson-core',
      version: '2.21.6',
    });

    // Assess
    expect(url).toBe(
      'https://repo1.maven.org/maven2/com/fasterxml/jackson/core/jackson-core/2.21.6/jackson-core-2.21.6.jar',
    );
  });
});

describe('Function: jarFileName', () => {
  it('is the name `mvn dependency:copy-dependencies` gives the jar', () => {
    expect(jarFileName({ groupId: 'org.apache.kafka', artifactId: 'kafka_2.13', version: '4.2.2' })).toBe(
      'kafka_2.13-4.2.2.jar',
    );
  });
});
