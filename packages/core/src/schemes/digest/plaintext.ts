import { constantTimeEqual } from '../../crypto/constant-time.js';
import { MalformedHashError } from '../../errors.js';
import { pythonText } from '../../python/python-text.js';
import type { SchemeName } from '../../scheme-names.js';
import type { PasswordHashScheme, PreparedHash } from '../../types/scheme.js';

/**
 * The registry keeps all five schemes here out of default identification (EXPLICIT_ONLY): they match
 * almost any string. Named explicitly, they answer exactly as passlib.
 */

/**
 * passlib compares Python strs code point by code point. The password reaches Python through UTF-8 (a
 * lone surrogate becomes U+FFFD); the stored value is compared as it is. UTF-16 code units of two
 * well-formed strings are equal exactly when their code points are.
 */
const samePlaintext = (password: string, stored: string): boolean =>
  constantTimeEqual(Buffer.from(pythonText(password), 'utf16le'), Buffer.from(stored, 'utf16le'));

const plaintextVerifier = (stored: string): PreparedHash => ({
  needsUpdate: false,
  verify: async (password) => samePlaintext(password, stored),
});

/** The password itself; every string is a plaintext hash, the empty one included. */
const plaintext: PasswordHashScheme = {
  name: 'plaintext',
  identify: () => true,
  prepare: (hash) => plaintextVerifier(hash),
};

/**
 * passlib's RFC 2307 test: `{scheme}` then anything up to the end or a final newline (Python's `.` and `$`).
 * Python's `\w` is Unicode letters, digits and `_`; letters added after Unicode 14 differ, which only
 * matters for a stored password that starts with such a `{…}`.
 */
const RFC2307_PREFIXED = /^\{[\p{L}\p{N}_]+\}[^\n]*\n?$/u;

/** Plaintext in an LDAP directory: any non-empty string that does not look like `{SCHEME}…`. */
const ldapPlaintext: PasswordHashScheme = {
  name: 'ldap_plaintext',
  identify: (hash) => hash !== '' && !RFC2307_PREFIXED.test(hash),
  prepare: (hash) => {
    if (hash === '' || RFC2307_PREFIXED.test(hash)) {
      throw new MalformedHashError('ldap_plaintext', 'empty, or prefixed by an RFC 2307 {SCHEME}');
    }
    return plaintextVerifier(hash);
  },
};

const ROUNDUP_PREFIX = '{plaintext}';

/** Roundup's `{plaintext}` prefix (case-sensitive) before the password; the empty password included. */
const roundupPlaintext: PasswordHashScheme = {
  name: 'roundup_plaintext',
  identify: (hash) => hash.startsWith(ROUNDUP_PREFIX),
  prepare: (hash) => {
    if (!hash.startsWith(ROUNDUP_PREFIX)) throw new MalformedHashError('roundup_plaintext', 'expected {plaintext}');
    return plaintextVerifier(hash.slice(ROUNDUP_PREFIX.length));
  },
};

/** A disabled-account marker: passlib recognises it and rejects every password, without an error. */
const disabledScheme = (name: SchemeName, isMarker: (hash: string) => boolean, shape: string): PasswordHashScheme => ({
  name,
  identify: isMarker,
  prepare: (hash) => {
    if (!isMarker(hash)) throw new MalformedHashError(name, `expected ${shape}`);
    return { needsUpdate: false, verify: async () => false };
  },
});

/** /etc/shadow: `!` or `*`, possibly followed by the old hash, or the empty field (treated like `!`). */
const unixDisabled = disabledScheme(
  'unix_disabled',
  (hash) => hash === '' || hash.startsWith('!') || hash.startsWith('*'),
  'an empty string or one starting with ! or *',
);

/** Django's unusable password: `!` and (since Django 1.6) 40 random characters. */
const djangoDisabled = disabledScheme('django_disabled', (hash) => hash.startsWith('!'), 'a string starting with !');

export { djangoDisabled, ldapPlaintext, plaintext, roundupPlaintext, unixDisabled };
