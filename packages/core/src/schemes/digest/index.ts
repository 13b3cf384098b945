import type { PasswordHashScheme } from '../../types/scheme.js';
import { mssql2000, mssql2005, mysql41, mysql323, oracle11, postgresMd5 } from './database.js';
import { djangoSaltedMd5, djangoSaltedSha1 } from './django-salted.js';
import { djangoUnsaltedMd5, djangoUnsaltedSha1 } from './django-unsalted.js';
import { fshp } from './fshp.js';
import { hexMd4, hexMd5, hexSha1, hexSha256, hexSha512, ldapHexMd5, ldapHexSha1 } from './hex-digests.js';
import { htdigest } from './htdigest.js';
import {
  ldapMd5,
  ldapSaltedMd5,
  ldapSaltedSha1,
  ldapSaltedSha256,
  ldapSaltedSha512,
  ldapSha1,
} from './ldap-digests.js';
import { djangoDisabled, ldapPlaintext, plaintext, roundupPlaintext, unixDisabled } from './plaintext.js';

/**
 * Plain and salted digests, database and plaintext formats. oracle10 needs DES, which Node 20's OpenSSL
 * lacks: it belongs to the legacy family with the other DES-based schemes.
 */
const digestFamily: readonly PasswordHashScheme[] = [
  hexMd4,
  hexMd5,
  hexSha1,
  hexSha256,
  hexSha512,
  ldapMd5,
  ldapSha1,
  ldapSaltedMd5,
  ldapSaltedSha1,
  ldapSaltedSha256,
  ldapSaltedSha512,
  ldapHexMd5,
  ldapHexSha1,
  ldapPlaintext,
  djangoSaltedSha1,
  djangoSaltedMd5,
  djangoUnsaltedSha1,
  djangoUnsaltedMd5,
  djangoDisabled,
  mysql323,
  mysql41,
  postgresMd5,
  oracle11,
  mssql2000,
  mssql2005,
  htdigest,
  fshp,
  plaintext,
  roundupPlaintext,
  unixDisabled,
];

export { digestFamily };
