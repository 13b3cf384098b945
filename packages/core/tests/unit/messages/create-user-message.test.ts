import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createUserMessage,
  identifyHash,
  type LegacyUserRow,
  type ParseUserMessageResult,
  USER_MESSAGE_SCHEMA_VERSION,
  validateUserMessage,
} from '../../../src/index.js';

/** The answer of the schema alone: what createUserMessage must always give, by whichever path. */
const schemaAnswer = (row: LegacyUserRow): ParseUserMessageResult => {
  const scheme = row.scheme ?? (typeof row.hash === 'string' ? identifyHash(row.hash) : undefined);
  if (scheme === undefined) return createUserMessage(row);
  return validateUserMessage({
    schemaVersion: USER_MESSAGE_SCHEMA_VERSION,
    email: row.email,
    hash: row.hash,
    scheme,
    profile: row.profile ?? {},
    source: { id: row.sourceId, version: row.sourceVersion },
  });
};

// passlib 1.7.4 hashes of several schemes, so forced and identified schemes both match and mismatch.
const HASHES = [
  '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S',
  '$1$mcbjiQPc$yg9C0yUW37Z/KL4IZjsh3/',
  '$pbkdf2-sha256$1000$P8d4jzHmfM9Zi/Fe652Tcg$2E63/iA85J5eu1CU6471WZFo1ZuvdID3U27VQJhFVmU',
  '{SSHA}9ASkauur0LU9k04v6ZfLXU7s/gotRSjF',
];

/** Addresses of the common shape, which zod's email pattern accepts (fc.emailAddress allows far more). */
const validEmails = fc.stringMatching(
  /^([a-z0-9_'+-]{1,8}\.)?[a-z0-9_'+-]{0,8}[a-z0-9_+-]@[a-z0-9]{1,10}\.[a-z]{2,6}$/,
);

const jsonSafeProfiles = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });

/**
 * Mostly a valid value, sometimes a broken one: most rows then break at most one rule, so each rule is
 * exercised on rows that would otherwise pass.
 */
const mostly = <T>(valid: fc.Arbitrary<T>, ...broken: fc.Arbitrary<unknown>[]): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: valid, weight: 3 * broken.length }, ...broken) as fc.Arbitrary<T>;

/** Legacy rows as tables hold them: padded and mixed-case emails, odd hashes, profiles, ids and versions. */
const rows = fc.record({
  email: mostly(
    validEmails.map((email) => `  ${email.toUpperCase()}\t`),
    fc.emailAddress(),
    fc.string({ maxLength: 40 }),
    fc.constantFrom('', ' ', 'a@b', 'a@b.c', 'a..b@example.com', `${'a'.repeat(308)}@example.com`),
    validEmails.map((email) => `${'x'.repeat(321 - email.length)}${email}`),
    fc.constantFrom(null, 42, undefined),
  ),
  hash: mostly(
    fc.constantFrom(...HASHES),
    fc.string({ maxLength: 20 }),
    fc.constant(''),
    fc.constant(`$2b$04$${'a'.repeat(1100)}`),
  ),
  profile: mostly(
    jsonSafeProfiles,
    fc.constantFrom(undefined, null),
    fc.jsonValue({ maxDepth: 2 }),
    fc.integer({ min: 4070, max: 4120 }).map((size) => ({ bio: 'é'.repeat(Math.floor((size - 10) / 2)) })),
    fc.constantFrom({ a: Number.NaN }, { a: undefined }, { a: new Date(0) }, { a: [1, () => 2] }, new Map(), []),
  ),
  sourceId: mostly(
    fc.string({ minLength: 1, maxLength: 12 }),
    fc.constantFrom('', 'x'.repeat(256), 'x'.repeat(257), 'x'.repeat(300)),
    fc.constantFrom(7, null),
  ),
  sourceVersion: mostly(
    fc.maxSafeNat(),
    fc.integer({ min: -5, max: -1 }),
    fc.double(),
    fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, -0, Number.NaN, Number.POSITIVE_INFINITY),
  ),
  scheme: mostly(fc.constant(undefined), fc.constantFrom('bcrypt', 'md5_crypt', 'plaintext', 'no_such_scheme')),
  // Deliberately outside the type at times: rows come from databases and from JavaScript callers.
}) as unknown as fc.Arbitrary<LegacyUserRow>;

describe('Function: createUserMessage, held to the schema', () => {
  it('gives exactly the answer of userMessageSchema for any row, valid or not, on either of its paths', () => {
    fc.assert(
      fc.property(rows, (row) => {
        expect(createUserMessage(row)).toEqual(schemaAnswer(row));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the same answer for rows that pass every rule (the direct path), with the email normalised', () => {
    fc.assert(
      fc.property(
        fc.record({
          email: validEmails.map((email) => ` ${email.toUpperCase()} `),
          hash: fc.constantFrom(...HASHES),
          profile: jsonSafeProfiles,
          sourceId: fc.string({ minLength: 1, maxLength: 20 }),
          sourceVersion: fc.maxSafeNat(),
        }),
        (row) => {
          const answer = createUserMessage(row);
          expect(answer).toEqual(schemaAnswer(row));
          expect(answer.ok).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
