import { describe, expect, it } from 'vitest';
import {
  createUserMessage,
  normalizeEmail,
  parseUserMessage,
  USER_MESSAGE_SCHEMA_VERSION,
} from '../../../src/index.js';

/** passlib 1.7.4: bcrypt.using(rounds=4).hash("correct horse") */
const BCRYPT = '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S';

const validMessage = {
  schemaVersion: USER_MESSAGE_SCHEMA_VERSION,
  email: 'ada@example.com',
  hash: BCRYPT,
  scheme: 'bcrypt',
  profile: { given_name: 'Ada' },
  source: { id: '42', version: 1_700_000_000_000_000 },
};

describe('Function: normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Ada.Lovelace@Example.COM \n')).toBe('ada.lovelace@example.com');
  });
});

/** An object nested `depth` levels deep: `{ a: { a: … { a: 'end' } } }`. */
const nested = (depth: number): Record<string, unknown> => {
  let value: Record<string, unknown> = { a: 'end' };
  for (let level = 1; level < depth; level += 1) value = { a: value };
  return value;
};

describe('Function: createUserMessage', () => {
  it('identifies the scheme, normalises the email and defaults the profile', () => {
    // Act
    const result = createUserMessage({
      email: ' Ada@Example.com',
      hash: BCRYPT,
      sourceId: '42',
      sourceVersion: 7,
      profile: null,
    });

    // Assess
    expect(result).toEqual({
      ok: true,
      message: {
        schemaVersion: 1,
        email: 'ada@example.com',
        hash: BCRYPT,
        scheme: 'bcrypt',
        profile: {},
        source: { id: '42', version: 7 },
      },
    });
  });

  it.each([
    [{ email: 'not-an-email' }, /email: email is not a valid address/],
    [{ email: '' }, /email/],
    [{ hash: '' }, /hash: empty/],
    [{ hash: 'garbage that is no hash' }, /hash: no allowed scheme recognises the hash/],
    [{ profile: { bio: 'x'.repeat(5000) } }, /profile: profile is larger than 4096 bytes/],
    [{ profile: { age: Number.NaN } }, /profile: profile holds a value JSON cannot carry/],
    [{ profile: { score: Number.POSITIVE_INFINITY } }, /profile: profile holds a value JSON cannot carry/],
    [{ profile: { nickname: undefined } }, /profile: profile holds a value JSON cannot carry/],
    [{ profile: { joined: new Date(0) } }, /profile: profile holds a value JSON cannot carry/],
    [{ profile: { big: 10n } }, /profile: profile holds a value JSON cannot carry/],
    [{ profile: { tags: [1, () => 2] } }, /profile: profile holds a value JSON cannot carry/],
    [{ profile: { deep: nested(40) } }, /profile: profile holds a value JSON cannot carry .* nested deeper than 32/],
    [
      { profile: ['not', 'an', 'object'] as unknown as Record<string, unknown> },
      /profile: profile is not a JSON object/,
    ],
    [{ profile: new Map() as unknown as Record<string, unknown> }, /profile: profile is not a JSON object/],
    [{ sourceId: '' }, /source.id: source id is empty/],
    [{ sourceVersion: -1 }, /source.version/],
  ])('rejects a row with %o, saying why, without the hash', (change, reason) => {
    // Act
    const result = createUserMessage({
      email: 'ada@example.com',
      hash: BCRYPT,
      sourceId: '42',
      sourceVersion: 1,
      ...change,
    });

    // Assess
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.detail).toMatch(reason);
    expect(result.detail).not.toContain(BCRYPT);
  });

  it.each([
    ['exactly at the cap', 4096, true],
    ['one byte over the cap', 4097, false],
  ])('measures a large profile exactly: %s', (_case, size, accepted) => {
    // Prepare: {"bio":"…"} is 10 bytes of JSON around the text.
    const profile = { bio: 'x'.repeat(size - 10) };
    expect(Buffer.byteLength(JSON.stringify(profile))).toBe(size);

    // Act
    const result = createUserMessage({ email: 'a@b.co', hash: BCRYPT, sourceId: '1', sourceVersion: 1, profile });

    // Assess
    expect(result.ok).toBe(accepted);
  });

  it('accepts any JSON value in the profile: nested objects, arrays, null, finite numbers', () => {
    // Prepare
    const profile = {
      given_name: 'Ada',
      tags: ['a', 1, true, null],
      address: { city: 'London', zip: null },
      deep: nested(20),
    };

    // Act
    const result = createUserMessage({ email: 'a@b.co', hash: BCRYPT, sourceId: '1', sourceVersion: 1, profile });

    // Assess
    expect(result).toMatchObject({ ok: true, message: { profile } });
  });

  it('honours a forced scheme only when the hash has its format', () => {
    expect(
      createUserMessage({ email: 'a@b.co', hash: BCRYPT, sourceId: '1', sourceVersion: 1, scheme: 'phpass' }),
    ).toMatchObject({
      ok: false,
      detail: 'hash: hash is not in the format of the named scheme',
    });
  });
});

describe('Function: parseUserMessage', () => {
  it('reads a valid message from bytes', () => {
    expect(parseUserMessage(Buffer.from(JSON.stringify(validMessage)))).toMatchObject({
      ok: true,
      message: { email: 'ada@example.com' },
    });
  });

  it('refuses a message of another schema version rather than guessing', () => {
    expect(parseUserMessage(JSON.stringify({ ...validMessage, schemaVersion: 2 }))).toEqual({
      ok: false,
      reason: 'unknown-schema-version',
      detail: 'schemaVersion 2 is not 1',
    });
  });

  it('refuses bad JSON, non-objects and unknown fields', () => {
    expect(parseUserMessage('{not json')).toMatchObject({ ok: false, reason: 'invalid-json' });
    expect(parseUserMessage('[1,2]')).toMatchObject({ ok: false, reason: 'schema-violation' });
    expect(parseUserMessage(JSON.stringify({ ...validMessage, password: 'x' }))).toMatchObject({
      ok: false,
      reason: 'schema-violation',
    });
  });

  it('never echoes the hash in a rejection', () => {
    // Prepare: a hash of the wrong scheme, so the hash field itself is what fails.
    const result = parseUserMessage(JSON.stringify({ ...validMessage, scheme: 'sha512_crypt' }));

    // Assess
    expect(result).toMatchObject({ ok: false, reason: 'schema-violation' });
    expect(JSON.stringify(result)).not.toContain(BCRYPT.slice(7));
  });
});
