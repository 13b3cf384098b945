import { Code } from 'aws-cdk-lib/aws-lambda';

/** Stands in for the bundled handler so that synthesis in unit tests does not run esbuild. */
const inlineCode = (): Code => Code.fromInline('export const handler = async () => ({});');

/** Stands in for the bundled public-access custom resource handlers (`onEvent`, `isComplete`). */
const inlinePublicAccessCode = (): Code =>
  Code.fromInline(
    'export const onEvent = async () => ({}); export const isComplete = async () => ({ IsComplete: true });',
  );

export { inlineCode, inlinePublicAccessCode };
