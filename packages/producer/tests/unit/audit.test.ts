import { readFileSync } from 'node:fs';
import type { LegacySourceRow } from '@hashbridge/core';
import { PASSLIB_VECTORS_FILE } from '@hashbridge/testing';
import { describe, expect, it } from 'vitest';
import { type AuditConfig, formatAudit, resolveAuditConfig, runAudit } from '../../src/index.js';
import { FakeSource } from '../helpers/fake-ports.js';

/** One real passlib hash of each scheme, from the known-answer vectors. */
const HASHES: Readonly<Record<string, string>> = (() => {
  const { vectors } = JSON.parse(readFileSync(PASSLIB_VECTORS_FILE, 'utf8')) as {
    vectors: { scheme: string; hash: string }[];
  };
  const first: Record<string, string> = {};
  for (const vector of vectors) first[vector.scheme] ??= vector.hash;
  return first;
})();

const hashOf = (scheme: string): string => {
  const hash = HASHES[scheme];
  if (hash === undefined) throw new Error(`no passlib vector for ${scheme}`);
  return hash;
};

let nextId = 0;
const row = (fields: Partial<LegacySourceRow>): LegacySourceRow => {
  nextId += 1;
  return {
    id: String(nextId).padStart(4, '0'),
    email: `user${nextId}@example.com`,
    hash: hashOf('bcrypt'),
    profile: null,
    version: 1,
    collides: false,
    ...fields,
  };
};

const auditConfig = (overrides: Record<string, unknown> = {}): AuditConfig =>
  resolveAuditConfig({ databaseUrl: 'postgres://unused', batchSize: 3, progress: 'off', ...overrides }, {});

/** bcrypt with cost 13: passlib's format, but over what Cognito's import is taken to accept (cost 4–12). */
const BCRYPT_COST_13 = hashOf('bcrypt').replace(/^\$2b\$\d\d\$/, '$2b$13$');

describe('Function: runAudit', () => {
  it('puts each user on the cheapest lane that keeps the password, and counts them per scheme', async () => {
    // Prepare
    const rows = [
      row({ hash: hashOf('bcrypt') }),
      row({ hash: hashOf('bcrypt') }),
      row({ hash: hashOf('argon2') }),
      row({ hash: hashOf('sha512_crypt') }),
      row({ hash: hashOf('ldap_salted_sha1') }),
    ];

    // Act
    const report = await runAudit(auditConfig(), new FakeSource(rows));

    // Assess
    expect(report.users).toBe(5);
    expect(report.lanes).toEqual({ native: 3, trigger: 2, refused: 0 });
    expect(report.schemes.bcrypt).toMatchObject({
      count: 2,
      lane: { native: 2, trigger: 0, refused: 0 },
      cognitoAlgorithm: 'BCRYPT',
    });
    expect(report.schemes.argon2?.lane).toEqual({ native: 1, trigger: 0, refused: 0 });
    expect(report.schemes.sha512_crypt).toMatchObject({
      lane: { native: 0, trigger: 1, refused: 0 },
      notNative: { 'not-importable': 1 },
    });
    expect(report.schemes.sha512_crypt?.cognitoAlgorithm).toBeUndefined();
    expect(report.schemes.ldap_salted_sha1?.lane.trigger).toBe(1);
  });

  it('sends every user to the trigger when native import is switched off', async () => {
    // Act
    const report = await runAudit(
      auditConfig({ nativeImport: false }),
      new FakeSource([row({ hash: hashOf('bcrypt') }), row({ hash: hashOf('pbkdf2_sha256') })]),
    );

    // Assess
    expect(report.lanes).toEqual({ native: 0, trigger: 2, refused: 0 });
    expect(report.nativeImport).toBe(false);
  });

  it('names the reason of every refusal: the export’s own, then malformed, unidentified and over the cost policy', async () => {
    // Prepare
    const rows = [
      row({ disabled: true }),
      row({ collides: true, email: 'twin@example.com' }),
      row({ email: 'not an email' }),
      row({ hash: '' }),
      row({ hash: 'not-a-hash' }),
      row({ hash: '$2b$12$GhvMmNVjRW29ulnudl' }),
      row({ hash: hashOf('bcrypt').replace(/^\$2b\$\d\d\$/, '$2b$17$') }),
      row({ profile: 'not json' }),
      row({}),
    ];

    // Act
    const report = await runAudit(auditConfig(), new FakeSource(rows));

    // Assess
    expect(report.refused).toEqual({
      'disabled-account': 1,
      'email-collision': 1,
      'invalid-email': 1,
      'invalid-hash': 1,
      'invalid-profile': 1,
      malformed: 1,
      'over-cost-policy': 1,
      unidentified: 1,
    });
    expect(report.lanes).toEqual({ native: 1, trigger: 0, refused: 8 });
    // A refused user whose hash has a scheme is counted under it, so the per-scheme counts add up.
    expect(report.schemes.bcrypt?.lane).toEqual({ native: 1, trigger: 0, refused: 6 });
    expect(report.warnings).toContain(
      "8 of 9 users can be migrated on no lane; the export reports each one's id and reason in its rejects file.",
    );
  });

  it('reports the smallest, median and largest cost seen per scheme', async () => {
    // Prepare: bcrypt costs 10, 10, 11, 12 (rounds 2^cost); the median of an even count is the lower middle.
    const withCost = (cost: number) => hashOf('bcrypt').replace(/^\$2b\$\d\d\$/, `$2b$${cost}$`);
    const rows = [10, 12, 10, 11].map((cost) => row({ hash: withCost(cost) }));

    // Act
    const report = await runAudit(auditConfig(), new FakeSource(rows));

    // Assess
    expect(report.schemes.bcrypt?.rounds).toEqual({ min: 1024, median: 1024, max: 4096 });
  });

  it('sends a hash outside Cognito’s bounds to the trigger and estimates its verify on the Lambda', async () => {
    // Act
    const report = await runAudit(auditConfig(), new FakeSource([row({ hash: BCRYPT_COST_13 })]));

    // Assess
    const bcrypt = report.schemes.bcrypt;
    expect(bcrypt?.lane).toEqual({ native: 0, trigger: 1, refused: 0 });
    expect(bcrypt?.notNative).toEqual({ 'outside-cognito-bounds': 1 });
    expect(bcrypt?.verifySeconds).toBeGreaterThan(0);
  });

  it('scales the verify estimate by the Lambda’s CPU share and warns when it nears the 5 s limit', async () => {
    // Prepare: the same hash on a 1769 MB Lambda (one vCPU) and on a 128 MB one (1/13.8 of a vCPU).
    const rows = () => [row({ hash: BCRYPT_COST_13 })];

    // Act
    const full = await runAudit(auditConfig({ migrationMemoryMb: 1769 }), new FakeSource(rows()));
    const small = await runAudit(auditConfig({ migrationMemoryMb: 128 }), new FakeSource(rows()));

    // Assess: bcrypt cost 13 runs for about half a second on one core, so 13.8 times that is over 2.5 s.
    const fullSeconds = full.schemes.bcrypt?.verifySeconds ?? 0;
    const smallSeconds = small.schemes.bcrypt?.verifySeconds ?? 0;
    expect(smallSeconds / fullSeconds).toBeGreaterThan(5);
    expect(small.schemes.bcrypt?.atRisk).toBe(true);
    expect(small.warnings.join('\n')).toMatch(
      /^bcrypt: its costliest hash takes about [\d.]+ s to verify on a 128 MB/m,
    );
  });

  it('never puts a hash, or any part of one, in its report', async () => {
    // Prepare
    const hashes = [hashOf('bcrypt'), hashOf('argon2'), hashOf('sha512_crypt'), BCRYPT_COST_13];
    const rows = hashes.map((hash) => row({ hash }));

    // Act
    const report = await runAudit(auditConfig(), new FakeSource(rows));

    // Assess: the JSON and the text, against every hash's salt-and-digest part.
    const printed = `${JSON.stringify(report)}\n${formatAudit(report)}`;
    for (const hash of hashes) expect(printed).not.toContain(hash.split('$').at(-1));
  });

  it('closes the source when it is done', async () => {
    // Prepare
    const source = new FakeSource([row({})]);

    // Act
    await runAudit(auditConfig(), source);

    // Assess
    expect(source.closed).toBe(true);
  });
});

describe('Function: formatAudit', () => {
  it('prints the totals, one line per scheme and the reasons of the refusals', async () => {
    // Prepare
    const report = await runAudit(
      auditConfig(),
      new FakeSource([row({ hash: hashOf('bcrypt') }), row({ hash: hashOf('sha512_crypt') }), row({ hash: 'x' })]),
    );

    // Act
    const text = formatAudit(report);

    // Assess
    expect(text).toMatch(/^3 legacy users: 1 native \(Cognito's import\), 1 trigger, 1 refused\n/);
    expect(text).toMatch(/^bcrypt \(BCRYPT\) +1 +1 +0 +0 /m);
    expect(text).toMatch(/^sha512_crypt +1 +0 +1 +0 /m);
    expect(text).toMatch(/^refused:\n {2}unidentified: 1$/m);
  });
});
