import type { SchemeName } from './scheme-names.js';
import { bcrypt } from './schemes/bcrypt.js';
import type { PasswordHashScheme } from './types/scheme.js';

/**
 * Every implemented scheme, in the order `identifyHash` tries them when no `schemes` are given:
 * schemes with a distinctive prefix first, then bare formats from the most to the least common, so that
 * ambiguous strings (32 hex digits: hex_md5, hex_md4, nthash, lmhash) resolve to the likeliest scheme.
 */
const IMPLEMENTED_SCHEMES: readonly PasswordHashScheme[] = [bcrypt];

/**
 * Schemes that identify almost any string or store the password itself: they take part only when named
 * in `scheme` or `schemes`, so a corrupt row can never be "verified" as plaintext by accident.
 */
const EXPLICIT_ONLY: ReadonlySet<SchemeName> = new Set<SchemeName>([
  'plaintext',
  'ldap_plaintext',
  'roundup_plaintext',
]);

const BY_NAME: ReadonlyMap<SchemeName, PasswordHashScheme> = new Map(
  IMPLEMENTED_SCHEMES.map((scheme) => [scheme.name, scheme]),
);

const DEFAULT_IDENTIFY_ORDER: readonly PasswordHashScheme[] = IMPLEMENTED_SCHEMES.filter(
  (scheme) => !EXPLICIT_ONLY.has(scheme.name),
);

const findScheme = (name: SchemeName): PasswordHashScheme | undefined => BY_NAME.get(name);

export { DEFAULT_IDENTIFY_ORDER, findScheme, IMPLEMENTED_SCHEMES };
