import { constantTimeEqual } from '../../crypto/constant-time.js';
import { encodeAdaptedBase64 } from '../../encoding/base64.js';
import { isHash64 } from '../../encoding/hash64.js';
import { MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import { decodePythonB64 } from '../../python/python-base64.js';
import { isAscii } from '../../python/python-text.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { checkIterationPolicy, derive, isBelowPolicyFloor, MAX_SALT_SIZE, parseMc3 } from './shared.js';

/** Both formats share the `$p5k2$` prefix; passlib tells them apart only by parsing. */
const P5K2_IDENT = '$p5k2$';

/**
 * Cryptacular's `$p5k2$<hex rounds>$<salt>$<digest>`: salt and 20-byte SHA-1 digest in base64 with `-_`
 * for `+/`, read as leniently as Python's `b64decode`.
 */
const ctaPbkdf2Sha1: PasswordHashScheme = {
  name: 'cta_pbkdf2_sha1',
  identify: (hash) => hash.startsWith(P5K2_IDENT),
  prepare: (hash, context) => {
    const scheme = 'cta_pbkdf2_sha1';
    const fields = parseMc3(scheme, hash, P5K2_IDENT, { base: 16 });
    const salt = decodePythonB64(fields.salt, '-_');
    if (salt === undefined) throw new MalformedHashError(scheme, 'invalid salt encoding');
    if (fields.checksum === undefined) throw new MalformedHashError(scheme, 'the digest is missing');
    const checksum = decodePythonB64(fields.checksum, '-_');
    if (checksum === undefined) throw new MalformedHashError(scheme, 'invalid digest encoding');
    if (salt.length > MAX_SALT_SIZE) throw new MalformedHashError(scheme, 'salt too large');
    if (checksum.length !== 20) throw new MalformedHashError(scheme, 'wrong digest size');
    const { rounds } = fields;
    checkIterationPolicy(scheme, rounds, context);
    return {
      needsUpdate: isBelowPolicyFloor(rounds, context),
      verify: async (password) => constantTimeEqual(await derive(utf8(password), salt, rounds, 20, 'sha1'), checksum),
    };
  },
};

/** dlitz's default when the rounds field is empty, which passlib also writes that way. */
const DLITZ_DEFAULT_ROUNDS = 400;

/**
 * Dwayne Litzenberger's `$p5k2$[<hex rounds>]$<salt>$<digest>`: the PBKDF2 salt is the whole settings
 * string as passlib re-renders it (lowercase hex rounds, omitted when 400), the key 24 bytes of SHA-1, and
 * the digest is compared as ab64 text.
 */
const dlitzPbkdf2Sha1: PasswordHashScheme = {
  name: 'dlitz_pbkdf2_sha1',
  identify: (hash) => hash.startsWith(P5K2_IDENT),
  prepare: (hash, context) => {
    const scheme = 'dlitz_pbkdf2_sha1';
    const { rounds, salt, checksum } = parseMc3(scheme, hash, P5K2_IDENT, {
      base: 16,
      defaultRounds: DLITZ_DEFAULT_ROUNDS,
    });
    if (!isHash64(salt) || salt.length > MAX_SALT_SIZE) throw new MalformedHashError(scheme, 'invalid salt');
    if (checksum === undefined) throw new MalformedHashError(scheme, 'the digest is missing');
    // passlib checks neither the digest's length nor its alphabet, but Python's compare_digest refuses non-ASCII text.
    if (!isAscii(checksum)) throw new MalformedHashError(scheme, 'the digest must be ASCII');
    checkIterationPolicy(scheme, rounds, context);
    const settings = `${P5K2_IDENT}${rounds === DLITZ_DEFAULT_ROUNDS ? '' : rounds.toString(16)}$${salt}`;
    return {
      needsUpdate: isBelowPolicyFloor(rounds, context),
      verify: async (password) => {
        const key = await derive(utf8(password), utf8(settings), rounds, 24, 'sha1');
        return constantTimeEqual(encodeAdaptedBase64(key), checksum);
      },
    };
  },
};

export { ctaPbkdf2Sha1, dlitzPbkdf2Sha1 };
