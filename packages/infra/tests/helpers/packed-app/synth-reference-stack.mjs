// A CDK app as a user of @hashbridge/infra writes it: the reference stack, synthesized into the folder given.
// Its last line is its answer (where the template went); esbuild's progress may come before it.

import { HashbridgeStack } from '@hashbridge/infra';
import { App } from 'aws-cdk-lib';

const app = new App({ outdir: process.argv[2] });
new HashbridgeStack(app, 'Hashbridge', { pipeline: { operatorCidr: '203.0.113.7/32' } });
const stack = app.synth().getStackByName('Hashbridge');
console.log(JSON.stringify({ template: stack.templateFullPath }));
