import type { PasswordHashScheme } from '../../types/scheme.js';

/** Plain and salted digests, database and plaintext formats. */
const digestFamily: readonly PasswordHashScheme[] = [];

export { digestFamily };
