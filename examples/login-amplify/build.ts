// npm run build:app -w @hashbridge/login-amplify: the static site in dist/ (index.html, style.css, app.js).
// Deploy it with a config.json beside it; the bundle holds no pool settings.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleApp, DIST_DIR, PUBLIC_DIR } from './app-bundle.js';

rmSync(DIST_DIR, { recursive: true, force: true });
mkdirSync(DIST_DIR, { recursive: true });
cpSync(PUBLIC_DIR, DIST_DIR, { recursive: true });
for (const [name, contents] of await bundleApp()) writeFileSync(join(DIST_DIR, name), contents);
process.stdout.write(`wrote ${DIST_DIR} (add a config.json: userPoolId, userPoolClientId, migrationPeriod)\n`);
