import { requireContext } from '../../context.js';
import { constantTimeEqual } from '../../crypto/constant-time.js';
import { MalformedHashError } from '../../errors.js';
import { codePointLength, utf8 } from '../../password.js';
import { pythonText, pythonUpper } from '../../python/python-text.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { digestBytes, digestHex } from './digests.js';

const HEX_16 = /^[0-9a-fA-F]{16}$/;

/**
 * MySQL 3.23's OLD_PASSWORD(): two 31-bit accumulators over the UTF-8 bytes, spaces and tabs skipped.
 * passlib works with unbounded integers and masks to 32 bits; every intermediate here stays below 2^53,
 * so doubles hold them exactly and `>>> 0` is the same mask.
 */
const mysql323Digest = (password: Uint8Array): string => {
  let nr1 = 0x50305735;
  let nr2 = 0x12345671;
  let add = 7;
  for (const byte of password) {
    if (byte === 0x20 || byte === 0x09) continue;
    nr1 = (nr1 ^ ((((nr1 & 63) + add) * byte + nr1 * 256) >>> 0)) >>> 0;
    nr2 = (nr2 + (((nr2 << 8) ^ nr1) >>> 0)) >>> 0;
    add = (add + byte) >>> 0;
  }
  const hex = (value: number): string => (value & 0x7fffffff).toString(16).padStart(8, '0');
  return `${hex(nr1)}${hex(nr2)}`;
};

/** MySQL before 4.1: 16 hex digits, any case (passlib lower-cases). */
const mysql323: PasswordHashScheme = {
  name: 'mysql323',
  identify: (hash) => HEX_16.test(hash),
  prepare: (hash) => {
    if (!HEX_16.test(hash)) throw new MalformedHashError('mysql323', 'expected 16 hexadecimal digits');
    const expected = hash.toLowerCase();
    return {
      needsUpdate: false,
      verify: async (password) => constantTimeEqual(mysql323Digest(utf8(password)), expected),
    };
  },
};

const MYSQL41 = /^\*[0-9a-fA-F]{40}$/;

/** MySQL 4.1+ PASSWORD(): `*` and upper-case hex of SHA1(SHA1(password)); passlib upper-cases the stored hex. */
const mysql41: PasswordHashScheme = {
  name: 'mysql41',
  identify: (hash) => MYSQL41.test(hash),
  prepare: (hash) => {
    if (!MYSQL41.test(hash)) throw new MalformedHashError('mysql41', 'expected * and 40 hexadecimal digits');
    const expected = hash.slice(1).toUpperCase();
    return {
      needsUpdate: false,
      verify: async (password) => {
        const inner = await digestBytes('sha1', utf8(password));
        return constantTimeEqual((await digestHex('sha1', inner)).toUpperCase(), expected);
      },
    };
  },
};

/** `md5` (lower case) and 32 hex digits of either case. */
const POSTGRES_MD5 = /^md5[0-9a-fA-F]{32}$/;

/**
 * PostgreSQL's `md5` + MD5(password ‖ user name). passlib accepts upper-case hex in the stored value but
 * compares it unchanged with a lower-case digest, so such a hash never verifies; we do the same.
 * The user name is checked after the hash, as passlib does.
 */
const postgresMd5: PasswordHashScheme = {
  name: 'postgres_md5',
  identify: (hash) => POSTGRES_MD5.test(hash),
  prepare: (hash, context) => {
    if (!POSTGRES_MD5.test(hash))
      throw new MalformedHashError('postgres_md5', 'expected md5 and 32 hexadecimal digits');
    const user = requireContext('postgres_md5', 'user', context.user);
    const expected = hash.slice(3);
    return {
      needsUpdate: false,
      verify: async (password) =>
        constantTimeEqual(await digestHex('md5', Buffer.concat([utf8(password), utf8(user)])), expected),
    };
  },
};

/**
 * Oracle 11g: `S:` + 40 hex digest + 20 hex salt, SHA1(password ‖ salt). passlib's regex ignores case
 * (Python's ignore-case also lets `ſ`, U+017F, stand for `S`) and allows one final newline; it then
 * wants the salt in upper case and upper-cases the digest.
 */
const ORACLE11 = /^[Ssſ]:([0-9a-fA-F]{40})([0-9a-fA-F]{20})\n?$/;
const UPPER_HEX = /^[0-9A-F]*$/;

const oracle11: PasswordHashScheme = {
  name: 'oracle11',
  identify: (hash) => ORACLE11.test(hash),
  prepare: (hash) => {
    const match = ORACLE11.exec(hash);
    if (match === null) throw new MalformedHashError('oracle11', 'expected S: and 60 hexadecimal digits');
    const [, checksum = '', saltHex = ''] = match;
    if (!UPPER_HEX.test(saltHex)) throw new MalformedHashError('oracle11', 'the salt must be upper-case hex');
    const salt = Buffer.from(saltHex, 'hex');
    const expected = checksum.toUpperCase();
    return {
      needsUpdate: false,
      verify: async (password) =>
        constantTimeEqual((await digestHex('sha1', Buffer.concat([utf8(password), salt]))).toUpperCase(), expected),
    };
  },
};

const MSSQL_PREFIX = '0x0100';

/**
 * MS-SQL `0x0100` + hex of a 4-byte salt and SHA-1 digests of the UTF-16-LE password and salt. passlib
 * identifies by prefix and length (in characters), then any non-hex character is malformed.
 */
const mssqlScheme = (name: 'mssql2000' | 'mssql2005', digests: 1 | 2): PasswordHashScheme => {
  const length = MSSQL_PREFIX.length + 2 * (4 + 20 * digests);
  const hexPattern = new RegExp(`^[0-9a-fA-F]{${length - MSSQL_PREFIX.length}}$`);
  const identify = (hash: string): boolean => hash.startsWith(MSSQL_PREFIX) && codePointLength(hash) === length;
  return {
    name,
    identify,
    prepare: (hash) => {
      if (!identify(hash)) throw new MalformedHashError(name, `expected ${MSSQL_PREFIX} and ${length - 6} hex digits`);
      const hex = hash.slice(MSSQL_PREFIX.length);
      if (!hexPattern.test(hex)) throw new MalformedHashError(name, 'invalid hexadecimal digits');
      const data = Buffer.from(hex, 'hex');
      const salt = data.subarray(0, 4);
      // mssql2000 stores digests of the password and of its upper-case form; passlib checks only the
      // second, so verification ignores case, as SQL Server 2000's did.
      const checksum = data.subarray(4 + 20 * (digests - 1));
      return {
        needsUpdate: false,
        verify: async (password) => {
          const text = digests === 2 ? pythonUpper(pythonText(password)) : pythonText(password);
          return constantTimeEqual(
            await digestBytes('sha1', Buffer.concat([Buffer.from(text, 'utf16le'), salt])),
            checksum,
          );
        },
      };
    },
  };
};

const mssql2000 = mssqlScheme('mssql2000', 2);
const mssql2005 = mssqlScheme('mssql2005', 1);

export { mssql2000, mssql2005, mysql41, mysql323, oracle11, postgresMd5 };
