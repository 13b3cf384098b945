import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { afterAll, describe, expect, it } from 'vitest';
import { HashbridgeStack, synthesize } from '../../src/index.js';
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

  /** The reference stack with every option that adds resources: self sign-up, its guard, alarm actions. */
  const everythingOn = (): string => {
    const app = new App({ outdir: join(outdir, 'everything') });
    new HashbridgeStack(app, 'Hashbridge', {
      migration: { selfSignUpEnabled: true },
      pipeline: { operatorCidr: '203.0.113.7/32' },
      monitoring: {
        alarmTopic: Topic.fromTopicArn(
          new Stack(app, 'Shared'),
          'OnCall',
          'arn:aws:sns:eu-west-1:123456789012:on-call',
        ),
      },
    });
    return app.synth().getStackByName('Hashbridge').templateFullPath;
  };

  it.each([
    ['the synthesized reference template', () => synthesize({ outdir }).stacks[0]?.templateFullPath ?? ''],
    ['the reference template with self sign-up, its guard and alarm actions', everythingOn],
  ])(
    'finds no error in %s',
    (_, templateOf) => {
      // Prepare
      const python = ensurePythonEnv('cfn-lint');
      const template = templateOf();

      // Act
      // cfn-lint has no `python -m` entry, and its console script's shebang names the venv's temporary folder.
      // The exit status is a bit mask of the levels found, so the JSON report is read instead.
      const result = spawnSync(python, ['-c', CFN_LINT_MAIN, '--format', 'json', '--', template], {
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
    },
    120_000,
  );
});
