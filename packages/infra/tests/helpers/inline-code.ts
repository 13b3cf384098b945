import { Code } from 'aws-cdk-lib/aws-lambda';

/** Stands in for the bundled handler so that synthesis in unit tests does not run esbuild. */
const inlineCode = (): Code => Code.fromInline('export const handler = async () => ({});');

export { inlineCode };
