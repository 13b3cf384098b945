import { constantTimeEqual } from '../../crypto/constant-time.js';
import { MalformedHashError } from '../../errors.js';
import { codePointLength, utf8 } from '../../password.js';
import type { SchemeName } from '../../scheme-names.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { DJANGO_HASHER_DEFAULTS, isDjangoSaltTooShort } from '../django-settings.js';
import { checkIterationPolicy, DIGEST_SIZE, derive, parseMc3 } from './shared.js';

/** Django's salt alphabet, which passlib enforces; at least one character. */
const DJANGO_SALT = /^[a-zA-Z0-9]+$/;
/** passlib checks the digest's length and alphabet only: a misplaced `=` is a mismatch, not an error. */
const PADDED_BASE64 = /^[A-Za-z0-9+/=]*$/;

/**
 * Django's `pbkdf2_sha256$<iterations>$<salt>$<base64 digest>`: the salt is used as text (its UTF-8
 * bytes), and the digest is compared as padded standard base64 text, as passlib does. needsUpdate is
 * Django 5.2's must_update: iterations other than 1,000,000, or a salt under 22 characters.
 */
const djangoPbkdf2Scheme = (name: SchemeName, digest: 'sha1' | 'sha256', ident: string): PasswordHashScheme => {
  const digestLength = DIGEST_SIZE[digest];
  const encodedLength = Math.ceil(digestLength / 3) * 4;
  return {
    name,
    identify: (hash) => hash.startsWith(ident),
    prepare: (hash, context) => {
      const { rounds, salt, checksum } = parseMc3(name, hash, ident);
      if (!DJANGO_SALT.test(salt)) throw new MalformedHashError(name, 'the salt must be 1 or more of [a-zA-Z0-9]');
      if (checksum === undefined) throw new MalformedHashError(name, 'the digest is missing');
      if (checksum.length !== encodedLength || !PADDED_BASE64.test(checksum)) {
        throw new MalformedHashError(name, `the digest must be ${encodedLength} base64 characters`);
      }
      checkIterationPolicy(name, rounds, context);
      return {
        needsUpdate: rounds !== DJANGO_HASHER_DEFAULTS.pbkdf2Iterations || isDjangoSaltTooShort(codePointLength(salt)),
        verify: async (password) => {
          const key = await derive(utf8(password), utf8(salt), rounds, digestLength, digest);
          return constantTimeEqual(key.toString('base64'), checksum);
        },
      };
    },
  };
};

const djangoPbkdf2Sha256 = djangoPbkdf2Scheme('django_pbkdf2_sha256', 'sha256', 'pbkdf2_sha256$');
const djangoPbkdf2Sha1 = djangoPbkdf2Scheme('django_pbkdf2_sha1', 'sha1', 'pbkdf2_sha1$');

export { djangoPbkdf2Sha1, djangoPbkdf2Sha256 };
