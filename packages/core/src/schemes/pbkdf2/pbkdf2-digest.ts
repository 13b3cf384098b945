import { constantTimeEqual } from '../../crypto/constant-time.js';
import { MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import { decodePasslibAb64 } from '../../python/python-base64.js';
import type { SchemeName } from '../../scheme-names.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import {
  checkIterationPolicy,
  DIGEST_SIZE,
  type Digest,
  derive,
  isBelowPolicyFloor,
  MAX_SALT_SIZE,
  parseMc3,
} from './shared.js';

/** ab64 text with nothing for the lenient decoder to skip or stop at: Node's decoder reads it the same. */
const PLAIN_AB64 = /^[A-Za-z0-9./+]*$/;

/**
 * passlib's ab64_decode. Clean text (the only kind passlib writes) goes through Node's decoder, many times
 * faster, since identification parses every exported row; anything else through Python's lenient rules.
 */
const decodeAb64 = (text: string): Buffer | undefined =>
  PLAIN_AB64.test(text) && text.length % 4 !== 1
    ? Buffer.from(text.replaceAll('.', '+'), 'base64')
    : decodePasslibAb64(text);

interface ParsedPbkdf2Digest {
  readonly rounds: number;
  readonly salt: Buffer;
  readonly checksum: Buffer;
}

/**
 * passlib's `Pbkdf2DigestHandler.from_string` for `<ident><rounds>$<ab64 salt>$<ab64 digest>`: the salt
 * and digest are decoded as passlib does (see src/python/python-base64.ts), then sized.
 */
const parsePbkdf2Digest = (scheme: SchemeName, hash: string, ident: string, digest: Digest): ParsedPbkdf2Digest => {
  const fields = parseMc3(scheme, hash, ident);
  const salt = decodeAb64(fields.salt);
  if (salt === undefined) throw new MalformedHashError(scheme, 'invalid salt encoding');
  if (fields.checksum === undefined) throw new MalformedHashError(scheme, 'the digest is missing');
  const checksum = decodeAb64(fields.checksum);
  if (checksum === undefined) throw new MalformedHashError(scheme, 'invalid digest encoding');
  if (salt.length > MAX_SALT_SIZE) throw new MalformedHashError(scheme, 'salt too large');
  if (checksum.length !== DIGEST_SIZE[digest]) throw new MalformedHashError(scheme, 'wrong digest size');
  return { rounds: fields.rounds, salt, checksum };
};

/**
 * One `pbkdf2_<digest>` scheme. The LDAP variants only swap the prefix (`{PBKDF2-SHA256}` for
 * `$pbkdf2-sha256$`), as passlib's PrefixWrapper does.
 */
const pbkdf2DigestScheme = (name: SchemeName, digest: Digest, ident: string, prefix = ident): PasswordHashScheme => ({
  name,
  identify: (hash) => hash.startsWith(prefix),
  prepare: (hash, context) => {
    if (!hash.startsWith(prefix)) throw new MalformedHashError(name, `expected the ${prefix} prefix`);
    const parsed = parsePbkdf2Digest(name, `${ident}${hash.slice(prefix.length)}`, ident, digest);
    checkIterationPolicy(name, parsed.rounds, context);
    return {
      needsUpdate: isBelowPolicyFloor(parsed.rounds, context),
      verify: async (password) => {
        const key = await derive(utf8(password), parsed.salt, parsed.rounds, parsed.checksum.length, digest);
        return constantTimeEqual(key, parsed.checksum);
      },
    };
  },
});

const pbkdf2Sha1 = pbkdf2DigestScheme('pbkdf2_sha1', 'sha1', '$pbkdf2$');
const pbkdf2Sha256 = pbkdf2DigestScheme('pbkdf2_sha256', 'sha256', '$pbkdf2-sha256$');
const pbkdf2Sha512 = pbkdf2DigestScheme('pbkdf2_sha512', 'sha512', '$pbkdf2-sha512$');
const ldapPbkdf2Sha1 = pbkdf2DigestScheme('ldap_pbkdf2_sha1', 'sha1', '$pbkdf2$', '{PBKDF2}');
const ldapPbkdf2Sha256 = pbkdf2DigestScheme('ldap_pbkdf2_sha256', 'sha256', '$pbkdf2-sha256$', '{PBKDF2-SHA256}');
const ldapPbkdf2Sha512 = pbkdf2DigestScheme('ldap_pbkdf2_sha512', 'sha512', '$pbkdf2-sha512$', '{PBKDF2-SHA512}');

export { ldapPbkdf2Sha1, ldapPbkdf2Sha256, ldapPbkdf2Sha512, pbkdf2Sha1, pbkdf2Sha256, pbkdf2Sha512 };
