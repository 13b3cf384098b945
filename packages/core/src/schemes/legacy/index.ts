import type { PasswordHashScheme } from '../../types/scheme.js';
import { bigcrypt } from './bigcrypt.js';
import { bsdiCrypt, ldapBsdiCrypt } from './bsdi-crypt.js';
import { ciscoAsa, ciscoPix, ciscoType7 } from './cisco.js';
import { crypt16 } from './crypt16.js';
import { desCrypt, djangoDesCrypt, ldapDesCrypt } from './des-crypt.js';
import { lmhash } from './lmhash.js';
import { bsdNthash, msdcc, msdcc2, nthash } from './nthash.js';
import { oracle10 } from './oracle10.js';

/** DES-based crypt, Windows and Cisco formats. */
const legacyFamily: readonly PasswordHashScheme[] = [
  desCrypt,
  bsdiCrypt,
  bigcrypt,
  crypt16,
  djangoDesCrypt,
  ldapDesCrypt,
  ldapBsdiCrypt,
  lmhash,
  nthash,
  bsdNthash,
  msdcc,
  msdcc2,
  ciscoPix,
  ciscoAsa,
  ciscoType7,
  oracle10,
];

export { legacyFamily };
