import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Architecture, Code, LayerVersion, Runtime } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { InfraError } from './errors.js';

/**
 * The native hash backends @hashbridge/core uses when it finds them (bcrypt and argon2 through @node-rs),
 * with their prebuilt Linux x64 binaries. The functions bundle everything else; these stay out of the bundle
 * because they are native, and @hashbridge/core requires them from the layer's folder.
 */
const LAYER_PACKAGES = [
  '@node-rs/bcrypt',
  '@node-rs/bcrypt-linux-x64-gnu',
  '@node-rs/argon2',
  '@node-rs/argon2-linux-x64-gnu',
];

const REPOSITORY_NODE_MODULES = fileURLToPath(new URL('../../../node_modules/', import.meta.url));

/** Lays the packages out as a layer expects (`nodejs/node_modules/…`) in a fresh folder. */
const stageLayerContents = (): string => {
  const missing = LAYER_PACKAGES.filter((name) => !existsSync(join(REPOSITORY_NODE_MODULES, name)));
  if (missing.length > 0) {
    throw new InfraError(
      `the native hash layer needs ${missing.join(', ')} in node_modules; on a machine that is not Linux x64, install them with npm install --no-save --os=linux --cpu=x64 ${missing.join(' ')}`,
    );
  }
  const staging = mkdtempSync(join(tmpdir(), 'hashbridge-layer-'));
  for (const name of LAYER_PACKAGES) {
    const target = join(staging, 'nodejs', 'node_modules', name);
    mkdirSync(target, { recursive: true });
    cpSync(join(REPOSITORY_NODE_MODULES, name), target, { recursive: true, dereference: true });
  }
  return staging;
};

/** The Lambda layer with @node-rs/bcrypt and @node-rs/argon2 for Node 22 on x86_64. */
const createNativeHashLayer = (scope: Construct, id: string): LayerVersion =>
  new LayerVersion(scope, id, {
    code: Code.fromAsset(stageLayerContents()),
    compatibleRuntimes: [Runtime.NODEJS_22_X],
    compatibleArchitectures: [Architecture.X86_64],
    description: 'hashbridge: native bcrypt and argon2 (@node-rs) for @hashbridge/core',
  });

export { createNativeHashLayer, LAYER_PACKAGES };
