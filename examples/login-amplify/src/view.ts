/** The page's few DOM operations: one form at a time, one message line, the signed-in panel. */

const FORMS = ['sign-in', 'reset-request', 'reset-confirm'] as const;
type FormId = (typeof FORMS)[number];

const element = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`index.html has no #${id}`);
  return found as T;
};

const input = (id: string): HTMLInputElement => element<HTMLInputElement>(id);

const showMessage = (text: string, kind: 'error' | 'info' = 'error'): void => {
  const message = element('message');
  message.textContent = text;
  message.className = kind;
  message.hidden = false;
};

const hideMessage = (): void => {
  element('message').hidden = true;
};

/** Shows one of the three forms; "Back to sign in" goes with the two reset forms. */
const showForm = (id: FormId): void => {
  for (const form of FORMS) element(form).hidden = form !== id;
  element('back').hidden = id === 'sign-in';
  element('signed-in').hidden = true;
};

/** Who is signed in, as Amplify reports it: getCurrentUser and the tokens of fetchAuthSession. */
interface SignedInView {
  readonly username: string;
  readonly email: string;
  readonly authFlowType: string;
  readonly expiresAt: Date | undefined;
}

const showSignedIn = (view: SignedInView): void => {
  for (const form of FORMS) element(form).hidden = true;
  element('back').hidden = true;
  element('username').textContent = view.username;
  element('user-email').textContent = view.email;
  element('auth-flow').textContent = view.authFlowType;
  element('expires').textContent = view.expiresAt?.toISOString() ?? 'unknown';
  element('signed-in').hidden = false;
};

/** Disables a button while its request runs, so a double click sends one request. */
const whileBusy = async (buttonId: string, work: () => Promise<void>): Promise<void> => {
  const button = element<HTMLButtonElement>(buttonId);
  button.disabled = true;
  try {
    await work();
  } finally {
    button.disabled = false;
  }
};

export type { SignedInView };
export { element, hideMessage, input, showForm, showMessage, showSignedIn, whileBusy };
