import type { PasswordHashScheme } from '../../types/scheme.js';
import { aprMd5Crypt, ldapMd5Crypt, md5Crypt } from './md5-crypt.js';
import { phpass } from './phpass.js';
import { ldapSha1Crypt, sha1Crypt } from './sha1-crypt.js';
import { ldapSha256Crypt, ldapSha512Crypt, sha256Crypt, sha512Crypt } from './sha2-crypt.js';
import { sunMd5Crypt } from './sun-md5-crypt.js';

/** MD5-, SHA-1- and SHA-2-based crypt(3) schemes and phpass. */
const cryptFamily: readonly PasswordHashScheme[] = [
  md5Crypt,
  aprMd5Crypt,
  ldapMd5Crypt,
  sha256Crypt,
  sha512Crypt,
  ldapSha256Crypt,
  ldapSha512Crypt,
  sha1Crypt,
  ldapSha1Crypt,
  sunMd5Crypt,
  phpass,
];

export { cryptFamily };
