import { KAFKA_VERSION } from '../constants.js';

/** One jar in a Maven repository. */
interface MavenArtifact {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
}

/**
 * Every jar the single-node broker runs with: what `mvn dependency:copy-dependencies -DincludeScope=runtime`
 * resolves from kafka/pom.xml (`mvn dependency:list` prints it), written out so that no Maven is needed.
 * Regenerate it with that command whenever KAFKA_VERSION or the pom changes.
 */
const KAFKA_BROKER_ARTIFACTS: readonly MavenArtifact[] = [
  { groupId: 'at.yawk.lz4', artifactId: 'lz4-java', version: '1.11.2' },
  { groupId: 'com.dynatrace.hash4j', artifactId: 'hash4j', version: '0.22.0' },
  { groupId: 'com.fasterxml.jackson.core', artifactId: 'jackson-annotations', version: '2.21' },
  { groupId: 'com.fasterxml.jackson.core', artifactId: 'jackson-core', version: '2.21.6' },
  { groupId: 'com.fasterxml.jackson.core', artifactId: 'jackson-databind', version: '2.21.6' },
  { groupId: 'com.fasterxml.jackson.dataformat', artifactId: 'jackson-dataformat-csv', version: '2.21.6' },
  { groupId: 'com.fasterxml.jackson.dataformat', artifactId: 'jackson-dataformat-yaml', version: '2.21.6' },
  { groupId: 'com.fasterxml.jackson.datatype', artifactId: 'jackson-datatype-jdk8', version: '2.21.6' },
  { groupId: 'com.github.ben-manes.caffeine', artifactId: 'caffeine', version: '3.2.0' },
  { groupId: 'com.github.luben', artifactId: 'zstd-jni', version: '1.5.6-10' },
  { groupId: 'com.google.re2j', artifactId: 're2j', version: '1.8' },
  { groupId: 'com.typesafe.scala-logging', artifactId: 'scala-logging_2.13', version: '3.9.6' },
  { groupId: 'com.yammer.metrics', artifactId: 'metrics-core', version: '2.2.0' },
  { groupId: 'commons-beanutils', artifactId: 'commons-beanutils', version: '1.11.0' },
  { groupId: 'commons-collections', artifactId: 'commons-collections', version: '3.2.2' },
  { groupId: 'commons-digester', artifactId: 'commons-digester', version: '2.1' },
  { groupId: 'commons-logging', artifactId: 'commons-logging', version: '1.3.5' },
  { groupId: 'commons-validator', artifactId: 'commons-validator', version: '1.10.1' },
  { groupId: 'net.sf.jopt-simple', artifactId: 'jopt-simple', version: '5.0.4' },
  { groupId: 'net.sourceforge.argparse4j', artifactId: 'argparse4j', version: '0.7.0' },
  { groupId: 'org.apache.kafka', artifactId: 'kafka-clients', version: KAFKA_VERSION },
  { groupId: 'org.apache.kafka', artifactId: 'kafka-coordinator-common', version: KAFKA_VERSION },
  { groupId: 'org.apache.kafka', artifactId: 'kafka-group-coordinator', version: KAFKA_VERSION },
  { groupId: 'org.apache.kafka', artifactId: 'kafka-group-coordinator-api', version: KAFKA_VERSION },
  { groupId: 'org.apache.kafka', artifactId: 'kafka-metadata', version: KAFKA_VERSION },
  { groupId: 'org.apache.kafka', artifactId: 'kafka-raft', version: KAFKA_VERSION },
  { groupId: 'org.apache.kafka', artifactId: 'kafka-server', version: KAFKA_VERSION },
  { groupId: 'org.apache.kafka', artifactId: 'kafka-server-common', version: KAFKA_VERSION },
  { groupId: 'org.apache.kafka', artifactId: 'kafka-share-coordinator', version: KAFKA_VERSION },
  { groupId: 'org.apache.kafka', artifactId: 'kafka-storage', version: KAFKA_VERSION },
  { groupId: 'org.apache.kafka', artifactId: 'kafka-storage-api', version: KAFKA_VERSION },
  { groupId: 'org.apache.kafka', artifactId: 'kafka-tools-api', version: KAFKA_VERSION },
  { groupId: 'org.apache.kafka', artifactId: 'kafka-transaction-coordinator', version: KAFKA_VERSION },
  { groupId: 'org.apache.kafka', artifactId: 'kafka_2.13', version: KAFKA_VERSION },
  { groupId: 'org.apache.logging.log4j', artifactId: 'log4j-api', version: '2.25.5' },
  { groupId: 'org.apache.logging.log4j', artifactId: 'log4j-core', version: '2.25.5' },
  { groupId: 'org.bitbucket.b_c', artifactId: 'jose4j', version: '0.9.6' },
  { groupId: 'org.hdrhistogram', artifactId: 'HdrHistogram', version: '2.2.2' },
  { groupId: 'org.jspecify', artifactId: 'jspecify', version: '1.0.0' },
  { groupId: 'org.pcollections', artifactId: 'pcollections', version: '4.0.2' },
  { groupId: 'org.scala-lang', artifactId: 'scala-library', version: '2.13.17' },
  { groupId: 'org.scala-lang', artifactId: 'scala-reflect', version: '2.13.17' },
  { groupId: 'org.slf4j', artifactId: 'slf4j-api', version: '2.0.17' },
  { groupId: 'org.slf4j', artifactId: 'slf4j-simple', version: '2.0.17' },
  { groupId: 'org.xerial.snappy', artifactId: 'snappy-java', version: '1.1.10.7' },
  { groupId: 'org.yaml', artifactId: 'snakeyaml', version: '2.5' },
];

/** The name Maven's copy-dependencies gives the jar, so both ways of fetching fill the cache alike. */
const jarFileName = (artifact: MavenArtifact): string => `${artifact.artifactId}-${artifact.version}.jar`;

/** The jar's address in a repository laid out like Maven Central: group dots become folders. */
const jarUrl = (repositoryUrl: string, artifact: MavenArtifact): string =>
  `${repositoryUrl}/${artifact.groupId.replaceAll('.', '/')}/${artifact.artifactId}/${artifact.version}/${jarFileName(artifact)}`;

export type { MavenArtifact };
export { jarFileName, jarUrl, KAFKA_BROKER_ARTIFACTS };
