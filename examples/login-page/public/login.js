// Signs in with Cognito's InitiateAuth (USER_PASSWORD_AUTH) over plain fetch: no SDK, no Amplify.
// The app client must have no secret. Settings come from config.json: { endpoint?, region, clientId }.

const MESSAGES = {
  NotAuthorizedException: 'Incorrect email or password.',
  UserNotFoundException: 'Incorrect email or password.',
  PasswordResetRequiredException:
    'Your password must be reset before you can sign in. Use "Forgot password" to get a code.',
  UserNotConfirmedException: 'Your account is not confirmed yet.',
  TooManyRequestsException: 'Too many attempts. Wait a moment and try again.',
  InvalidParameterException: 'Sign-in is not set up for this app (USER_PASSWORD_AUTH must be allowed).',
};

const $ = (id) => document.getElementById(id);

const show = (text, kind = 'error') => {
  const message = $('message');
  message.textContent = text;
  message.className = kind;
  message.hidden = false;
};

const decodeClaims = (jwt) => {
  const payload = jwt.split('.')[1].replaceAll('-', '+').replaceAll('_', '/');
  const bytes = Uint8Array.from(atob(payload), (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
};

const initiateAuth = async (config, email, password) => {
  const endpoint = config.endpoint ?? `https://cognito-idp.${config.region}.amazonaws.com/`;
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: config.clientId,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const type = String(body.__type ?? body.code ?? 'Error')
      .split('#')
      .pop();
    return { error: type };
  }
  return { result: body };
};

const main = async () => {
  const config = await (await fetch('config.json')).json();
  $('config').textContent = `Cognito ${config.endpoint ?? config.region}, app client ${config.clientId}`;
  $('login').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('message').hidden = true;
    $('result').hidden = true;
    const email = $('email').value.trim();
    const password = $('password').value;
    if (email === '' || password === '') return show('Enter your email and your password.');
    $('submit').disabled = true;
    show('Signing in…', 'info');
    try {
      const { result, error } = await initiateAuth(config, email, password);
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
    } catch {
      show('Cannot reach the sign-in service. Check your connection and try again.');
    } finally {
      $('submit').disabled = false;
    }
  });
};

main();
