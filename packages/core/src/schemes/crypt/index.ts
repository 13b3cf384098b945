import type { PasswordHashScheme } from '../../types/scheme.js';

/** MD5-, SHA-1- and SHA-2-based crypt(3) schemes and phpass. */
const cryptFamily: readonly PasswordHashScheme[] = [];

export { cryptFamily };
