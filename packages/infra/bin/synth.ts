/**
 * `npm run synth`: writes the reference stack's cloud assembly to packages/infra/cdk.out, offline. `OPERATOR_CIDR`
 * fixes the operator's CIDR at synthesis; without it the template has a required `OperatorCidr` parameter.
 */
import { fileURLToPath } from 'node:url';
import { synthesize } from '../src/app.js';

const outdir = fileURLToPath(new URL('../cdk.out', import.meta.url));
const operatorCidr = process.env.OPERATOR_CIDR;
const assembly = synthesize({ outdir, ...(operatorCidr === undefined ? {} : { operatorCidr }) });
for (const stack of assembly.stacks) {
  console.log(`${stack.stackName}: ${stack.templateFullPath}`);
}
