import { constantTimeEqual } from '../../crypto/constant-time.js';
import { MalformedHashError } from '../../errors.js';
import { assertNoNulByte, utf8 } from '../../password.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { CRYPT_CHAR, desCryptChecksum, IDENTIFY_CHAR, PYTHON_END } from './crypt-des.js';

/**
 * bigcrypt (HP-UX, Digital Unix): des_crypt of each 8 bytes of the password in turn, each block salted
 * with the first two characters of the block before. The checksum grows 11 characters per 8 bytes, so a
 * password of another length never matches.
 */
const BIGCRYPT_PATTERN = new RegExp(`^(${CRYPT_CHAR}{2})((?:${CRYPT_CHAR}{11})+)?${PYTHON_END}`);
const BIGCRYPT_IDENTIFY = new RegExp(`^${IDENTIFY_CHAR}{2}(?:${IDENTIFY_CHAR}{11})*${PYTHON_END}`);

const bigcryptChecksum = (password: Uint8Array, salt: string): string => {
  let checksum = desCryptChecksum(password, salt);
  for (let offset = 8; offset < password.length; offset += 8) {
    checksum += desCryptChecksum(password.subarray(offset, offset + 8), checksum.slice(-11, -9));
  }
  return checksum;
};

const bigcrypt: PasswordHashScheme = {
  name: 'bigcrypt',
  identify: (hash) => BIGCRYPT_IDENTIFY.test(hash),
  prepare: (hash) => {
    const match = BIGCRYPT_PATTERN.exec(hash);
    if (match === null) {
      throw new MalformedHashError('bigcrypt', 'expected 2 salt characters and 11 per 8 password bytes');
    }
    const [, salt = '', checksum] = match;
    if (checksum === undefined) throw new MalformedHashError('bigcrypt', 'the checksum is missing');
    return {
      needsUpdate: false,
      verify: async (password) => {
        assertNoNulByte(password, 'bigcrypt');
        return constantTimeEqual(bigcryptChecksum(utf8(password), salt), checksum);
      },
    };
  },
};

export { bigcrypt };
