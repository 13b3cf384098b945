import { constantTimeEqual } from '../../crypto/constant-time.js';
import { MalformedHashError } from '../../errors.js';
import { codePointLength, utf8 } from '../../password.js';
import type { SchemeName } from '../../scheme-names.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { digestHex } from './digests.js';

const LONE_SURROGATE = /\p{Cs}/u;

interface UnsaltedForm {
  readonly name: SchemeName;
  readonly algorithm: 'md5' | 'sha1';
  /** The shapes Django's `identify_hasher` sends to this hasher (lengths in code points, as Python counts). */
  readonly routed: (hash: string, length: number) => boolean;
  /** The part compared with the hex digest. */
  readonly stored: (hash: string) => string;
  /** Only what Django wrote: lowercase hex of the digest's length. */
  readonly exact: RegExp;
}

/**
 * The unsalted hashers Django 4.2 still shipped and 5.1 removed, for the values ancient Django versions left
 * in `auth_user`. Verify compares the stored text with the lowercase hex digest of the UTF-8 password, as
 * Django does, so upper-case or other stray text never matches; strings Django's `identify_hasher` would
 * give another hasher are malformed. Always needsUpdate: no Django 5 app can make them its preferred hasher.
 */
const djangoUnsaltedScheme = (form: UnsaltedForm): PasswordHashScheme => ({
  name: form.name,
  identify: (hash) => form.exact.test(hash),
  prepare: (hash) => {
    if (!form.routed(hash, codePointLength(hash))) {
      throw new MalformedHashError(form.name, 'not a shape Django gives this hasher');
    }
    // Django compares UTF-8 bytes: a lone surrogate cannot be encoded.
    if (LONE_SURROGATE.test(hash)) throw new MalformedHashError(form.name, 'the hash is not valid Unicode');
    const stored = form.stored(hash);
    return {
      needsUpdate: true,
      verify: async (password) => constantTimeEqual(await digestHex(form.algorithm, utf8(password)), stored),
    };
  },
});

const isMd5Prefixed = (hash: string, length: number): boolean => length === 37 && hash.startsWith('md5$$');

/** UnsaltedMD5PasswordHasher: 32 hex digits, or the same after `md5$$` (an MD5 with an empty salt). */
const djangoUnsaltedMd5 = djangoUnsaltedScheme({
  name: 'django_unsalted_md5',
  algorithm: 'md5',
  routed: (hash, length) => (length === 32 && !hash.includes('$')) || isMd5Prefixed(hash, length),
  stored: (hash) => (hash.startsWith('md5$$') && codePointLength(hash) === 37 ? hash.slice(5) : hash),
  exact: /^(?:md5\$\$)?[0-9a-f]{32}$/,
});

/** UnsaltedSHA1PasswordHasher: `sha1$$` and 40 hex digits (a SHA-1 with an empty salt). */
const djangoUnsaltedSha1 = djangoUnsaltedScheme({
  name: 'django_unsalted_sha1',
  algorithm: 'sha1',
  routed: (hash, length) => length === 46 && hash.startsWith('sha1$$'),
  stored: (hash) => hash.slice('sha1$$'.length),
  exact: /^sha1\$\$[0-9a-f]{40}$/,
});

export { djangoUnsaltedMd5, djangoUnsaltedSha1 };
