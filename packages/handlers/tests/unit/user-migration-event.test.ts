import { MigrateUserTriggerSchema } from '@aws-lambda-powertools/parser/schemas/cognito';
import { describe, expect, it } from 'vitest';
import { userMigrationEventSchema } from '../../src/migration/user-migration-event.js';

/** A trigger event as Cognito sends it (the fields Powertools' MigrateUserTriggerSchema describes). */
const eventOf = (triggerSource: string, request: Record<string, unknown>, userName = 'Ada@example.com') => ({
  version: '1',
  triggerSource,
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_pool',
  userName,
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
  request,
  response: {
    userAttributes: null,
    finalUserStatus: null,
    messageAction: null,
    desiredDeliveryMediums: null,
    forceAliasCreation: null,
    enableSMSMFA: null,
  },
});

/** The paths of the issues, or the request when the event is accepted. */
const read = (event: unknown) => {
  const parsed = userMigrationEventSchema.safeParse(event);
  return parsed.success ? parsed.data : parsed.error.issues.map((issue) => issue.path.join('.'));
};

describe('Schema: userMigrationEventSchema', () => {
  it('reads a sign-in as an authentication request with the password', () => {
    expect(
      read(eventOf('UserMigration_Authentication', { password: 'correct horse', validationData: { k: 'v' } })),
    ).toEqual({ trigger: 'authentication', userName: 'Ada@example.com', password: 'correct horse' });
  });

  it('reads a forgotten password as a forgot-password request, which needs no password', () => {
    expect(read(eventOf('UserMigration_ForgotPassword', { validationData: null }))).toEqual({
      trigger: 'forgot-password',
      userName: 'Ada@example.com',
    });
  });

  it("agrees with Powertools' MigrateUserTriggerSchema on a sign-in event as Cognito sends it", () => {
    // Prepare
    const event = eventOf('UserMigration_Authentication', {
      password: 'correct horse',
      validationData: { source: 'web' },
    });

    // Act
    const powertools = MigrateUserTriggerSchema.parse(event);

    // Assess: the fields the handler reads, read the same.
    expect(read(event)).toEqual({
      trigger: 'authentication',
      userName: powertools.userName,
      password: powertools.request.password,
    });
  });

  it('refuses, as Powertools does, a password or a user name that is not a string', () => {
    for (const event of [
      eventOf('UserMigration_Authentication', { password: 12345678 }),
      eventOf('UserMigration_Authentication', { password: 'pw' }, 42 as unknown as string),
    ]) {
      expect(MigrateUserTriggerSchema.safeParse(event).success).toBe(false);
      expect(userMigrationEventSchema.safeParse(event).success).toBe(false);
    }
  });

  it("accepts cognito-local's events, which leave most response fields out", () => {
    // Prepare
    const event = { ...eventOf('UserMigration_Authentication', { password: 'pw' }), response: { userAttributes: {} } };

    // Act / Assess
    expect(read(event)).toMatchObject({ trigger: 'authentication' });
  });

  it('refuses a sign-in without a password, naming the field', () => {
    expect(read(eventOf('UserMigration_Authentication', { validationData: {} }))).toEqual(['request.password']);
  });

  it('refuses any other trigger source, naming the field', () => {
    expect(read(eventOf('PreSignUp_SignUp', { password: 'pw' }))).toEqual(['triggerSource']);
  });

  it('refuses an empty user name and one longer than an email can be', () => {
    expect(read(eventOf('UserMigration_ForgotPassword', {}, ''))).toEqual(['userName']);
    expect(read(eventOf('UserMigration_ForgotPassword', {}, `${'a'.repeat(309)}@example.com`))).toEqual(['userName']);
  });

  it('never puts a value in an issue: a wrong-typed password is named, not shown', () => {
    // Act
    const parsed = userMigrationEventSchema.safeParse(eventOf('UserMigration_Authentication', { password: 12345678 }));

    // Assess
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues.map((issue) => [issue.path, issue.message]))).not.toContain('12345678');
  });
});
