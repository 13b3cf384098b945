/** What the user reads for Amplify's error names (`error.name`: Cognito's exception or Amplify's own code). */

const WRONG_CREDENTIALS = 'Incorrect email or password.';
const TOO_MANY = 'Too many attempts. Wait a moment and try again.';

/** Amplify's name for a request that never reached Cognito (after its own retries). */
const NETWORK_ERROR = 'NetworkError';
const UNREACHABLE = 'Cannot reach the sign-in service. Check your connection and try again.';

const SIGN_IN_MESSAGES: Readonly<Record<string, string>> = {
  NotAuthorizedException: WRONG_CREDENTIALS,
  UserNotFoundException: WRONG_CREDENTIALS,
  // cognito-local's answer to a wrong password for a user in the pool (AWS answers NotAuthorizedException).
  InvalidPasswordException: WRONG_CREDENTIALS,
  TooManyRequestsException: TOO_MANY,
  LimitExceededException: TOO_MANY,
  // AWS says "USER_PASSWORD_AUTH flow not enabled for this client": the app client's ExplicitAuthFlows.
  InvalidParameterException: 'Sign-in is not set up for this app (the app client must allow this sign-in flow).',
  [NETWORK_ERROR]: UNREACHABLE,
};

/** Amplify turns PasswordResetRequiredException into this step instead of throwing it. */
const RESET_REQUIRED = 'Your password must be reset before you can sign in. Use "Forgot password?" to get a code.';

// The same words whether or not the account exists, so the form cannot be used to find out who has one.
const CODE_SENT = 'If an account exists for this email, a code was sent to it. Enter the code and a new password.';
const CODE_MISMATCH = 'That code is not right. Check the latest email we sent and try again.';
const PASSWORD_CHANGED = 'Your password is changed. Sign in with your new password.';

const RESET_MESSAGES: Readonly<Record<string, string>> = {
  CodeMismatchException: CODE_MISMATCH,
  // cognito-local says so for an unknown email; AWS (PreventUserExistenceErrors) does not: say what a wrong code says.
  UserNotFoundException: CODE_MISMATCH,
  ExpiredCodeException: 'That code has expired. Go back to sign in and use "Forgot password?" again for a new code.',
  LimitExceededException: 'Too many attempts. Wait a while, then try again.',
  TooManyFailedAttemptsException: 'Too many attempts. Wait a while, then try again.',
  TooManyRequestsException: TOO_MANY,
  [NETWORK_ERROR]: UNREACHABLE,
};

const errorName = (error: unknown): string => (error instanceof Error ? error.name : 'Error');

const signInMessage = (error: unknown): string => {
  const name = errorName(error);
  return SIGN_IN_MESSAGES[name] ?? `Sign-in failed (${name}). Try again later.`;
};

const resetMessage = (error: unknown): string => {
  const name = errorName(error);
  if (name === 'InvalidPasswordException') {
    // Cognito's message names the rule the password breaks, e.g. "Password must have uppercase characters".
    return `Choose another password. ${error instanceof Error && error.message !== '' ? error.message : 'It does not meet the password rules.'}`;
  }
  return RESET_MESSAGES[name] ?? `The password was not changed (${name}). Try again later.`;
};

export {
  CODE_SENT,
  errorName,
  NETWORK_ERROR,
  PASSWORD_CHANGED,
  RESET_REQUIRED,
  resetMessage,
  signInMessage,
  UNREACHABLE,
};
