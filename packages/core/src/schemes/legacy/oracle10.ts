import { requireContext } from '../../context.js';
import { constantTimeEqual } from '../../crypto/constant-time.js';
import { pythonText, pythonUpper } from '../../python/python-text.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { isHexDigest, parseHexDigest } from './common.js';
import { desEncryptBlock, desKeySchedule } from './des.js';

/** The fixed DES key of the first pass. */
const ORACLE10_KEY = Uint8Array.of(0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef);

/** DES-CBC with a zero IV over `data` NUL-padded to whole blocks; only the last block is kept. */
const desCbcLastBlock = (key: Uint8Array, data: Uint8Array): Uint8Array => {
  const schedule = desKeySchedule(key);
  let block: Uint8Array = new Uint8Array(8);
  for (let offset = 0; offset < data.length; offset += 8) {
    block = desEncryptBlock(
      schedule,
      block.map((byte, i) => byte ^ (data[offset + i] ?? 0)),
    );
  }
  return block;
};

/**
 * Oracle up to 10g: the user name and password, concatenated, upper-cased and encoded UTF-16-BE, through
 * DES-CBC under a fixed key; the last block keys a second DES-CBC pass whose last block is the hash.
 */
const oracle10Digest = (user: string, password: string): string => {
  const data = Buffer.from(pythonUpper(pythonText(user + password)), 'utf16le').swap16();
  return Buffer.from(desCbcLastBlock(desCbcLastBlock(ORACLE10_KEY, data), data))
    .toString('hex')
    .toUpperCase();
};

/** Oracle 7–10g password hash: 16 hex digits, either case, salted with the user name. */
const oracle10: PasswordHashScheme = {
  name: 'oracle10',
  identify: (hash) => isHexDigest(hash, 16, 'upper'),
  prepare: (hash, context) => {
    const digest = parseHexDigest('oracle10', hash, 16, 'upper');
    // Without a user: MissingContextError, after the hash is parsed (passlib: TypeError, same order).
    const user = requireContext('oracle10', 'user', context.user);
    return {
      needsUpdate: false,
      verify: async (password) => constantTimeEqual(oracle10Digest(user, password), digest),
    };
  },
};

export { oracle10 };
