import { constantTimeEqual } from '../../crypto/constant-time.js';
import { MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { CRYPT_CHAR, cryptKey, decodeHash64Int, IDENTIFY_CHAR, PYTHON_END, saltedDes } from './crypt-des.js';

/**
 * crypt16 (Ultrix, Digital Unix): bytes 1–8 of the password through 20 salted DES encryptions, bytes 9–16
 * through 5; anything after byte 16 is ignored. passlib checks no NUL bytes here: they are key bits.
 */
const CRYPT16_PATTERN = new RegExp(`^(${CRYPT_CHAR}{2})(${CRYPT_CHAR}{22})?${PYTHON_END}`);
const CRYPT16_IDENTIFY = new RegExp(`^${IDENTIFY_CHAR}{2}(?:${IDENTIFY_CHAR}{22})?${PYTHON_END}`);

const crypt16Checksum = (password: Uint8Array, salt: number): string =>
  saltedDes(cryptKey(password.subarray(0, 8)), salt, 20) + saltedDes(cryptKey(password.subarray(8, 16)), salt, 5);

const crypt16: PasswordHashScheme = {
  name: 'crypt16',
  identify: (hash) => CRYPT16_IDENTIFY.test(hash),
  prepare: (hash) => {
    const match = CRYPT16_PATTERN.exec(hash);
    if (match === null) throw new MalformedHashError('crypt16', 'expected 2 salt and 22 checksum characters');
    const [, saltText = '', checksum] = match;
    if (checksum === undefined) throw new MalformedHashError('crypt16', 'the checksum is missing');
    const salt = decodeHash64Int(saltText);
    return {
      needsUpdate: false,
      verify: async (password) => constantTimeEqual(crypt16Checksum(utf8(password), salt), checksum),
    };
  },
};

export { crypt16 };
