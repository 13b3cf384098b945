import type { PasswordHashScheme } from '../../types/scheme.js';

/** Argon2 and scrypt, and the formats built on them. */
const memoryHardFamily: readonly PasswordHashScheme[] = [];

export { memoryHardFamily };
