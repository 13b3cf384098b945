import { createHmac } from 'node:crypto';
import { MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { bcryptMatches, checkBcryptPolicy, parseBcrypt } from './bcrypt.js';
import { startsWithBcryptIdent } from './shared.js';

const SCHEME = 'wordpress_bcrypt';
const PREFIX = '$wp';
const HMAC_KEY = 'wp-sha384';
/** wp_check_password answers false, without hashing, for a password longer than this many bytes. */
const WORDPRESS_MAX_PASSWORD_BYTES = 4096;

/**
 * WordPress 6.8+ user passwords, `$wp$2y$10$<salt><digest>`. Not a passlib scheme: WordPress's own source is
 * the reference (WordPress/wordpress-develop, src/wp-includes/pluggable.php, trunk at commit 00515dffdf30;
 * the functions' @since notes date this logic to 6.8.0):
 * - wp_hash_password trims the password (PHP trim: space, \t, \n, \r, \0, \x0B), takes the raw
 *   HMAC-SHA384 of it with the key "wp-sha384", base64-encodes that (64 ASCII characters, so bcrypt's
 *   72-byte limit never truncates it), bcrypts it with PHP's password_hash (`$2y$`) and puts `$wp` in front.
 * - wp_check_password does NOT trim: for a hash starting with `$wp` it returns false if the password is over
 *   4096 bytes, else PHP's password_verify of the same base64 HMAC against the hash minus `$wp`.
 *   (The login path trims earlier: wp_authenticate trims the typed password before checking it.)
 * This scheme is wp_check_password. PHP's password_verify compares the whole crypt() output with the
 * stored string, and crypt writes salt and digest with clean padding bits, so a hash with padding bits set
 * never verifies; PHP's crypt has no `$2$` variant, so such a hash is malformed here.
 */
const wordpressBcrypt: PasswordHashScheme = {
  name: SCHEME,
  identify: (hash) => hash.startsWith(PREFIX) && startsWithBcryptIdent(hash.slice(PREFIX.length)),
  prepare: (hash, context) => {
    if (!hash.startsWith(PREFIX)) throw new MalformedHashError(SCHEME, 'expected the $wp prefix');
    const parsed = parseBcrypt(SCHEME, hash.slice(PREFIX.length));
    if (parsed.ident === '2') throw new MalformedHashError(SCHEME, 'PHP cannot verify the legacy $2$ variant');
    checkBcryptPolicy(SCHEME, parsed, context);
    return {
      needsUpdate: parsed.cost < context.policy.bcryptMinCost,
      verify: async (password) => {
        const bytes = utf8(password);
        // hadBadPadding: any padding bit set in salt or checksum, which PHP's full-string compare refuses.
        if (bytes.length > WORDPRESS_MAX_PASSWORD_BYTES || parsed.hadBadPadding) return false;
        const key = Buffer.from(createHmac('sha384', HMAC_KEY).update(bytes).digest('base64'), 'ascii');
        return bcryptMatches(key, parsed);
      },
    };
  },
};

export { wordpressBcrypt };
