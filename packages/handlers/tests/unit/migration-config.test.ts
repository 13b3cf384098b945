import { afterEach, describe, expect, it, vi } from 'vitest';
import { HandlerConfigError, readMigrationConfig } from '../../src/index.js';

/** The message readMigrationConfig throws for `env`, or undefined when it accepts it. */
const refusalOf = (env: NodeJS.ProcessEnv): string | undefined => {
  try {
    readMigrationConfig(env);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(HandlerConfigError);
    return (error as Error).message;
  }
};

describe('Function: readMigrationConfig', () => {
  it('leaves the password strength rule off when PASSWORD_STRENGTH_RULE is not set', () => {
    expect(readMigrationConfig({}).PASSWORD_STRENGTH_RULE).toBeUndefined();
  });

  it('reads PASSWORD_STRENGTH_RULE in the names of a CDK password policy', () => {
    // Act
    const config = readMigrationConfig({
      PASSWORD_STRENGTH_RULE: JSON.stringify({
        minLength: 12,
        requireLowercase: true,
        requireUppercase: false,
        requireDigits: true,
        requireSymbols: false,
      }),
    });

    // Assess
    expect(config.PASSWORD_STRENGTH_RULE).toEqual({
      minLength: 12,
      requireLowercase: true,
      requireUppercase: false,
      requireDigits: true,
      requireSymbols: false,
    });
  });

  it("fills the keys left out with Cognito's defaults: 8 characters, every class required", () => {
    expect(readMigrationConfig({ PASSWORD_STRENGTH_RULE: '{"requireSymbols":false}' }).PASSWORD_STRENGTH_RULE).toEqual({
      minLength: 8,
      requireLowercase: true,
      requireUppercase: true,
      requireDigits: true,
      requireSymbols: false,
    });
  });

  it('refuses PASSWORD_STRENGTH_RULE that is not JSON, naming the variable and the expected shape', () => {
    expect(refusalOf({ PASSWORD_STRENGTH_RULE: 'minLength=12' })).toMatch(
      /^invalid Migration configuration: PASSWORD_STRENGTH_RULE: must be a JSON object such as \{"minLength":12/,
    );
  });

  it("refuses a minimum length outside Cognito's 6 to 99, naming the variable and the key", () => {
    expect(refusalOf({ PASSWORD_STRENGTH_RULE: '{"minLength":4}' })).toMatch(/PASSWORD_STRENGTH_RULE\.minLength: /);
    expect(refusalOf({ PASSWORD_STRENGTH_RULE: '{"minLength":100}' })).toMatch(/PASSWORD_STRENGTH_RULE\.minLength: /);
    expect(refusalOf({ PASSWORD_STRENGTH_RULE: '{"minLength":99}' })).toBeUndefined();
  });

  it("refuses unknown keys, such as the CloudFormation name RequireNumbers, and values that aren't booleans", () => {
    expect(refusalOf({ PASSWORD_STRENGTH_RULE: '{"RequireNumbers":true}' })).toMatch(
      /PASSWORD_STRENGTH_RULE: .*"RequireNumbers"/,
    );
    expect(refusalOf({ PASSWORD_STRENGTH_RULE: '{"requireDigits":"yes"}' })).toMatch(
      /PASSWORD_STRENGTH_RULE\.requireDigits: /,
    );
    expect(refusalOf({ PASSWORD_STRENGTH_RULE: '[8]' })).toMatch(/PASSWORD_STRENGTH_RULE: /);
  });
});

describe('Module: migration (the Lambda entry point)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('fails to load, naming the variable, when PASSWORD_STRENGTH_RULE is invalid', async () => {
    // Prepare
    vi.stubEnv('PASSWORD_STRENGTH_RULE', '{"minLength":"twelve"}');

    // Act / Assess: Lambda reports an init error instead of serving sign-ins under a rule nobody meant.
    await expect(import('../../src/migration.js')).rejects.toThrow(/PASSWORD_STRENGTH_RULE\.minLength/);
  });
});
