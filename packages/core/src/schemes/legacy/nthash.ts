import { pbkdf2 } from 'node:crypto';
import { promisify } from 'node:util';
import { requireContext } from '../../context.js';
import { constantTimeEqual } from '../../crypto/constant-time.js';
import { pythonLower, pythonText } from '../../python/python-text.js';
import type { SchemeName } from '../../scheme-names.js';
import type { PasswordHashScheme, SchemeContext } from '../../types/scheme.js';
import { isHexDigest, md4, parseHexDigest, utf16le } from './common.js';
import { type PrepareAs, prefixWrapper } from './wrappers.js';

const pbkdf2Async = promisify(pbkdf2);

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** Windows' NT hash: MD4 of the UTF-16-LE password. */
const ntDigest = (password: string): Promise<Uint8Array> => md4(utf16le(password));

const identifyNthash = (hash: string): boolean => isHexDigest(hash, 32, 'lower');

const prepareNthashAs: PrepareAs = (scheme, hash) => {
  const digest = parseHexDigest(scheme, hash, 32, 'lower');
  return { needsUpdate: false, verify: async (password) => constantTimeEqual(hex(await ntDigest(password)), digest) };
};

/** NT hash as 32 hex digits, either case. */
const nthash: PasswordHashScheme = {
  name: 'nthash',
  identify: identifyNthash,
  prepare: (hash, context) => prepareNthashAs('nthash', hash, context),
};

/** FreeBSD's form of the NT hash: `$3$$` + 32 hex digits. */
const bsdNthash = prefixWrapper('bsd_nthash', '$3$$', { identify: identifyNthash, prepareAs: prepareNthashAs });

/**
 * The UTF-16-LE of the lower-cased user name, the salt of both cached-credentials versions. Without one,
 * MissingContextError (passlib: TypeError, raised after the hash is parsed, as here).
 */
const userSalt = (scheme: SchemeName, context: SchemeContext): Buffer =>
  utf16le(pythonLower(pythonText(requireContext(scheme, 'user', context.user))));

/** Domain Cached Credentials v1 (mscash): MD4(NT hash ‖ user). */
const dcc1 = async (password: string, salt: Uint8Array): Promise<Uint8Array> =>
  md4(Buffer.concat([await ntDigest(password), salt]));

/** DCC2's fixed PBKDF2-HMAC-SHA1 iterations and its 16-byte digest. */
const DCC2_ITERATIONS = 10_240;
const DCC2_LENGTH = 16;

/** Windows' Domain Cached Credentials (mscash), keyed by the user name: 32 hex digits. */
const msdcc: PasswordHashScheme = {
  name: 'msdcc',
  identify: (hash) => isHexDigest(hash, 32, 'lower'),
  prepare: (hash, context) => {
    const digest = parseHexDigest('msdcc', hash, 32, 'lower');
    const salt = userSalt('msdcc', context);
    return {
      needsUpdate: false,
      verify: async (password) => constantTimeEqual(hex(await dcc1(password, salt)), digest),
    };
  },
};

/** Domain Cached Credentials v2 (mscash2): PBKDF2-HMAC-SHA1 over DCC1, the user as salt, 10240 rounds. */
const msdcc2: PasswordHashScheme = {
  name: 'msdcc2',
  identify: (hash) => isHexDigest(hash, 32, 'lower'),
  prepare: (hash, context) => {
    const digest = parseHexDigest('msdcc2', hash, 32, 'lower');
    const salt = userSalt('msdcc2', context);
    return {
      needsUpdate: false,
      verify: async (password) => {
        const key = await pbkdf2Async(await dcc1(password, salt), salt, DCC2_ITERATIONS, DCC2_LENGTH, 'sha1');
        return constantTimeEqual(hex(key), digest);
      },
    };
  },
};

export { bsdNthash, msdcc, msdcc2, nthash };
