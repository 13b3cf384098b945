import type { SignInInput } from 'aws-amplify/auth';

type AuthFlowType = NonNullable<NonNullable<SignInInput['options']>['authFlowType']>;

/** Lower-cased emails of the users who have completed a sign-in in this browser (no secret: a hint for the flow). */
const SIGNED_IN_HERE_KEY = 'hashbridge.login-amplify.signedInHere';

const normalise = (username: string): string => username.trim().toLowerCase();

const readSignedInHere = (): string[] => {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(SIGNED_IN_HERE_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((entry): entry is string => typeof entry === 'string') : [];
  } catch {
    return [];
  }
};

/**
 * The flow for this sign-in. SRP never sends the password to Cognito, so Cognito has none to hand to the User
 * Migration trigger: a legacy user's first sign-in must be USER_PASSWORD_AUTH. During the migration period the
 * app cannot know whether a user is in the pool yet, so it uses USER_PASSWORD_AUTH until a sign-in has succeeded
 * in this browser (by then the user is in the pool), and SRP after that.
 */
const chooseAuthFlow = (username: string, migrationPeriod: boolean): AuthFlowType =>
  migrationPeriod && !readSignedInHere().includes(normalise(username)) ? 'USER_PASSWORD_AUTH' : 'USER_SRP_AUTH';

/** Called after a completed sign-in: this user is in the pool now, so this browser uses SRP for them. */
const rememberSignedIn = (username: string): void => {
  const known = new Set(readSignedInHere()).add(normalise(username));
  localStorage.setItem(SIGNED_IN_HERE_KEY, JSON.stringify([...known]));
};

export type { AuthFlowType };
export { chooseAuthFlow, rememberSignedIn };
