/**
 * The Lambda entry points of the MSK public-access custom resource (`onEvent`, `isComplete`), for the CDK
 * Provider framework. The MSK client is built once, at module scope, and reused by every invocation; each
 * handler body is one call into the logic in public-access.ts.
 */

import { KafkaClient } from '@aws-sdk/client-kafka';
import type { PublicAccessCheckRequest, PublicAccessRequest } from '../types/public-access.js';
import { KafkaConnectivityClient } from './kafka-connectivity.js';
import { checkPublicAccess, startPublicAccess } from './public-access.js';

// Throttling and server errors are retried with backoff by the SDK; one that outlasts the retries fails the
// deployment, and CloudFormation shows its message.
const kafka = new KafkaConnectivityClient(new KafkaClient({ maxAttempts: 5 }));

const onEvent = (request: PublicAccessRequest) => startPublicAccess(kafka, request);

const isComplete = (request: PublicAccessCheckRequest) => checkPublicAccess(kafka, request);

export { isComplete, onEvent };
