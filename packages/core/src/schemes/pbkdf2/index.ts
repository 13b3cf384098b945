import type { PasswordHashScheme } from '../../types/scheme.js';
import { atlassianPbkdf2Sha1 } from './atlassian.js';
import { djangoPbkdf2Sha1, djangoPbkdf2Sha256 } from './django.js';
import { grubPbkdf2Sha512 } from './grub.js';
import { ctaPbkdf2Sha1, dlitzPbkdf2Sha1 } from './p5k2.js';
import {
  ldapPbkdf2Sha1,
  ldapPbkdf2Sha256,
  ldapPbkdf2Sha512,
  pbkdf2Sha1,
  pbkdf2Sha256,
  pbkdf2Sha512,
} from './pbkdf2-digest.js';
import { scram } from './scram.js';
import { werkzeugPbkdf2 } from './werkzeug.js';

/** PBKDF2-based schemes. */
const pbkdf2Family: readonly PasswordHashScheme[] = [
  pbkdf2Sha1,
  pbkdf2Sha256,
  pbkdf2Sha512,
  ldapPbkdf2Sha1,
  ldapPbkdf2Sha256,
  ldapPbkdf2Sha512,
  djangoPbkdf2Sha1,
  djangoPbkdf2Sha256,
  atlassianPbkdf2Sha1,
  ctaPbkdf2Sha1,
  dlitzPbkdf2Sha1,
  grubPbkdf2Sha512,
  scram,
  werkzeugPbkdf2,
];

export { pbkdf2Family };
