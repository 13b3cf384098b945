import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import { BundlingError, HashbridgeMigration, LAYER_PACKAGES } from '../../src/index.js';
import { locateLayerPackages } from '../../src/native-hash-layer.js';
import { SYNTH_TIMEOUT } from '../helpers/synth-timeout.js';

const inline = Code.fromInline('export const handler = async (event) => event;');

describe('Construct: HashbridgeMigration with the native hash layer', { timeout: SYNTH_TIMEOUT }, () => {
  it('attaches a Node 22 x86_64 layer holding @node-rs/bcrypt and @node-rs/argon2 to the Migration Lambda', () => {
    // Prepare
    const stack = new Stack(new App(), 'Test');

    // Act
    const migration = new HashbridgeMigration(stack, 'Migration', { migrationCode: inline });

    // Assess
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::LayerVersion', {
      CompatibleRuntimes: ['nodejs22.x'],
      CompatibleArchitectures: ['x86_64'],
    });
    const layerId = stack.getLogicalId(migration.nativeHashLayer?.node.defaultChild as never);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: Match.objectLike({ Variables: Match.objectLike({ STAGING_TABLE: Match.anyValue() }) }),
      Layers: [{ Ref: layerId }],
    });
  });

  it('can be left out', () => {
    // Prepare
    const stack = new Stack(new App(), 'Test');

    // Act
    const migration = new HashbridgeMigration(stack, 'Migration', { migrationCode: inline, nativeHashLayer: false });

    // Assess
    expect(migration.nativeHashLayer).toBeUndefined();
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::LayerVersion', 0);
  });
});

const apps: string[] = [];

/**
 * A made-up app that installed @hashbridge/infra and @hashbridge/core from npm, with the given packages of the
 * layer in its node_modules (an empty package.json each, versions as npm would install them).
 */
const makeApp = (installed: readonly string[]): { root: string; infra: string } => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'hashbridge-layer-app-')));
  apps.push(root);
  const manifests: Record<string, object> = {
    '@hashbridge/infra': {},
    '@hashbridge/core': { optionalDependencies: { '@node-rs/argon2': '2.2.1', '@node-rs/bcrypt': '2.0.0' } },
    '@node-rs/bcrypt': { optionalDependencies: { '@node-rs/bcrypt-linux-x64-gnu': '2.0.0' } },
    '@node-rs/argon2': { optionalDependencies: { '@node-rs/argon2-linux-x64-gnu': '2.2.1' } },
  };
  for (const name of ['@hashbridge/infra', '@hashbridge/core', ...installed]) {
    const directory = join(root, 'node_modules', name);
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, 'package.json'), JSON.stringify(manifests[name] ?? {}));
  }
  return { root, infra: join(root, 'node_modules', '@hashbridge', 'infra') };
};

afterAll(() => {
  for (const root of apps) rmSync(root, { recursive: true, force: true });
});

describe('Function: locateLayerPackages', () => {
  it("takes the four packages from the app's node_modules, not from a checkout", () => {
    // Prepare
    const { root, infra } = makeApp(LAYER_PACKAGES);

    // Act
    const located = locateLayerPackages(infra);

    // Assess
    expect(located).toEqual(LAYER_PACKAGES.map((name) => ({ name, directory: join(root, 'node_modules', name) })));
  });

  it('takes a binary package from beside its backend, where the backend loads it from', () => {
    // Prepare
    const { root, infra } = makeApp(['@node-rs/bcrypt', '@node-rs/argon2', '@node-rs/argon2-linux-x64-gnu']);
    const nested = join(root, 'node_modules/@node-rs/bcrypt/node_modules/@node-rs/bcrypt-linux-x64-gnu');
    mkdirSync(nested, { recursive: true });
    writeFileSync(join(nested, 'package.json'), '{}');

    // Act
    const located = locateLayerPackages(infra);

    // Assess
    expect(located.find(({ name }) => name === '@node-rs/bcrypt-linux-x64-gnu')?.directory).toBe(nested);
  });

  it('throws BundlingError naming each missing package at the version its dependent asks for', () => {
    // Prepare
    const { infra } = makeApp(['@node-rs/bcrypt']);

    // Act
    const locating = () => locateLayerPackages(infra);

    // Assess
    expect(locating).toThrow(BundlingError);
    expect(locating).toThrow(
      'npm install --save-optional --os=linux --cpu=x64 @node-rs/bcrypt-linux-x64-gnu@2.0.0 @node-rs/argon2@2.2.1 @node-rs/argon2-linux-x64-gnu@2.2.1',
    );
    expect(locating).toThrow(/nativeHashLayer: false/);
  });
});

describe('Function: createNativeHashLayer', { timeout: SYNTH_TIMEOUT }, () => {
  it('stages the four packages under nodejs/node_modules, as Lambda layers expect', () => {
    // Prepare
    const outdir = realpathSync(mkdtempSync(join(tmpdir(), 'hashbridge-layer-synth-')));
    apps.push(outdir);
    const app = new App({ outdir });
    const stack = new Stack(app, 'Test');
    new HashbridgeMigration(stack, 'Migration', { migrationCode: inline });

    // Act
    app.synth();

    // Assess
    const [layer] = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::LayerVersion'));
    const assetHash = String(layer?.Properties.Content.S3Key).replace(/\.zip$/, '');
    const scope = join(outdir, `asset.${assetHash}`, 'nodejs', 'node_modules', '@node-rs');
    expect(readdirSync(scope).sort()).toEqual(LAYER_PACKAGES.map((name) => name.replace('@node-rs/', '')).sort());
  });
});
