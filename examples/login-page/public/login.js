// Signs in with Cognito's InitiateAuth (USER_PASSWORD_AUTH) and resets a password with ForgotPassword and
// ConfirmForgotPassword, over plain fetch: no SDK, no Amplify. The app client must have no secret.
// Settings come from config.json: { endpoint?, region, clientId }.

const MESSAGES = {
  NotAuthorizedException: 'Incorrect email or password.',
  UserNotFoundException: 'Incorrect email or password.',
  PasswordResetRequiredException:
    'Your password must be reset before you can sign in. Use "Forgot password" to get a code.',
  UserNotConfirmedException: 'Your account is not confirmed yet.',
  TooManyRequestsException: 'Too many attempts. Wait a moment and try again.',
  InvalidParameterException: 'Sign-in is not set up for this app (USER_PASSWORD_AUTH must be allowed).',
};

// The same words whether or not the account exists, so the form cannot be used to find out who has one
// (AWS answers a pool with PreventUserExistenceErrors the same way).
const CODE_SENT = 'If an account exists for this email, a code was sent to it. Enter the code and a new password.';
const CODE_MISMATCH = 'That code is not right. Check the latest email we sent and try again.';

const RESET_MESSAGES = {
  CodeMismatchException: CODE_MISMATCH,
  // cognito-local says so for an unknown email; AWS (PreventUserExistenceErrors) does not: say what a wrong code says.
  UserNotFoundException: CODE_MISMATCH,
  ExpiredCodeException: 'That code has expired. Go back to sign in and use "Forgot password?" again for a new code.',
  LimitExceededException: 'Too many attempts. Wait a while, then try again.',
  TooManyFailedAttemptsException: 'Too many attempts. Wait a while, then try again.',
  TooManyRequestsException: 'Too many attempts. Wait a moment and try again.',
};

const UNREACHABLE = 'Cannot reach the sign-in service. Check your connection and try again.';

const $ = (id) => document.getElementById(id);

const show = (text, kind = 'error') => {
  const message = $('message');
  message.textContent = text;
  message.className = kind;
  message.hidden = false;
};

/** Shows one of the three forms; "Back to sign in" goes with the two reset forms. */
const showForm = (id) => {
  for (const form of ['login', 'reset-request', 'reset-confirm']) $(form).hidden = form !== id;
  $('back').hidden = id === 'login';
  $('result').hidden = true;
};

const looksLikeEmail = (text) => /^[^\s@]+@[^\s@]+$/.test(text);

const decodeClaims = (jwt) => {
  const payload = jwt.split('.')[1].replaceAll('-', '+').replaceAll('_', '/');
  const bytes = Uint8Array.from(atob(payload), (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
};

/** One Cognito API call; `{ result }` or `{ error, detail }` (the exception's short name and Cognito's message). */
const callCognito = async (config, action, request) => {
  const endpoint = config.endpoint ?? `https://cognito-idp.${config.region}.amazonaws.com/`;
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${action}`,
    },
    body: JSON.stringify({ ClientId: config.clientId, ...request }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const type = String(body.__type ?? body.code ?? 'Error')
      .split('#')
      .pop();
    return { error: type, detail: String(body.message ?? body.Message ?? '') };
  }
  return { result: body };
};

/** Disables a form's button while its request runs; a thrown fetch means the service was not reached. */
const submitting = async (button, work) => {
  $(button).disabled = true;
  try {
    await work();
  } catch {
    show(UNREACHABLE);
  } finally {
    $(button).disabled = false;
  }
};

const signIn = (config) => async (event) => {
  event.preventDefault();
  $('message').hidden = true;
  $('result').hidden = true;
  const email = $('email').value.trim();
  const password = $('password').value;
  if (email === '' || password === '') return show('Enter your email and your password.');
  show('Signing in…', 'info');
  await submitting('submit', async () => {
    const { result, error } = await callCognito(config, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    });
    if (error !== undefined) return show(MESSAGES[error] ?? `Sign-in failed (${error}). Try again later.`);
    if (result.ChallengeName !== undefined) return show(`One more step is needed: ${result.ChallengeName}.`, 'info');
    $('message').hidden = true;
    const claims = decodeClaims(result.AuthenticationResult.IdToken);
    $('claims').replaceChildren(
      ...Object.entries(claims).map(([name, value]) => {
        const row = document.createElement('tr');
        for (const text of [name, typeof value === 'object' ? JSON.stringify(value) : String(value)]) {
          const cell = document.createElement('td');
          cell.textContent = text;
          row.append(cell);
        }
        return row;
      }),
    );
    $('result').hidden = false;
  });
};

const requestCode = (config) => async (event) => {
  event.preventDefault();
  const email = $('reset-email').value.trim();
  if (!looksLikeEmail(email)) return show('Enter the email address you sign in with.');
  show('Sending…', 'info');
  await submitting('reset-request-submit', async () => {
    // Whatever Cognito answers (code sent, no such user, a legacy user the migration does not know), the page
    // says the same thing; only an unreachable service is told apart, by the thrown fetch.
    await callCognito(config, 'ForgotPassword', { Username: email });
    showForm('reset-confirm');
    show(CODE_SENT, 'info');
  });
};

const confirmNewPassword = (config) => async (event) => {
  event.preventDefault();
  const email = $('reset-email').value.trim();
  const code = $('reset-code').value.trim();
  const password = $('new-password').value;
  if (code === '' || password === '') return show('Enter the code from the email and a new password.');
  show('Saving…', 'info');
  await submitting('reset-confirm-submit', async () => {
    const { error, detail } = await callCognito(config, 'ConfirmForgotPassword', {
      Username: email,
      ConfirmationCode: code,
      Password: password,
    });
    if (error === 'InvalidPasswordException') {
      // Cognito's message names the rule the password breaks, e.g. "Password must have uppercase characters".
      return show(`Choose another password. ${detail || 'It does not meet the password rules.'}`);
    }
    if (error !== undefined)
      return show(RESET_MESSAGES[error] ?? `The password was not changed (${error}). Try again later.`);
    $('reset-code').value = '';
    $('new-password').value = '';
    $('email').value = email;
    $('password').value = '';
    showForm('login');
    show('Your password is changed. Sign in with your new password.', 'info');
  });
};

const main = async () => {
  const config = await (await fetch('config.json')).json();
  $('config').textContent = `Cognito ${config.endpoint ?? config.region}, app client ${config.clientId}`;
  $('login').addEventListener('submit', signIn(config));
  $('reset-request').addEventListener('submit', requestCode(config));
  $('reset-confirm').addEventListener('submit', confirmNewPassword(config));
  $('forgot').addEventListener('click', () => {
    $('reset-email').value = $('email').value.trim();
    $('message').hidden = true;
    showForm('reset-request');
  });
  $('back').addEventListener('click', () => {
    $('message').hidden = true;
    showForm('login');
  });
};

main();
