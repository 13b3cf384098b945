/**
 * Writes @hashbridge/testing's fixtures/passlib-vectors.json: known-answer vectors made by real passlib 1.7.4 and by
 * libpass 1.9.4, for every scheme in tests/helpers/scheme-cases.ts (implemented or not yet).
 * For each cost setting and each of a fixed set of passwords (ASCII, Unicode, empty, over 72 bytes),
 * both libraries hash the password; each hash is then checked with the right password and with near
 * misses by the library that made it, and the other library must agree. Run again after changing the
 * scheme table:
 *
 *   npx tsx packages/core/tests/oracle/generate-vectors.ts
 */
import { writeFileSync } from 'node:fs';
import {
  ensurePythonEnv,
  type OracleContext,
  type OracleVerdict,
  PASSLIB_VECTORS_FILE,
  PythonOracle,
} from '@hashbridge/testing';
import { SCHEME_CASES } from '../helpers/scheme-cases.js';

interface Vector {
  readonly scheme: string;
  /** Which library made the hash. */
  readonly source: 'passlib' | 'libpass';
  readonly hash: string;
  readonly context?: OracleContext;
  readonly password: string;
  readonly expected: OracleVerdict;
}

const OUTPUT = PASSLIB_VECTORS_FILE;

const PASSWORDS = [
  '',
  'password',
  'Tr0ub4dor&3',
  'Zoë ☃ 密码 😀',
  'correct horse battery staple, and then some more words to pass seventy-two bytes: ÄÖÜ',
];

const nearMisses = (password: string): string[] => [
  `${password}x`,
  password.toUpperCase() === password ? `${password}!` : password.toUpperCase(),
];

const main = async (): Promise<void> => {
  const oracles = {
    passlib: new PythonOracle(ensurePythonEnv('passlib')),
    libpass: new PythonOracle(ensurePythonEnv('libpass')),
  };
  const vectors: Vector[] = [];
  const disagreements: string[] = [];
  for (const schemeCase of SCHEME_CASES) {
    // Schemes outside passlib have one reference implementation, reached through the passlib oracle.
    const sources = schemeCase.reference === undefined ? (['passlib', 'libpass'] as const) : (['passlib'] as const);
    for (const settings of schemeCase.settings) {
      for (const [index, password] of PASSWORDS.entries()) {
        const context: OracleContext =
          schemeCase.context === undefined
            ? {}
            : { user: `user${index}`, ...(schemeCase.context === 'user+realm' ? { realm: 'Legacy Realm' } : {}) };
        for (const source of sources) {
          let hash: string;
          try {
            hash = await oracles[source].hash(schemeCase.scheme, password, settings, context);
          } catch {
            continue; // this library refuses to hash this password for this scheme
          }
          for (const candidate of [password, ...nearMisses(password)]) {
            const expected = await oracles[source].verify(schemeCase.scheme, candidate, hash, context);
            if (sources.length === 2) {
              const other = source === 'passlib' ? 'libpass' : 'passlib';
              const second = await oracles[other].verify(schemeCase.scheme, candidate, hash, context);
              if (second !== expected)
                disagreements.push(`${schemeCase.scheme}: ${source}=${expected} ${other}=${second}`);
            }
            vectors.push({
              scheme: schemeCase.scheme,
              source,
              hash,
              ...(Object.keys(context).length > 0 ? { context } : {}),
              password: candidate,
              expected,
            });
          }
        }
      }
    }
  }
  await Promise.all([oracles.passlib.close(), oracles.libpass.close()]);
  writeFileSync(
    OUTPUT,
    `${JSON.stringify({ generatedBy: 'packages/core/tests/oracle/generate-vectors.ts', passlib: '1.7.4', libpass: '1.9.4', disagreements, vectors }, null, 1)}\n`,
  );
  process.stdout.write(
    `${vectors.length} vectors written to ${OUTPUT}; passlib and libpass disagreed ${disagreements.length} times\n`,
  );
  for (const line of disagreements.slice(0, 20)) process.stdout.write(`  ${line}\n`);
};

await main();
