/**
 * Verify time per scheme at passlib's default cost: @hashbridge/core beside the fastest other
 * implementation on this machine, measured in the same run — passlib itself (C backends: libc crypt,
 * pyca bcrypt, argon2-cffi, hashlib) and, where one exists, a native Node equivalent (node:crypto,
 * @node-rs/bcrypt, @node-rs/argon2). "Ours" runs with the native backends injected, as the Migration Lambda
 * injects them; "fallback" is core's portable pure-JS/WASM default (`useHashBackends('wasm')`), run in a
 * child process. A second table does the same for Django's and Werkzeug's hashers at the frameworks' own
 * defaults, beside the framework's own check (check_password, check_password_hash). Prints Markdown
 * tables; benchmarks/hash-verify.md holds the ones printed here.
 *
 *   npm run bench:hash [-- --repeat 5]
 */
import { spawn, spawnSync } from 'node:child_process';
import { pbkdf2, scrypt } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { listSchemes, type SchemeName, useHashBackends, verifyPassword } from '@hashbridge/core';
import { ensurePythonEnv, type FrameworkOracleName, PythonOracle } from '@hashbridge/testing';

const { values } = parseArgs({
  options: {
    repeat: { type: 'string', default: '5' },
    'fallback-only': { type: 'string' },
  },
});
const REPEAT = Number(values.repeat);
const PASSWORD = 'correct horse battery staple';

/** The schemes web apps store, at passlib's defaults (what `handler.hash()` makes). */
const SCHEMES: readonly SchemeName[] = [
  'bcrypt',
  'bcrypt_sha256',
  'django_bcrypt_sha256',
  'argon2',
  'scrypt',
  'pbkdf2_sha1',
  'pbkdf2_sha256',
  'pbkdf2_sha512',
  'django_pbkdf2_sha256',
  'sha256_crypt',
  'sha512_crypt',
  'md5_crypt',
  'sha1_crypt',
  'phpass',
  'ldap_salted_sha1',
  'hex_sha256',
];

/** Each Django 5.2 and Werkzeug 3 hasher at the framework's defaults (Django 4.2's for the ones 5.x removed). */
const FRAMEWORK_HASHERS: readonly { scheme: SchemeName; oracle: FrameworkOracleName; hasher: string }[] = [
  { scheme: 'django_pbkdf2_sha256', oracle: 'django', hasher: 'PBKDF2PasswordHasher, 1,000,000 iterations' },
  { scheme: 'django_pbkdf2_sha1', oracle: 'django', hasher: 'PBKDF2SHA1PasswordHasher, 1,000,000 iterations' },
  { scheme: 'django_argon2', oracle: 'django', hasher: 'Argon2PasswordHasher, t=2 m=100 MiB p=8' },
  { scheme: 'django_bcrypt_sha256', oracle: 'django', hasher: 'BCryptSHA256PasswordHasher, cost 12' },
  { scheme: 'django_bcrypt', oracle: 'django', hasher: 'BCryptPasswordHasher, cost 12' },
  { scheme: 'django_scrypt', oracle: 'django', hasher: 'ScryptPasswordHasher, N=2^14 r=8 p=5' },
  { scheme: 'django_salted_md5', oracle: 'django', hasher: 'MD5PasswordHasher' },
  { scheme: 'django_salted_sha1', oracle: 'django-legacy', hasher: 'SHA1PasswordHasher (Django 4.2)' },
  { scheme: 'django_unsalted_md5', oracle: 'django-legacy', hasher: 'UnsaltedMD5PasswordHasher (Django 4.2)' },
  { scheme: 'django_unsalted_sha1', oracle: 'django-legacy', hasher: 'UnsaltedSHA1PasswordHasher (Django 4.2)' },
  { scheme: 'django_des_crypt', oracle: 'django-legacy', hasher: 'CryptPasswordHasher (Django 4.2)' },
  { scheme: 'werkzeug_pbkdf2', oracle: 'django', hasher: 'Werkzeug pbkdf2, sha256 1,000,000 iterations' },
  { scheme: 'werkzeug_scrypt', oracle: 'django', hasher: 'Werkzeug scrypt (default), N=2^15 r=8 p=1' },
];
/** Werkzeug's default method is scrypt: pbkdf2 is asked for by name, with nothing else. */
const frameworkSettings = (scheme: SchemeName) => (scheme === 'werkzeug_pbkdf2' ? { method: 'pbkdf2' } : {});

const median = (samples: number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** One warm-up, then the median of at least `repeat` timed runs, and of more for fast schemes (200 ms' worth). */
const time = async (run: () => Promise<unknown>, repeat: number): Promise<number> => {
  await run();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < repeat || (performance.now() - started < 200 && samples.length < 10_000)) {
    const runStarted = performance.now();
    await run();
    samples.push(performance.now() - runStarted);
  }
  return median(samples);
};

const MEMORY_HARD: ReadonlySet<SchemeName> = new Set([
  'argon2',
  'scrypt',
  'django_argon2',
  'django_scrypt',
  'werkzeug_scrypt',
]);
const repeatFor = (scheme: SchemeName): number =>
  MEMORY_HARD.has(scheme) ? Math.max(3, Math.ceil(REPEAT / 2)) : REPEAT;

/** The hashes to time, by row: a passlib scheme's name, or `framework:<scheme>` for a framework's hash. */
type Hashes = Record<string, { readonly scheme: SchemeName; readonly hash: string }>;

const timeOurs = async (hashes: Hashes): Promise<Record<string, number>> => {
  const result: Record<string, number> = {};
  for (const [row, { scheme, hash }] of Object.entries(hashes)) {
    result[row] = await time(() => verifyPassword(PASSWORD, hash, { scheme }), repeatFor(scheme));
  }
  return result;
};

// Child mode: time our fallback backends only, for the parent.
if (values['fallback-only'] !== undefined) {
  useHashBackends('wasm');
  const hashes = JSON.parse(readFileSync(values['fallback-only'], 'utf8')) as Hashes;
  process.stdout.write(JSON.stringify(await timeOurs(hashes)));
  process.exit(0);
}

class PasslibTimer {
  readonly #child = spawn(ensurePythonEnv('passlib'), [fileURLToPath(new URL('passlib-timer.py', import.meta.url))]);
  readonly #lines = createInterface({ input: this.#child.stdout })[Symbol.asyncIterator]();

  async ask<T>(request: object): Promise<T> {
    this.#child.stdin.write(`${JSON.stringify(request)}\n`);
    const { value } = await this.#lines.next();
    return JSON.parse(value as string) as T;
  }

  close(): void {
    this.#child.stdin.end();
  }
}

/** A native Node implementation of the same work, where one exists. */
const nativeBaseline = async (
  scheme: SchemeName,
  hash: string,
): Promise<{ name: string; run: () => Promise<unknown> } | undefined> => {
  const pbkdf2Async = promisify(pbkdf2);
  const pbkdf2Params: Partial<Record<SchemeName, [number, string, number]>> = {
    pbkdf2_sha1: [131000, 'sha1', 20],
    pbkdf2_sha256: [29000, 'sha256', 32],
    pbkdf2_sha512: [25000, 'sha512', 64],
    django_pbkdf2_sha256: [Number(hash.split('$')[1]), 'sha256', 32],
  };
  const params = pbkdf2Params[scheme];
  if (params !== undefined) {
    const [iterations, digest, keyLength] = params;
    return {
      name: 'node:crypto',
      run: () => pbkdf2Async(PASSWORD, 'sixteen byte salt', iterations, keyLength, digest),
    };
  }
  if (scheme === 'scrypt') {
    const scryptAsync = promisify(scrypt) as (p: string, s: string, k: number, o: object) => Promise<Buffer>;
    return {
      name: 'node:crypto',
      run: () => scryptAsync(PASSWORD, 'salt', 32, { N: 65536, r: 8, p: 1, maxmem: 256 * 1024 * 1024 }),
    };
  }
  if (scheme === 'bcrypt') {
    const native = await import('@node-rs/bcrypt');
    return { name: '@node-rs/bcrypt', run: () => native.verify(PASSWORD, hash) };
  }
  if (scheme === 'argon2') {
    const native = await import('@node-rs/argon2');
    return { name: '@node-rs/argon2', run: () => native.verify(hash, PASSWORD) };
  }
  return undefined;
};

const passlib = new PasslibTimer();
const implemented = new Set(listSchemes());
const hashes: Record<string, string> = {};
const passlibBackends: Record<string, string> = {};
for (const scheme of SCHEMES) {
  const made = await passlib.ask<{ hash: string; backend: string }>({ op: 'hash', scheme, password: PASSWORD });
  hashes[scheme] = made.hash;
  passlibBackends[scheme] = made.backend;
}
const ready: Hashes = Object.fromEntries(
  Object.entries(hashes)
    .filter(([scheme]) => implemented.has(scheme as SchemeName))
    .map(([scheme, hash]) => [scheme, { scheme: scheme as SchemeName, hash }]),
);
const frameworks: Record<FrameworkOracleName, PythonOracle> = {
  django: new PythonOracle(ensurePythonEnv('django'), 'framework_oracle.py'),
  'django-legacy': new PythonOracle(ensurePythonEnv('django-legacy'), 'framework_oracle.py'),
};
for (const { scheme, oracle } of FRAMEWORK_HASHERS) {
  const hash = await frameworks[oracle].hash(scheme, PASSWORD, frameworkSettings(scheme));
  ready[`framework:${scheme}`] = { scheme, hash };
}

process.stderr.write('timing @hashbridge/core (native backends)...\n');
useHashBackends({ bcrypt: await import('@node-rs/bcrypt'), argon2: await import('@node-rs/argon2') });
// Passlib's rows here; each framework row is timed right beside the framework's own check, below.
const ours = await timeOurs(Object.fromEntries(Object.entries(ready).filter(([row]) => !row.startsWith('framework:'))));
process.stderr.write('timing the pure JS / WASM fallback in a child process...\n');
const input = join(tmpdir(), `hashbridge-bench-${process.pid}.json`);
writeFileSync(input, JSON.stringify(ready));
const child = spawnSync(
  process.execPath,
  [...process.execArgv, fileURLToPath(import.meta.url), '--fallback-only', input, '--repeat', String(REPEAT)],
  { encoding: 'utf8' },
);
const fallback = child.status === 0 ? (JSON.parse(child.stdout) as Record<string, number>) : {};

process.stderr.write('timing passlib and native baselines...\n');
const rows: string[] = [];
for (const scheme of SCHEMES) {
  const hash = hashes[scheme] ?? '';
  const { ms } = await passlib.ask<{ ms: number[] }>({
    scheme,
    password: PASSWORD,
    hash,
    repeat: repeatFor(scheme) + 1,
  });
  const passlibMs = median(ms.slice(1));
  const native = await nativeBaseline(scheme, hash);
  const nativeMs = native === undefined ? undefined : await time(native.run, repeatFor(scheme));
  const fastest = Math.min(passlibMs, nativeMs ?? Number.POSITIVE_INFINITY);
  const oursMs = ours[scheme];
  const f = (value: number | undefined): string => (value === undefined ? '—' : value.toPrecision(3));
  rows.push(
    `| ${scheme} | ${f(oursMs)} | ${f(fallback[scheme])} | ${f(passlibMs)} (${passlibBackends[scheme] || 'hashlib'}) | ${native === undefined ? '—' : `${f(nativeMs)} (${native.name})`} | ${oursMs === undefined ? 'not implemented' : (oursMs / fastest).toFixed(2)} |`,
  );
}
passlib.close();

process.stderr.write('timing Django and Werkzeug...\n');
const frameworkRows: string[] = [];
for (const { scheme, oracle, hasher } of FRAMEWORK_HASHERS) {
  const row = `framework:${scheme}`;
  const { hash } = ready[row] ?? { hash: '' };
  const oursMs = await time(() => verifyPassword(PASSWORD, hash, { scheme }), repeatFor(scheme));
  const ms = await frameworks[oracle].time(scheme, PASSWORD, hash, repeatFor(scheme) + 1);
  const frameworkMs = median(ms.slice(1));
  const f = (value: number | undefined): string => (value === undefined ? '—' : value.toPrecision(3));
  frameworkRows.push(
    `| ${hasher} | ${scheme} | ${f(oursMs)} | ${f(fallback[row])} | ${f(frameworkMs)} | ${(oursMs / frameworkMs).toFixed(2)} |`,
  );
}
await Promise.all(Object.values(frameworks).map((framework) => framework.close()));

console.log(
  '| scheme (passlib default cost) | ours (ms) | ours, fallback (ms) | passlib (ms, backend) | native Node (ms) | ours / fastest |',
);
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);

console.log('');
console.log(
  '| hasher (framework default) | scheme | ours (ms) | ours, fallback (ms) | framework (ms) | ours / framework |',
);
console.log('|---|---|---|---|---|---|');
for (const row of frameworkRows) console.log(row);
