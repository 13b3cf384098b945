import { constantTimeEqual } from '../../crypto/constant-time.js';
import { MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import type { SchemeName } from '../../scheme-names.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { isDjangoSaltTooShort } from '../django-settings.js';
import { DIGEST_SIZE, digestHex } from './digests.js';

/** passlib's Django salt alphabet; the empty salt is allowed. */
const DJANGO_SALT = /^[A-Za-z0-9]*$/;

/**
 * Django's old `sha1$<salt>$<hex>` and `md5$<salt>$<hex>`: hex digest of salt ‖ password. passlib wants
 * exactly two fields after the prefix, a non-empty digest and lower-case hex. needsUpdate as Django 5.2
 * has it: MD5PasswordHasher's must_update (a salt under 22 characters); SHA1PasswordHasher is gone since
 * Django 5.1, so its hashes always need replacing.
 */
const djangoSaltedScheme = (
  name: SchemeName,
  algorithm: 'md5' | 'sha1',
  needsUpdate: (salt: string) => boolean,
): PasswordHashScheme => {
  const prefix = `${algorithm}$`;
  const checksumPattern = new RegExp(`^[0-9a-f]{${DIGEST_SIZE[algorithm] * 2}}$`);
  return {
    name,
    identify: (hash) => hash.startsWith(prefix),
    prepare: (hash) => {
      if (!hash.startsWith(prefix)) throw new MalformedHashError(name, `expected the ${prefix} prefix`);
      const fields = hash.slice(prefix.length).split('$');
      if (fields.length > 2) throw new MalformedHashError(name, 'expected <salt>$<digest>');
      const [salt = '', checksum = ''] = fields;
      if (checksum === '') throw new MalformedHashError(name, 'the digest is missing');
      if (!checksumPattern.test(checksum)) throw new MalformedHashError(name, 'the digest must be lower-case hex');
      if (!DJANGO_SALT.test(salt)) throw new MalformedHashError(name, 'the salt must be letters and digits');
      return {
        needsUpdate: needsUpdate(salt),
        verify: async (password) =>
          constantTimeEqual(
            await digestHex(algorithm, Buffer.concat([Buffer.from(salt, 'ascii'), utf8(password)])),
            checksum,
          ),
      };
    },
  };
};

const djangoSaltedSha1 = djangoSaltedScheme('django_salted_sha1', 'sha1', () => true);
const djangoSaltedMd5 = djangoSaltedScheme('django_salted_md5', 'md5', (salt) => isDjangoSaltTooShort(salt.length));

export { djangoSaltedMd5, djangoSaltedSha1 };
