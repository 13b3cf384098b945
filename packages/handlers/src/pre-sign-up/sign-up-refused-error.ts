import { HandlerError } from '../errors.js';

/**
 * What the PreSignUp guard answers to every refusal. Cognito shows it to the person signing up (as "PreSignUp
 * failed with error …"), so it names no cause and no internals, and it points a legacy user to the way in.
 */
const SIGN_UP_REFUSAL = 'This email address cannot be used to sign up. If you already have an account, sign in.';

/**
 * The PreSignUp guard refuses a sign-up. Every refusal is this error with the same message (`SIGN_UP_REFUSAL`)
 * and no cause; the reason goes to the log only.
 */
class SignUpRefusedError extends HandlerError {
  public override readonly code = 'ERR_SIGN_UP_REFUSED';

  public constructor() {
    super(SIGN_UP_REFUSAL);
    this.name = 'SignUpRefusedError';
  }
}

export { SIGN_UP_REFUSAL, SignUpRefusedError };
