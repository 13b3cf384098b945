import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The packages as npm would publish them, installed into a throwaway CDK app outside the workspace: nothing
 * may be found through the checkout (no REPOSITORY_ROOT, no workspace links, no root lock file), so this is
 * what an app that runs `npm install @hashbridge/infra` gets.
 */

const REPOSITORY = fileURLToPath(new URL('../../../../', import.meta.url));
const WORKSPACES = ['core', 'adapters', 'handlers', 'infra'] as const;

/** What `npm pack` ships must exist: the root test command builds it (turbo) before vitest runs. */
const BUILT_FILES = [
  'core/dist/index.js',
  'adapters/dist/index.js',
  'handlers/dist/migration.js',
  'handlers/dist/loader.js',
  'handlers/dist/pre-sign-up.js',
  'infra/dist/index.js',
  'infra/dist/custom-resources/public-access-handler.js',
];

/** The app: plain JavaScript, as a consumer would write it; prints where the template went. */
const APP = `import { App } from 'aws-cdk-lib';
import { HashbridgeStack } from '@hashbridge/infra';

const app = new App({ outdir: process.argv[2] });
new HashbridgeStack(app, 'Hashbridge', { pipeline: { operatorCidr: '203.0.113.7/32' } });
const stack = app.synth().getStackByName('Hashbridge');
console.log(JSON.stringify({ template: stack.templateFullPath }));
`;

/** npm settings inherited from an `npm test` run would point npm back at the workspace. */
const cleanEnvironment = (): NodeJS.ProcessEnv =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !/^npm_(package|lifecycle)_/i.test(key) &&
        !/^npm_config_(workspaces?|include_workspace_root|prefix)$/i.test(key),
    ),
  );

/** Runs a command to completion; on failure the error carries the end of its output, for the test report. */
const run = (command: string, args: readonly string[], cwd: string): string => {
  const result = spawnSync(command, args, {
    cwd,
    env: cleanEnvironment(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error !== undefined || result.status !== 0) {
    const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd} (${result.error?.message ?? `exit ${result.status}`}):\n${output}`,
    );
  }
  return result.stdout;
};

interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}

const root = mkdtempSync(join(tmpdir(), 'hashbridge-packed-'));
const packs = join(root, 'packs');
const app = join(root, 'app');
const outdir = join(root, 'cdk.out');

describe('Packed install of @hashbridge/infra', { timeout: 240_000 }, () => {
  let resources: TemplateResource[] = [];

  beforeAll(() => {
    // Prepare
    const missing = BUILT_FILES.filter((file) => !existsSync(join(REPOSITORY, 'packages', file)));
    if (missing.length > 0) {
      throw new Error(
        `packages/${missing.join(', packages/')} missing: build first (npx turbo run build --filter=@hashbridge/infra...)`,
      );
    }
    mkdirSync(packs);
    mkdirSync(app);
    const packed = JSON.parse(
      run(
        'npm',
        ['pack', '--json', '--pack-destination', packs, ...WORKSPACES.flatMap((name) => ['-w', `packages/${name}`])],
        REPOSITORY,
      ),
    ) as Array<{ name: string; filename: string }>;
    const infra = JSON.parse(readFileSync(join(REPOSITORY, 'packages/infra/package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const dependencies = Object.fromEntries([
      ...packed.map(({ name, filename }) => [name, `file:${join(packs, filename)}`]),
      // The versions infra is built and tested with (its peers, pinned in its devDependencies).
      ...['aws-cdk-lib', 'constructs'].map((name) => [name, infra.devDependencies[name]]),
    ]);
    writeFileSync(
      join(app, 'package.json'),
      `${JSON.stringify({ name: 'hashbridge-packed-app', private: true, type: 'module', dependencies }, null, 2)}\n`,
    );
    writeFileSync(join(app, 'app.mjs'), APP);
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], app);

    // Act
    // From the temp folder above the app: bundling must not depend on the working directory. The app's last
    // line is its answer; esbuild's progress may come before it.
    const output = run(process.execPath, [join(app, 'app.mjs'), outdir], root)
      .trim()
      .split('\n');
    const { template } = JSON.parse(output.at(-1) ?? '{}') as { template: string };
    resources = Object.values(
      (JSON.parse(readFileSync(template, 'utf8')) as { Resources: Record<string, TemplateResource> }).Resources,
    );
  }, 240_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const ofType = (type: string) => resources.filter((resource) => resource.Type === type);

  /** The folder CDK staged a resource's asset in: `asset.<hash>` for the S3 key `<hash>.zip`. */
  const assetOf = (resource: TemplateResource | undefined, property: 'Code' | 'Content'): string => {
    const location = resource?.Properties?.[property] as { S3Key?: string } | undefined;
    return join(outdir, `asset.${String(location?.S3Key).replace(/\.zip$/, '')}`);
  };

  it('installs the four packages from their tarballs, not from a registry or the workspace', () => {
    // Prepare
    const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { resolved?: string; link?: boolean }>;
    };

    // Act
    const installed = Object.entries(lock.packages).filter(([path]) => /(^|\/)node_modules\/@hashbridge\//.test(path));

    // Assess
    expect(installed.map(([path]) => path).sort()).toEqual(
      WORKSPACES.map((name) => `node_modules/@hashbridge/${name}`).sort(),
    );
    for (const [, entry] of installed) {
      expect(entry.link).toBeUndefined();
      expect(entry.resolved).toMatch(/^file:.*\/packs\/hashbridge-[a-z]+-[\d.]+\.tgz$/);
    }
  });

  it('synthesizes the Migration and Loader functions, bundled from the installed handlers', () => {
    // Prepare & Act
    const handlers = ofType('AWS::Lambda::Function').filter(
      (fn) => fn.Properties?.Runtime === 'nodejs22.x' && fn.Properties.Handler === 'index.handler',
    );

    // Assess
    expect(handlers).toHaveLength(2);
    for (const fn of handlers) {
      expect(readdirSync(assetOf(fn, 'Code'))).toContain('index.mjs');
    }
  });

  it('synthesizes the native hash layer from the installed @node-rs packages', () => {
    // Prepare & Act
    const layers = ofType('AWS::Lambda::LayerVersion');

    // Assess
    expect(layers).toHaveLength(1);
    const scope = join(assetOf(layers[0], 'Content'), 'nodejs', 'node_modules', '@node-rs');
    expect(readdirSync(scope).sort()).toEqual(['argon2', 'argon2-linux-x64-gnu', 'bcrypt', 'bcrypt-linux-x64-gnu']);
  });

  it('loads from a CommonJS app too, through require(esm)', () => {
    // Prepare & Act
    // `cdk init` apps are CommonJS; the export's `default` condition lets their require() reach the ES module.
    const loaded = run(
      process.execPath,
      ['-e', "process.stdout.write(typeof require('@hashbridge/infra').HashbridgeStack)"],
      app,
    );

    // Assess
    expect(loaded).toBe('function');
  });

  it('installs the PreSignUp guard with the handlers, for an app that turns self sign-up on', () => {
    // Prepare & Act
    // The reference stack leaves the guard off; what the construct would bundle must still be there.
    const resolved = run(
      process.execPath,
      ['--input-type=module', '-e', "process.stdout.write(import.meta.resolve('@hashbridge/handlers/pre-sign-up'))"],
      app,
    );

    // Assess
    expect(existsSync(fileURLToPath(resolved))).toBe(true);
    expect(resolved).toContain('/node_modules/@hashbridge/handlers/dist/pre-sign-up.js');
  });

  it('synthesizes the migration dashboard and its six alarms', () => {
    // Prepare & Act
    const dashboards = ofType('AWS::CloudWatch::Dashboard');

    // Assess
    expect(dashboards).toHaveLength(1);
    expect(ofType('AWS::CloudWatch::Alarm')).toHaveLength(6);
  });

  it('synthesizes the staging tables, their TTL on, and the MSK cluster', () => {
    // Prepare & Act
    const tables = ofType('AWS::DynamoDB::Table');
    const tableNames = tables.map((table) => table.Properties?.TableName);

    // Assess
    expect(tableNames.sort()).toEqual(['StandaloneUserHashes', 'StandaloneUserHashesQuarantine']);
    for (const table of tables) {
      expect(table.Properties?.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    }
    expect(ofType('AWS::MSK::Cluster')).toHaveLength(1);
    expect(ofType('Custom::MskPublicAccess')).toHaveLength(1);
  });
});
