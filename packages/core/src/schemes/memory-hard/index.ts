import type { PasswordHashScheme } from '../../types/scheme.js';
import { argon2, djangoArgon2 } from './argon2.js';
import { djangoScrypt } from './django-scrypt.js';
import { scrypt } from './scrypt.js';
import { werkzeugScrypt } from './werkzeug-scrypt.js';

/** Argon2 and scrypt, and the formats built on them. */
const memoryHardFamily: readonly PasswordHashScheme[] = [argon2, djangoArgon2, scrypt, djangoScrypt, werkzeugScrypt];

export { memoryHardFamily };
