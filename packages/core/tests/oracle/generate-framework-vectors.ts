/**
 * Writes @hashbridge/testing's fixtures/framework-vectors.json: known-answer vectors made by Django 5.2,
 * Django 4.2 (the hashers Django 5 removed) and Werkzeug 3 themselves, for every case in
 * tests/helpers/framework-cases.ts. Each hasher hashes one password at the framework's defaults and a fixed
 * set of passwords (ASCII, Unicode, empty, over 72 bytes) at random cheap settings; each hash is then
 * checked by the same framework with the right password and near misses. Run again after changing the
 * cases (new random settings each time):
 *
 *   npx tsx packages/core/tests/oracle/generate-framework-vectors.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensurePythonEnv,
  FRAMEWORK_VECTORS_FILE,
  type FrameworkOracleName,
  type FrameworkVector,
  ORACLE_DIR,
  PythonOracle,
} from '@hashbridge/testing';
import fc from 'fast-check';
import { FRAMEWORK_CASES } from '../helpers/framework-cases.js';

const PASSWORDS = [
  '',
  'password',
  'Tr0ub4dor&3',
  'Zoë ☃ 密码 😀',
  'correct horse battery staple, and then some more words to pass seventy-two bytes: ÄÖÜ',
];
/** At the defaults a verify takes up to half a second (PBKDF2's 1,000,000 iterations): one password there. */
const DEFAULTS_PASSWORD = 'Zoë ☃ 密码 😀';
const RANDOM_SETTINGS_PER_CASE = 3;

/** The version a requirements file of the oracles pins for `project`. */
const pinned = (oracle: FrameworkOracleName, project: string): string =>
  new RegExp(`^${project}==(\\S+)$`, 'im').exec(
    readFileSync(join(ORACLE_DIR, `requirements-${oracle}.txt`), 'utf8'),
  )?.[1] ?? 'unknown';

const nearMisses = (password: string): string[] => [
  `${password}x`,
  password.toUpperCase() === password ? `${password}!` : password.toUpperCase(),
];

const main = async (): Promise<void> => {
  const oracles: Record<FrameworkOracleName, PythonOracle> = {
    django: new PythonOracle(ensurePythonEnv('django'), 'framework_oracle.py'),
    'django-legacy': new PythonOracle(ensurePythonEnv('django-legacy'), 'framework_oracle.py'),
  };
  const vectors: FrameworkVector[] = [];
  for (const frameworkCase of FRAMEWORK_CASES) {
    const oracle = oracles[frameworkCase.oracle];
    const runs: (readonly [Readonly<Record<string, unknown>>, readonly string[]])[] = [
      [frameworkCase.defaults, [DEFAULTS_PASSWORD]],
      ...fc.sample(frameworkCase.settings, RANDOM_SETTINGS_PER_CASE).map((settings) => [settings, PASSWORDS] as const),
    ];
    for (const [settings, passwords] of runs) {
      for (const password of passwords) {
        const hash = await oracle.hash(frameworkCase.scheme, password, settings);
        for (const candidate of [password, ...nearMisses(password)]) {
          const { verdict, needsUpdate } = await oracle.check(frameworkCase.scheme, candidate, hash);
          vectors.push({
            scheme: frameworkCase.scheme,
            oracle: frameworkCase.oracle,
            settings,
            hash,
            password: candidate,
            expected: verdict,
            ...(needsUpdate === undefined ? {} : { needsUpdate }),
          });
        }
      }
    }
  }
  await Promise.all(Object.values(oracles).map((oracle) => oracle.close()));
  const versions = {
    django: pinned('django', 'Django'),
    djangoLegacy: pinned('django-legacy', 'Django'),
    werkzeug: pinned('django', 'Werkzeug'),
  };
  writeFileSync(
    FRAMEWORK_VECTORS_FILE,
    `${JSON.stringify({ generatedBy: 'packages/core/tests/oracle/generate-framework-vectors.ts', ...versions, vectors }, null, 1)}\n`,
  );
  process.stdout.write(`${vectors.length} vectors written to ${FRAMEWORK_VECTORS_FILE}\n`);
};

await main();
