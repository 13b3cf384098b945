import type { PasswordHashScheme } from '../../types/scheme.js';

/** DES-based crypt, Windows and Cisco formats. */
const legacyFamily: readonly PasswordHashScheme[] = [];

export { legacyFamily };
