import type { PasswordHashScheme } from '../../types/scheme.js';
import { bcrypt } from './bcrypt.js';
import { bcryptSha256 } from './bcrypt-sha256.js';
import { djangoBcryptSha256 } from './django-bcrypt-sha256.js';
import { djangoBcrypt, ldapBcrypt } from './prefixed-bcrypt.js';
import { wordpressBcrypt } from './wordpress-bcrypt.js';

/** bcrypt and the formats built on it. */
const bcryptFamily: readonly PasswordHashScheme[] = [
  bcrypt,
  bcryptSha256,
  djangoBcrypt,
  djangoBcryptSha256,
  ldapBcrypt,
  wordpressBcrypt,
];

export { bcryptFamily };
