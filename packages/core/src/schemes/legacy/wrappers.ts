import { MalformedHashError } from '../../errors.js';
import type { SchemeName } from '../../scheme-names.js';
import type { PasswordHashScheme, PreparedHash, SchemeContext } from '../../types/scheme.js';

/** How a scheme prepares a hash, reporting errors under the name it is given (itself or a wrapper). */
type PrepareAs = (scheme: SchemeName, hash: string, context: SchemeContext) => PreparedHash;

/**
 * A scheme that is another one behind a fixed prefix, as passlib's `PrefixWrapper` makes `ldap_des_crypt`
 * (`{CRYPT}` + des_crypt) or `bsd_nthash` (`$3$$` + nthash): it identifies what carries the prefix and
 * whose rest the inner scheme identifies, and verifies the rest with the inner scheme.
 */
const prefixWrapper = (
  name: SchemeName,
  prefix: string,
  inner: { readonly identify: (hash: string) => boolean; readonly prepareAs: PrepareAs },
): PasswordHashScheme => ({
  name,
  identify: (hash) => hash.startsWith(prefix) && inner.identify(hash.slice(prefix.length)),
  prepare: (hash, context) => {
    if (!hash.startsWith(prefix)) throw new MalformedHashError(name, `expected the ${prefix} prefix`);
    return inner.prepareAs(name, hash.slice(prefix.length), context);
  },
});

export type { PrepareAs };
export { prefixWrapper };
