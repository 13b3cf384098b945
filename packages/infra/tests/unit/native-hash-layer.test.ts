import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { HashbridgeMigration } from '../../src/index.js';
import { SYNTH_TIMEOUT } from '../helpers/synth-timeout.js';

const inline = Code.fromInline('export const handler = async (event) => event;');

describe('Construct: HashbridgeMigration with the native hash layer', { timeout: SYNTH_TIMEOUT }, () => {
  it('attaches a Node 22 x86_64 layer holding @node-rs/bcrypt and @node-rs/argon2 to the Migration Lambda', () => {
    // Prepare
    const stack = new Stack(new App(), 'Test');

    // Act
    const migration = new HashbridgeMigration(stack, 'Migration', { migrationCode: inline });

    // Assess
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::LayerVersion', {
      CompatibleRuntimes: ['nodejs22.x'],
      CompatibleArchitectures: ['x86_64'],
    });
    const layerId = stack.getLogicalId(migration.nativeHashLayer?.node.defaultChild as never);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: Match.objectLike({ Variables: Match.objectLike({ STAGING_TABLE: Match.anyValue() }) }),
      Layers: [{ Ref: layerId }],
    });
  });

  it('can be left out', () => {
    // Prepare
    const stack = new Stack(new App(), 'Test');

    // Act
    const migration = new HashbridgeMigration(stack, 'Migration', { migrationCode: inline, nativeHashLayer: false });

    // Assess
    expect(migration.nativeHashLayer).toBeUndefined();
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::LayerVersion', 0);
  });
});
