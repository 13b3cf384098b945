import { App, Aspects, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { SynthesisMessage } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { HashbridgeMigration, HashbridgeStack, StagingTables } from '../../src/index.js';
import { inlineCode, inlinePublicAccessCode } from '../helpers/inline-code.js';
import { SYNTH_TIMEOUT } from '../helpers/synth-timeout.js';

/** The AwsSolutions errors and warnings left once the constructs' own suppressions apply. */
const checked = (app: App, stack: Stack) => {
  Aspects.of(app).add(new AwsSolutionsChecks());
  const annotations = Annotations.fromStack(stack);
  const format = (message: SynthesisMessage) => `${message.id}: ${String(message.entry.data)}`;
  return {
    errors: annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*')).map(format),
    warnings: annotations.findWarning('*', Match.stringLikeRegexp('.*(AwsSolutions|CdkNag).*')).map(format),
  };
};

const findings = (operatorCidr?: string, loaderInPrivateSubnets = false, selfSignUpEnabled = false) => {
  const app = new App();
  const stack = new HashbridgeStack(app, 'Hashbridge', {
    migration: { migrationCode: inlineCode(), selfSignUpEnabled, preSignUpCode: inlineCode() },
    monitoring: {
      alarmTopic: Topic.fromTopicArn(new Stack(app, 'Shared'), 'OnCall', 'arn:aws:sns:eu-west-1:123456789012:on-call'),
    },
    pipeline: {
      loaderCode: inlineCode(),
      publicAccessCode: inlinePublicAccessCode(),
      loaderInPrivateSubnets,
      ...(operatorCidr === undefined ? {} : { operatorCidr }),
    },
  });
  return checked(app, stack);
};

describe('cdk-nag AwsSolutions', { timeout: SYNTH_TIMEOUT }, () => {
  it.each([
    ['the OperatorCidr parameter', undefined, false],
    ['a CIDR given at synthesis', '203.0.113.7/32', false],
    ['the Loader in private subnets behind a NAT gateway', '203.0.113.7/32', true],
    ['self sign-up and its PreSignUp guard', '203.0.113.7/32', false, true],
  ])(
    'finds no unsuppressed error or warning with %s',
    (_, operatorCidr, loaderInPrivateSubnets, selfSignUp = false) => {
      // Prepare & Act
      const { errors, warnings } = findings(operatorCidr, loaderInPrivateSubnets, selfSignUp);

      // Assess
      expect(errors).toEqual([]);
      expect(warnings).toEqual([]);
    },
  );

  it.each([
    ['StagingTables', (stack: Stack) => new StagingTables(stack, 'Tables')],
    [
      'HashbridgeMigration',
      (stack: Stack) => new HashbridgeMigration(stack, 'Migration', { migrationCode: inlineCode() }),
    ],
    [
      'HashbridgeMigration with its PreSignUp guard',
      (stack: Stack) =>
        new HashbridgeMigration(stack, 'Migration', {
          migrationCode: inlineCode(),
          selfSignUpEnabled: true,
          preSignUpCode: inlineCode(),
        }),
    ],
  ])('finds nothing unsuppressed in %s dropped alone into a stack of its own', (_, add) => {
    // Prepare
    const app = new App();
    const stack = new Stack(app, 'Own');
    add(stack);

    // Act
    const { errors, warnings } = checked(app, stack);

    // Assess
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
