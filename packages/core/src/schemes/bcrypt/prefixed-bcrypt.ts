import { MalformedHashError } from '../../errors.js';
import { assertNoNulByte, utf8 } from '../../password.js';
import type { SchemeName } from '../../scheme-names.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { bcryptMatches, checkBcryptPolicy, parseBcrypt } from './bcrypt.js';
import { startsWithBcryptIdent, wrappedBcryptNeedsUpdate } from './shared.js';

/**
 * passlib's `PrefixWrapper` around bcrypt: a constant, case-sensitive prefix before an unchanged bcrypt
 * hash. Everything else is bcrypt's: the same parsing, NUL-byte refusal, 72-byte key and needs_update.
 */
const prefixedBcrypt = (name: SchemeName, prefix: string): PasswordHashScheme => ({
  name,
  identify: (hash) => hash.startsWith(prefix) && startsWithBcryptIdent(hash.slice(prefix.length)),
  prepare: (hash, context) => {
    if (!hash.startsWith(prefix)) throw new MalformedHashError(name, `expected the ${prefix} prefix`);
    const bcryptHash = hash.slice(prefix.length);
    const parsed = parseBcrypt(name, bcryptHash);
    checkBcryptPolicy(name, parsed, context);
    return {
      needsUpdate: wrappedBcryptNeedsUpdate(bcryptHash, parsed.cost, context.policy),
      verify: async (password) => {
        assertNoNulByte(password, name);
        return bcryptMatches(utf8(password), parsed);
      },
    };
  },
});

/** Django 1.4's `BCryptPasswordHasher`: `bcrypt$` + a bcrypt hash. */
const djangoBcrypt = prefixedBcrypt('django_bcrypt', 'bcrypt$');

/** OpenLDAP's `{CRYPT}` userPassword holding a bcrypt hash. */
const ldapBcrypt = prefixedBcrypt('ldap_bcrypt', '{CRYPT}');

export { djangoBcrypt, ldapBcrypt };
