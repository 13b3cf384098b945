import { constantTimeEqual } from '../../crypto/constant-time.js';
import { MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import { decodeHex } from '../../python/python-base64.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { checkIterationPolicy, derive, isBelowPolicyFloor, MAX_SALT_SIZE, parseMc3 } from './shared.js';

const GRUB_IDENT = 'grub.pbkdf2.sha512.';

/** GRUB 2's `grub.pbkdf2.sha512.<rounds>.<hex salt>.<hex digest>` (either case), PBKDF2-HMAC-SHA512. */
const grubPbkdf2Sha512: PasswordHashScheme = {
  name: 'grub_pbkdf2_sha512',
  identify: (hash) => hash.startsWith(GRUB_IDENT),
  prepare: (hash, context) => {
    const scheme = 'grub_pbkdf2_sha512';
    const fields = parseMc3(scheme, hash, GRUB_IDENT, { separator: '.' });
    const salt = decodeHex(fields.salt);
    if (salt === undefined || salt.length > MAX_SALT_SIZE) throw new MalformedHashError(scheme, 'invalid salt');
    if (fields.checksum === undefined) throw new MalformedHashError(scheme, 'the digest is missing');
    const checksum = decodeHex(fields.checksum);
    if (checksum?.length !== 64) throw new MalformedHashError(scheme, 'the digest must be 128 hex digits');
    const { rounds } = fields;
    checkIterationPolicy(scheme, rounds, context);
    return {
      needsUpdate: isBelowPolicyFloor(rounds, context),
      verify: async (password) => constantTimeEqual(await derive(utf8(password), salt, rounds, 64, 'sha512'), checksum),
    };
  },
};

export { grubPbkdf2Sha512 };
