import { createHash } from 'node:crypto';
import { MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { DJANGO_HASHER_DEFAULTS } from '../django-settings.js';
import { bcryptMatches, checkBcryptPolicy, parseBcrypt } from './bcrypt.js';

const SCHEME = 'django_bcrypt_sha256';
const PREFIX = 'bcrypt_sha256$';

/**
 * Django 1.6's `BCryptSHA256PasswordHasher`: `bcrypt_sha256$` + bcrypt of the lowercase hex SHA-256 of the
 * UTF-8 password (64 ASCII bytes, no HMAC). Every bcrypt ident passlib's bcrypt reads is accepted ($2$
 * too). The key never holds a NUL byte, so no password is refused.
 */
const djangoBcryptSha256: PasswordHashScheme = {
  name: SCHEME,
  // passlib identifies on the prefix alone; what follows is checked when parsing.
  identify: (hash) => hash.startsWith(PREFIX),
  prepare: (hash, context) => {
    const bcryptHash = hash.slice(PREFIX.length);
    if (!hash.startsWith(PREFIX) || !bcryptHash.startsWith('$2')) {
      throw new MalformedHashError(SCHEME, 'expected bcrypt_sha256$ followed by a bcrypt hash');
    }
    const parsed = parseBcrypt(SCHEME, bcryptHash);
    checkBcryptPolicy(SCHEME, parsed, context);
    return {
      // Django's must_update: a work factor other than its 12, lower or higher.
      needsUpdate: parsed.cost !== DJANGO_HASHER_DEFAULTS.bcryptRounds,
      verify: async (password) => {
        const key = Buffer.from(createHash('sha256').update(utf8(password)).digest('hex'), 'ascii');
        return bcryptMatches(key, parsed);
      },
    };
  },
};

export { djangoBcryptSha256 };
