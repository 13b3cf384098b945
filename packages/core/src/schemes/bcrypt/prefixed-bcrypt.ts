import { MalformedHashError } from '../../errors.js';
import { assertNoNulByte, utf8 } from '../../password.js';
import type { SchemeName } from '../../scheme-names.js';
import type { CostPolicy } from '../../types/policy.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { DJANGO_HASHER_DEFAULTS } from '../django-settings.js';
import { bcryptMatches, checkBcryptPolicy, parseBcrypt } from './bcrypt.js';
import { startsWithBcryptIdent, wrappedBcryptNeedsUpdate } from './shared.js';

/** When a wrapped bcrypt hash should be replaced: the bcrypt hash, its cost and the policy. */
type BcryptNeedsUpdate = (bcryptHash: string, cost: number, policy: CostPolicy) => boolean;

/**
 * passlib's `PrefixWrapper` around bcrypt: a constant, case-sensitive prefix before an unchanged bcrypt
 * hash. Everything else is bcrypt's: the same parsing, NUL-byte refusal, 72-byte key and (unless the
 * format's maker has its own idea) needs_update.
 */
const prefixedBcrypt = (
  name: SchemeName,
  prefix: string,
  needsUpdate: BcryptNeedsUpdate = wrappedBcryptNeedsUpdate,
): PasswordHashScheme => ({
  name,
  identify: (hash) => hash.startsWith(prefix) && startsWithBcryptIdent(hash.slice(prefix.length)),
  prepare: (hash, context) => {
    if (!hash.startsWith(prefix)) throw new MalformedHashError(name, `expected the ${prefix} prefix`);
    const bcryptHash = hash.slice(prefix.length);
    const parsed = parseBcrypt(name, bcryptHash);
    checkBcryptPolicy(name, parsed, context);
    return {
      needsUpdate: needsUpdate(bcryptHash, parsed.cost, context.policy),
      verify: async (password) => {
        assertNoNulByte(password, name);
        return bcryptMatches(utf8(password), parsed);
      },
    };
  },
});

/** Django's BCryptPasswordHasher.must_update: a work factor other than Django 5.2's 12. */
const differsFromDjangoRounds: BcryptNeedsUpdate = (_hash, cost) => cost !== DJANGO_HASHER_DEFAULTS.bcryptRounds;

/** Django 1.4's `BCryptPasswordHasher`: `bcrypt$` + a bcrypt hash. */
const djangoBcrypt = prefixedBcrypt('django_bcrypt', 'bcrypt$', differsFromDjangoRounds);

/** OpenLDAP's `{CRYPT}` userPassword holding a bcrypt hash. */
const ldapBcrypt = prefixedBcrypt('ldap_bcrypt', '{CRYPT}');

export { djangoBcrypt, ldapBcrypt };
