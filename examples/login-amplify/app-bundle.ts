import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

/** Where `npm run build:app` writes the site (gitignored, as every `dist/`). */
const DIST_DIR = fileURLToPath(new URL('dist/', import.meta.url));
const PUBLIC_DIR = fileURLToPath(new URL('public/', import.meta.url));

/**
 * One ES module for the browser from `src/main.ts`, Amplify included. The same options for the files on disk
 * and for the in-memory bundle the test server serves, so the tests run what would be deployed.
 */
const APP_BUILD_OPTIONS = {
  entryPoints: { app: fileURLToPath(new URL('src/main.ts', import.meta.url)) },
  outdir: DIST_DIR,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
} as const satisfies BuildOptions;

/** Bundles the app in memory: file name (`app.js`, its source map and licence comments) → contents. */
const bundleApp = async (): Promise<ReadonlyMap<string, Uint8Array>> => {
  const { outputFiles } = await build({ ...APP_BUILD_OPTIONS, write: false });
  return new Map(outputFiles.map((file) => [basename(file.path), file.contents]));
};

export { APP_BUILD_OPTIONS, bundleApp, DIST_DIR, PUBLIC_DIR };
