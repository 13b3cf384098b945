import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPasslibVectors } from '@hashbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  filesNamedBy,
  installPackedApp,
  type Manifest,
  type PackedPackage,
  PUBLIC_PACKAGES,
  packPublicPackages,
  REPOSITORY,
} from '../helpers/packed-app.js';
import { lastLine, runCommand, spawnCommand } from '../helpers/run-command.js';

/**
 * The five public packages as `npm publish` would pack them, installed from their tarballs into a throwaway app
 * outside the workspace (registry dependencies from npm's cache or the registry): what a user who runs
 * `npm install @hashbridge/…` gets, used the ways a user would use it. One pack and install serves every case.
 */

const root = mkdtempSync(join(tmpdir(), 'hashbridge-packed-'));
const app = join(root, 'app');
const outdir = join(root, 'cdk.out');
let packed: PackedPackage[] = [];

/** What `npm pack` put in the tarball of the package in packages/<folder>. */
const packedOf = (folder: string): PackedPackage => {
  const entry = packed.find((candidate) => candidate.folder === folder);
  if (entry === undefined) throw new Error(`no tarball for packages/${folder}`);
  return entry;
};

/** The installed copy's package.json, as npm unpacked it from the tarball. */
const installedManifest = (name: string): Manifest & Record<string, unknown> =>
  JSON.parse(readFileSync(join(app, 'node_modules', name, 'package.json'), 'utf8')) as Manifest &
    Record<string, unknown>;

describe('Packed install of the public packages', { timeout: 300_000 }, () => {
  beforeAll(() => {
    packed = packPublicPackages(join(root, 'packs'));
    installPackedApp(app, packed);
  }, 300_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  describe('Tarballs', () => {
    it.each(PUBLIC_PACKAGES)(
      '@hashbridge/%s ships its README, LICENSE and build, and no sources or tests',
      (folder) => {
        // Prepare
        const { files } = packedOf(folder);

        // Act
        // dist/ holds the JavaScript, its declarations and source maps that embed the TypeScript (sourcesContent),
        // so stack traces and debuggers reach the sources without src/ in the package. bin/ and bundling/ are
        // run or read by path.
        const unexpected = files.filter(
          (file) => !['LICENSE', 'README.md', 'package.json'].includes(file) && !/^(dist|bin|bundling)\//.test(file),
        );

        // Assess
        expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
        expect(unexpected).toEqual([]);
        expect(files.filter((file) => /(^|\/)(src|tests?)\/|\.test\.|\.tsbuildinfo$/.test(file))).toEqual([]);
      },
    );

    it.each(PUBLIC_PACKAGES)('@hashbridge/%s ships every file its exports map and bins point at', (folder) => {
      // Prepare
      const { name, files } = packedOf(folder);

      // Act
      const missing = filesNamedBy(installedManifest(name)).filter((file) => !files.includes(file));

      // Assess
      expect(missing).toEqual([]);
    });

    it.each(PUBLIC_PACKAGES)(
      '@hashbridge/%s gives types, import and default for every entry, and its licence, repository and Node range',
      (folder) => {
        // Prepare & Act
        const manifest = installedManifest(`@hashbridge/${folder}`);

        // Assess
        for (const conditions of Object.values(manifest.exports ?? {})) {
          expect(Object.keys(conditions)).toEqual(['types', 'import', 'default']);
        }
        expect(manifest).toMatchObject({
          license: 'Apache-2.0',
          engines: { node: '>=20.19' },
          repository: {
            type: 'git',
            url: 'git+https://github.com/hashbridge/hashbridge.git',
            directory: `packages/${folder}`,
          },
        });
        expect(manifest.sideEffects).toBeDefined();
        expect(readFileSync(join(app, 'node_modules/@hashbridge', folder, 'LICENSE'), 'utf8')).toContain(
          'Apache License\n                           Version 2.0, January 2004',
        );
      },
    );

    it('installs the five packages from their tarballs, not from a registry or the workspace', () => {
      // Prepare
      const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as {
        packages: Record<string, { resolved?: string; link?: boolean }>;
      };

      // Act
      const installed = Object.entries(lock.packages).filter(([path]) =>
        /(^|\/)node_modules\/@hashbridge\//.test(path),
      );

      // Assess
      expect(installed.map(([path]) => path).sort()).toEqual(
        PUBLIC_PACKAGES.map((folder) => `node_modules/@hashbridge/${folder}`).sort(),
      );
      for (const [, entry] of installed) {
        expect(entry.link).toBeUndefined();
        expect(entry.resolved).toMatch(/^file:.*\/packs\/hashbridge-[a-z]+-[\d.]+\.tgz$/);
      }
    });
  });

  describe('@hashbridge/core, installed', () => {
    // passlib's own answers (fixtures of @hashbridge/testing): for each hash, its password and a wrong one.
    const vectors = readPasslibVectors().filter(
      (vector) => vector.source === 'passlib' && vector.context === undefined,
    );
    const cases = ['pbkdf2_sha256', 'bcrypt'].flatMap((scheme) => {
      const right = vectors.find((v) => v.scheme === scheme && v.expected === true && v.password.length > 0);
      const wrong = vectors.find((v) => v.hash === right?.hash && v.expected === false);
      if (right === undefined || wrong === undefined) throw new Error(`no passlib vectors for ${scheme}`);
      return [right, wrong];
    });
    let answers = { required: [] as boolean[], imported: [] as boolean[], sameModule: false };

    beforeAll(() => {
      // Passwords and hashes go in on stdin; the app prints only the answers.
      const input = JSON.stringify(cases.map(({ password, hash }) => ({ password, hash })));
      answers = JSON.parse(
        lastLine(runCommand(process.execPath, ['verify-with-core.cjs'], { cwd: app, input })),
      ) as typeof answers;
    });

    it('verifies a pbkdf2_sha256 and a bcrypt hash as passlib does, through require() and through import()', () => {
      // Prepare
      const expected = cases.map(({ expected }) => expected);

      // Act & Assess
      expect(expected).toEqual([true, false, true, false]);
      expect(answers.required).toEqual(expected);
      expect(answers.imported).toEqual(expected);
    });

    it('gives require() and import() the same module, not two copies', () => {
      // Prepare & Act & Assess
      expect(answers.sameModule).toBe(true);
    });
  });

  describe('Entry points, installed', () => {
    // Each checked subpath and one export it must have; a subpath not built yet is simply not listed here.
    const entries = [
      ['@hashbridge/adapters', 'AdapterError'],
      ['@hashbridge/adapters/cognito', 'CognitoUserImportJobs'],
      ['@hashbridge/adapters/dynamodb', 'DynamoDBStagedUserStore'],
      ['@hashbridge/adapters/kafka', 'KafkaPublisher'],
      ['@hashbridge/adapters/postgres', 'PostgresUserSource'],
      ['@hashbridge/handlers', 'createMigrationHandler'],
      ['@hashbridge/producer', 'runProducer'],
    ] as const;
    type Loaded = { names?: string[]; sameValues?: boolean; requireError?: string };
    let report: Record<string, Loaded> = {};

    beforeAll(() => {
      const specifiers = [...entries.map(([specifier]) => specifier), '@hashbridge/handlers/migration'];
      report = JSON.parse(
        lastLine(runCommand(process.execPath, ['load-both-ways.cjs', ...specifiers], { cwd: app })),
      ) as Record<string, Loaded>;
    });

    it.each(entries)('"%s" loads through require() and import() alike, with %s', (specifier, name) => {
      // Prepare & Act
      const loaded = report[specifier];

      // Assess
      expect(loaded?.requireError).toBeUndefined();
      expect(loaded?.names).toContain(name);
      expect(loaded?.sameValues).toBe(true);
    });

    it('refuses require() of the Migration entry point: its top-level await picks the hash backends at init', () => {
      // Prepare & Act
      // Lambda imports it as an ES module; Node's require(esm) cannot wait, and says so rather than half-load it.
      const loaded = report['@hashbridge/handlers/migration'];

      // Assess
      expect(loaded?.requireError).toBe('ERR_REQUIRE_ASYNC_MODULE');
    });

    it('type-checks a TypeScript app that imports and requires the packages, with no @types installed', () => {
      // Prepare
      const tsc = join(REPOSITORY, 'node_modules/typescript/bin/tsc');

      // Act
      const result = spawnCommand(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: app });

      // Assess
      expect(result.stdout).toBe('');
      expect(result.status).toBe(0);
    });
  });

  describe('Operator commands, installed', () => {
    it.each([
      ['hashbridge-producer', 'Usage: hashbridge-producer [options]', '--database-url <url>'],
      ['hashbridge', 'Usage: hashbridge <command>', 'export'],
    ])('%s --help exits 0 and prints its usage', (bin, usage, option) => {
      // Prepare & Act
      const result = spawnCommand(join(app, 'node_modules/.bin', bin), ['--help'], { cwd: app });

      // Assess
      expect(result.error).toBeUndefined();
      expect(result.status).toBe(0);
      expect(result.stdout.startsWith(usage)).toBe(true);
      expect(result.stdout).toContain(option);
    });
  });

  describe('@hashbridge/infra, installed in a CDK app', () => {
    interface TemplateResource {
      readonly Type: string;
      readonly Properties?: Record<string, unknown>;
    }
    let resources: TemplateResource[] = [];

    beforeAll(() => {
      // From the temp folder above the app: bundling must not depend on the working directory.
      const output = runCommand(process.execPath, [join(app, 'synth-reference-stack.mjs'), outdir], { cwd: root });
      const { template } = JSON.parse(lastLine(output)) as { template: string };
      resources = Object.values(
        (JSON.parse(readFileSync(template, 'utf8')) as { Resources: Record<string, TemplateResource> }).Resources,
      );
    }, 240_000);

    const ofType = (type: string) => resources.filter((resource) => resource.Type === type);

    /** The folder CDK staged a resource's asset in: `asset.<hash>` for the S3 key `<hash>.zip`. */
    const assetOf = (resource: TemplateResource | undefined, property: 'Code' | 'Content'): string => {
      const location = resource?.Properties?.[property] as { S3Key?: string } | undefined;
      return join(outdir, `asset.${String(location?.S3Key).replace(/\.zip$/, '')}`);
    };

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
      const loaded = runCommand(
        process.execPath,
        ['-e', "process.stdout.write(typeof require('@hashbridge/infra').HashbridgeStack)"],
        { cwd: app },
      );

      // Assess
      expect(loaded).toBe('function');
    });

    it('installs the PreSignUp guard with the handlers, for an app that turns self sign-up on', () => {
      // Prepare & Act
      // The reference stack leaves the guard off; what the construct would bundle must still be there.
      const resolved = runCommand(
        process.execPath,
        ['--input-type=module', '-e', "process.stdout.write(import.meta.resolve('@hashbridge/handlers/pre-sign-up'))"],
        { cwd: app },
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
});
