import { createHash } from 'node:crypto';
import { constantTimeEqual } from '../../crypto/constant-time.js';
import { encodeHash64 } from '../../encoding/hash64.js';
import { MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import { parsePythonInt } from '../../python/python-int.js';
import type { SchemeName } from '../../scheme-names.js';
import type { PasswordHashScheme } from '../../types/scheme.js';

const PIX_PATTERN = /^[./0-9A-Za-z]{16}$/;

/** What passlib's verify appends to a password longer than the device accepts, so it can never match. */
const SPOILER = new Uint8Array(32).fill(0xff);

/** NUL-pads or cuts `bytes` to `size`, as passlib's `right_pad_string`. */
const rightPad = (bytes: Uint8Array, size: number): Uint8Array => {
  const out = new Uint8Array(size);
  out.set(bytes.subarray(0, size));
  return out;
};

/** Repeats or cuts `bytes` to `size`, as passlib's `repeat_string`. */
const repeatTo = (bytes: Uint8Array, size: number): Uint8Array =>
  Uint8Array.from({ length: size }, (_, i) => bytes[i % bytes.length] ?? 0);

/**
 * Cisco PIX / ASA "encrypted" passwords, as passlib 1.7.4 computes them: MD5 of the password (UTF-8), then
 * the first 4 bytes of the user name (repeated when shorter) unless the user is empty or, on ASA, the
 * password is 28 bytes or more; NUL-padded or cut to 16 bytes (ASA: 32 when longer than 16); every fourth
 * byte of the digest dropped; hash64. Longer passwords than the device takes (PIX 16, ASA 32 bytes) are
 * not refused in verify: passlib spoils the digest so they never match.
 */
const ciscoChecksum = (password: Uint8Array, user: string, asa: boolean): string => {
  const limit = asa ? 32 : 16;
  let secret = password;
  if (user !== '' && (!asa || secret.length < 28)) secret = Buffer.concat([secret, repeatTo(utf8(user), 4)]);
  secret = rightPad(secret, asa && secret.length > 16 ? 32 : 16);
  if (password.length > limit) secret = Buffer.concat([secret, password, SPOILER]);
  const digest = createHash('md5').update(secret).digest();
  return encodeHash64(digest.filter((_, i) => (i + 1) % 4 !== 0));
};

const ciscoScheme = (name: SchemeName, asa: boolean): PasswordHashScheme => ({
  name,
  identify: (hash) => PIX_PATTERN.test(hash),
  prepare: (hash, context) => {
    if (!PIX_PATTERN.test(hash)) throw new MalformedHashError(name, 'expected 16 characters of ./0-9A-Za-z');
    // The user is optional: none (or "") is how the enable password is hashed.
    const user = context.user ?? '';
    return {
      needsUpdate: false,
      verify: async (password) => constantTimeEqual(ciscoChecksum(utf8(password), user, asa), hash),
    };
  },
});

/** Cisco PIX firewall password hash (optionally salted with the user name). */
const ciscoPix = ciscoScheme('cisco_pix', false);

/** Cisco ASA 7.0+ password hash: PIX's, but up to 32 bytes of password. */
const ciscoAsa = ciscoScheme('cisco_asa', true);

/** Cisco IOS "type 7": a reversible XOR with this fixed key, starting at the offset the first two digits give. */
const TYPE7_KEY = new TextEncoder().encode('dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87');
const TYPE7_MAX_OFFSET = 52;

interface ParsedType7 {
  readonly offset: number;
  /** Upper-case hex, any length: passlib checks only the alphabet, so odd lengths parse and never match. */
  readonly checksum: string;
}

const parseType7 = (hash: string): ParsedType7 | string => {
  const chars = Array.from(hash);
  if (chars.length < 2) return 'expected two offset digits and hex';
  // Python's int() of the first two characters: " 7", "7 ", "+7", "-0" and other scripts' digits parse too.
  const offset = parsePythonInt(chars.slice(0, 2).join(''));
  if (offset === undefined) return 'the first two characters must be a number';
  if (offset < 0 || offset > TYPE7_MAX_OFFSET) return `the offset must be 0 to ${TYPE7_MAX_OFFSET}`;
  const checksum = chars.slice(2).join('').toUpperCase();
  if (!/^[0-9A-F]*$/.test(checksum)) return 'expected hexadecimal digits after the offset';
  return { offset, checksum };
};

const type7Encode = (password: Uint8Array, offset: number): string =>
  Buffer.from(password.map((byte, i) => byte ^ (TYPE7_KEY[(offset + i) % TYPE7_KEY.length] ?? 0)))
    .toString('hex')
    .toUpperCase();

const ciscoType7: PasswordHashScheme = {
  name: 'cisco_type7',
  identify: (hash) => typeof parseType7(hash) !== 'string',
  prepare: (hash) => {
    const parsed = parseType7(hash);
    if (typeof parsed === 'string') throw new MalformedHashError('cisco_type7', parsed);
    return {
      needsUpdate: false,
      verify: async (password) => constantTimeEqual(type7Encode(utf8(password), parsed.offset), parsed.checksum),
    };
  },
};

export { ciscoAsa, ciscoPix, ciscoType7 };
