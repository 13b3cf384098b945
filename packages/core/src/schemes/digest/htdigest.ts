import { requireContext } from '../../context.js';
import { constantTimeEqual } from '../../crypto/constant-time.js';
import { MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { digestHex } from './digests.js';

/** passlib accepts only lower-case hex here (upper case is neither identified nor verified). */
const HTDIGEST = /^[0-9a-f]{32}$/;

/**
 * Apache htdigest: MD5 of `user:realm:password` in lower-case hex, all UTF-8. passlib's verify takes the
 * user and realm as required arguments (a TypeError without them, even before the hash is read); here,
 * as for postgres_md5, a malformed hash is reported first and a missing user or realm next.
 */
const htdigest: PasswordHashScheme = {
  name: 'htdigest',
  identify: (hash) => HTDIGEST.test(hash),
  prepare: (hash, context) => {
    if (!HTDIGEST.test(hash)) throw new MalformedHashError('htdigest', 'expected 32 lower-case hexadecimal digits');
    const user = requireContext('htdigest', 'user', context.user);
    const realm = requireContext('htdigest', 'realm', context.realm);
    return {
      needsUpdate: false,
      verify: async (password) => constantTimeEqual(await digestHex('md5', utf8(`${user}:${realm}:${password}`)), hash),
    };
  },
};

export { htdigest };
