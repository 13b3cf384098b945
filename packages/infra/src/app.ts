import { App } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { HashbridgeStack } from './hashbridge-stack.js';

interface SynthesizeOptions {
  /** Where the cloud assembly (templates and assets) is written. */
  readonly outdir: string;
  /** The operator's CIDR; without it the template asks for the `OperatorCidr` parameter at deploy time. */
  readonly operatorCidr?: string;
}

/**
 * Builds the reference app and writes its cloud assembly, without the CDK CLI: `npm run synth` works offline,
 * and `cdk deploy --app packages/infra/cdk.out` deploys what it wrote.
 */
const synthesize = (options: SynthesizeOptions): CloudAssembly => {
  const app = new App({ outdir: options.outdir });
  new HashbridgeStack(app, 'Hashbridge', {
    ...(options.operatorCidr === undefined ? {} : { pipeline: { operatorCidr: options.operatorCidr } }),
    description: 'hashbridge: migrate legacy passlib users into Amazon Cognito without password resets',
  });
  return app.synth();
};

export type { SynthesizeOptions };
export { synthesize };
