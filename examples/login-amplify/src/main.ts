// The app as applications write it with Amplify JS v6 Auth: signIn, resetPassword / confirmResetPassword,
// signOut, getCurrentUser / fetchAuthSession. The pool comes from config.json, not from the bundle.
import { Amplify } from 'aws-amplify';
import {
  confirmResetPassword,
  fetchAuthSession,
  getCurrentUser,
  resetPassword,
  type SignInOutput,
  signIn,
  signOut,
} from 'aws-amplify/auth';
import { type AppConfig, loadAppConfig, toAmplifyConfig } from './app-config.js';
import {
  CODE_SENT,
  errorName,
  NETWORK_ERROR,
  PASSWORD_CHANGED,
  RESET_REQUIRED,
  resetMessage,
  signInMessage,
  UNREACHABLE,
} from './messages.js';
import { chooseAuthFlow, rememberSignedIn } from './sign-in-flow.js';
import { element, hideMessage, input, showForm, showMessage, showSignedIn, whileBusy } from './view.js';

const looksLikeEmail = (text: string): boolean => /^[^\s@]+@[^\s@]+$/.test(text);

/** Shows the signed-in panel from Amplify's own view of the session. */
const showCurrentUser = async (): Promise<void> => {
  const user = await getCurrentUser();
  const { tokens } = await fetchAuthSession();
  const exp = tokens?.accessToken.payload.exp;
  showSignedIn({
    username: user.username,
    email: String(tokens?.idToken?.payload.email ?? ''),
    authFlowType: user.signInDetails?.authFlowType ?? 'unknown',
    expiresAt: typeof exp === 'number' ? new Date(exp * 1000) : undefined,
  });
};

/** Every step but DONE and RESET_PASSWORD (MFA, new password, …) is outside this example. */
const afterSignIn = async (email: string, { nextStep }: SignInOutput): Promise<void> => {
  if (nextStep.signInStep === 'DONE') {
    rememberSignedIn(email);
    hideMessage();
    await showCurrentUser();
    return;
  }
  if (nextStep.signInStep === 'RESET_PASSWORD') return showMessage(RESET_REQUIRED);
  showMessage(`One more step is needed (${nextStep.signInStep}); this example does not handle it.`, 'info');
};

const onSignIn = (config: AppConfig) => async (event: SubmitEvent) => {
  event.preventDefault();
  const email = input('email').value.trim();
  const password = input('password').value;
  if (email === '' || password === '') return showMessage('Enter your email and your password.');
  showMessage('Signing in…', 'info');
  await whileBusy('sign-in-submit', async () => {
    try {
      const output = await signIn({
        username: email,
        password,
        options: { authFlowType: chooseAuthFlow(email, config.migrationPeriod) },
      });
      input('password').value = '';
      await afterSignIn(email, output);
    } catch (error) {
      showMessage(signInMessage(error));
    }
  });
};

const onRequestCode = async (event: SubmitEvent) => {
  event.preventDefault();
  const email = input('reset-email').value.trim();
  if (!looksLikeEmail(email)) return showMessage('Enter the email address you sign in with.');
  showMessage('Sending…', 'info');
  await whileBusy('reset-request-submit', async () => {
    try {
      await resetPassword({ username: email });
    } catch (error) {
      // Whatever Cognito refused (no such user, a legacy user the migration does not know, too many requests),
      // the page says what it says for a sent code; only an unreachable service keeps the user on this form.
      if (errorName(error) === NETWORK_ERROR) return showMessage(UNREACHABLE);
    }
    showForm('reset-confirm');
    showMessage(CODE_SENT, 'info');
  });
};

const onConfirmNewPassword = async (event: SubmitEvent) => {
  event.preventDefault();
  const email = input('reset-email').value.trim();
  const confirmationCode = input('reset-code').value.trim();
  const newPassword = input('new-password').value;
  if (confirmationCode === '' || newPassword === '') {
    return showMessage('Enter the code from the email and a new password.');
  }
  showMessage('Saving…', 'info');
  await whileBusy('reset-confirm-submit', async () => {
    try {
      await confirmResetPassword({ username: email, confirmationCode, newPassword });
    } catch (error) {
      return showMessage(resetMessage(error));
    }
    input('reset-code').value = '';
    input('new-password').value = '';
    input('email').value = email;
    input('password').value = '';
    showForm('sign-in');
    showMessage(PASSWORD_CHANGED, 'info');
  });
};

const onSignOut = async () => {
  await whileBusy('sign-out', async () => {
    await signOut();
    showForm('sign-in');
    showMessage('You are signed out.', 'info');
  });
};

const main = async (): Promise<void> => {
  const config = await loadAppConfig();
  Amplify.configure(toAmplifyConfig(config));
  element('config').textContent =
    `Cognito ${config.userPoolEndpoint ?? config.userPoolId}, app client ${config.userPoolClientId}` +
    (config.migrationPeriod ? ', migration period' : '');
  element<HTMLFormElement>('sign-in').addEventListener('submit', onSignIn(config));
  element<HTMLFormElement>('reset-request').addEventListener('submit', onRequestCode);
  element<HTMLFormElement>('reset-confirm').addEventListener('submit', onConfirmNewPassword);
  element('sign-out').addEventListener('click', onSignOut);
  element('forgot').addEventListener('click', () => {
    input('reset-email').value = input('email').value.trim();
    hideMessage();
    showForm('reset-request');
  });
  element('back').addEventListener('click', () => {
    hideMessage();
    showForm('sign-in');
  });
  // A session Amplify kept from an earlier visit (tokens in localStorage) shows as signed in.
  try {
    await showCurrentUser();
  } catch {
    showForm('sign-in');
  }
  document.body.dataset.ready = 'true';
};

main().catch((error: unknown) => {
  showMessage(`The app could not start: ${error instanceof Error ? error.message : String(error)}`);
});
