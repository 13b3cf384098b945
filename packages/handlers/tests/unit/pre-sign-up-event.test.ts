import { PreSignupTriggerSchema } from '@aws-lambda-powertools/parser/schemas/cognito';
import { describe, expect, it } from 'vitest';
import { selfSignUpAddressesSchema } from '../../src/pre-sign-up/pre-sign-up-event.js';

/** A self sign-up as Cognito sends it (the fields Powertools' PreSignupTriggerSchema describes). */
const eventOf = (userAttributes: Record<string, unknown>, userName = '7d1e5b2a-0c4f-4e8b-9a3d-2f6c8b1e4a70') => ({
  version: '1',
  triggerSource: 'PreSignUp_SignUp',
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_pool',
  userName,
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
  request: { userAttributes, validationData: null },
  response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
});

/** The addresses, or the paths of the issues when the event is refused. */
const read = (event: unknown) => {
  const parsed = selfSignUpAddressesSchema.safeParse(event);
  return parsed.success ? parsed.data : parsed.error.issues.map((issue) => issue.path.join('.'));
};

describe('Schema: selfSignUpAddressesSchema', () => {
  it("reads the email attribute as the staging key, as Powertools' PreSignupTriggerSchema reads the event", () => {
    // Prepare
    const event = eventOf({ email: ' Ada@Example.com', given_name: 'Ada' });

    // Act
    const powertools = PreSignupTriggerSchema.parse(event);

    // Assess
    expect(read(event)).toEqual([powertools.request.userAttributes.email?.trim().toLowerCase()]);
    expect(read(event)).toEqual(['ada@example.com']);
  });

  it('adds the user name when it is an address, once when both are the same', () => {
    expect(read(eventOf({ email: 'a@example.com' }, 'B@example.com'))).toEqual(['a@example.com', 'b@example.com']);
    expect(read(eventOf({ email: 'a@example.com' }, 'A@example.com'))).toEqual(['a@example.com']);
    expect(read(eventOf({}, 'chosen-name'))).toEqual([]);
  });

  it('accepts an event without a user name, as cognito-local may send', () => {
    // Prepare
    const { userName: _, ...event } = eventOf({ email: 'a@example.com' });

    // Act / Assess
    expect(read(event)).toEqual(['a@example.com']);
  });

  it('refuses, as Powertools does, attributes that are not strings, naming the field and not the value', () => {
    // Prepare
    const event = eventOf({ email: 12345 });

    // Act
    const parsed = selfSignUpAddressesSchema.safeParse(event);

    // Assess
    expect(PreSignupTriggerSchema.safeParse(event).success).toBe(false);
    expect(read(event)).toEqual(['request.userAttributes.email']);
    expect(JSON.stringify(parsed.error?.issues.map((issue) => [issue.path, issue.message]))).not.toContain('12345');
  });

  it('refuses any other trigger source', () => {
    expect(read({ ...eventOf({ email: 'a@example.com' }), triggerSource: 'PreSignUp_AdminCreateUser' })).toEqual([
      'triggerSource',
    ]);
  });
});
