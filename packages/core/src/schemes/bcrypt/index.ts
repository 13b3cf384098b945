import type { PasswordHashScheme } from '../../types/scheme.js';
import { bcrypt } from './bcrypt.js';

/** bcrypt and the formats built on it. */
const bcryptFamily: readonly PasswordHashScheme[] = [bcrypt];

export { bcryptFamily };
