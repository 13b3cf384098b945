import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { synthesize } from '../../src/index.js';
import { ensurePythonEnv } from '../helpers/python-env.js';

interface CfnLintFinding {
  readonly Level: 'Error' | 'Warning' | 'Informational';
  readonly Rule: { readonly Id: string };
  readonly Message: string;
  readonly Location: { readonly Path?: Array<string | number> };
}

const CFN_LINT_MAIN = "import sys; from cfnlint.runner import main; sys.argv[0] = 'cfn-lint'; sys.exit(main())";

const outdir = mkdtempSync(join(tmpdir(), 'hashbridge-cdk-'));

describe('cfn-lint', () => {
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('finds no error in the synthesized reference template', () => {
    // Prepare
    const python = ensurePythonEnv('cfn-lint');
    const [stack] = synthesize({ outdir }).stacks;

    // Act
    // cfn-lint has no `python -m` entry, and its console script's shebang names the venv's temporary folder.
    // The exit status is a bit mask of the levels found, so the JSON report is read instead.
    const result = spawnSync(python, ['-c', CFN_LINT_MAIN, '--format', 'json', '--', stack?.templateFullPath ?? ''], {
      encoding: 'utf8',
    });

    // Assess
    expect(result.error).toBeUndefined();
    expect(result.stderr).toBe('');
    const findings = JSON.parse(result.stdout) as CfnLintFinding[];
    const format = (finding: CfnLintFinding) =>
      `${finding.Level} ${finding.Rule.Id} ${(finding.Location.Path ?? []).join('/')}: ${finding.Message}`;
    const others = findings.filter((finding) => finding.Level !== 'Error');
    // Warnings do not fail the build, but they are shown so that they are read.
    if (others.length > 0) console.warn(`cfn-lint:\n${others.map(format).join('\n')}`);
    expect(findings.filter((finding) => finding.Level === 'Error').map(format)).toEqual([]);
  }, 120_000);
});
