/**
 * The settings Django 5.2's hashers ship with (`django.contrib.auth.hashers`). The django_* schemes report
 * `needsUpdate` as the hash's own hasher would in `must_update`: a cost that differs from these (higher
 * too: Django rehashes to its current setting), or a salt of under 128 bits.
 */
const DJANGO_HASHER_DEFAULTS = Object.freeze({
  pbkdf2Iterations: 1_000_000,
  bcryptRounds: 12,
  argon2: Object.freeze({ type: 'id', version: 0x13, timeCost: 2, memoryCost: 102_400, parallelism: 8, hashBytes: 32 }),
  scrypt: Object.freeze({ n: 2 ** 14, r: 8, p: 5 }),
});

/** `BasePasswordHasher.salt_entropy`, and the 62 letters and digits Django draws salts from. */
const SALT_ENTROPY_BITS = 128;
const BITS_PER_SALT_CHARACTER = Math.log2(62);

/** Django's `must_update_salt`: each salt character counts as one of 62, whatever it is. */
const isDjangoSaltTooShort = (saltLength: number): boolean => saltLength * BITS_PER_SALT_CHARACTER < SALT_ENTROPY_BITS;

export { DJANGO_HASHER_DEFAULTS, isDjangoSaltTooShort };
