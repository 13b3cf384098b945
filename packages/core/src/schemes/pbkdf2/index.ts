import type { PasswordHashScheme } from '../../types/scheme.js';

/** PBKDF2-based schemes. */
const pbkdf2Family: readonly PasswordHashScheme[] = [];

export { pbkdf2Family };
