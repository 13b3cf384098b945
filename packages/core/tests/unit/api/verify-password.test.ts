import { describe, expect, it } from 'vitest';
import {
  HashbridgeError,
  HashPolicyError,
  identifyHash,
  listSchemes,
  PasswordValueError,
  UnknownHashError,
  verifyPassword,
} from '../../../src/index.js';

/** passlib 1.7.4: bcrypt.using(rounds=4).hash("correct horse") */
const BCRYPT_COST_4 = '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S';

describe('Function: verifyPassword', () => {
  it('answers ok for the right password and names the scheme', async () => {
    await expect(verifyPassword('correct horse', BCRYPT_COST_4)).resolves.toEqual({
      ok: true,
      scheme: 'bcrypt',
      needsUpdate: true,
    });
  });

  it('answers ok: false, never an error, for a wrong password', async () => {
    await expect(verifyPassword('wrong horse', BCRYPT_COST_4)).resolves.toMatchObject({ ok: false });
  });

  it('throws UnknownHashError for a string no scheme recognises', async () => {
    await expect(verifyPassword('pw', 'not a hash at all')).rejects.toBeInstanceOf(UnknownHashError);
  });

  it('throws UnknownHashError when the hash scheme is outside the allow-list', async () => {
    await expect(verifyPassword('pw', BCRYPT_COST_4, { schemes: [] })).rejects.toBeInstanceOf(UnknownHashError);
    await expect(verifyPassword('pw', BCRYPT_COST_4, { scheme: 'bcrypt', schemes: ['phpass'] })).rejects.toBeInstanceOf(
      HashbridgeError,
    );
  });

  it('refuses a password over 4096 characters, counting code points as passlib does', async () => {
    // Prepare: 4096 emoji are 8192 UTF-16 units but 4096 characters.
    const longest = '😀'.repeat(4096);

    // Act / Assess
    await expect(verifyPassword(longest, BCRYPT_COST_4)).resolves.toMatchObject({ ok: false });
    await expect(verifyPassword(`${longest}x`, BCRYPT_COST_4)).rejects.toBeInstanceOf(PasswordValueError);
  });

  it('refuses a hash beyond the cost policy before any hashing', async () => {
    // Prepare: cost 31 would take days; the test would time out if it were hashed.
    const hostile = BCRYPT_COST_4.replace('$04$', '$31$');

    // Act / Assess
    await expect(verifyPassword('pw', hostile)).rejects.toBeInstanceOf(HashPolicyError);
    await expect(verifyPassword('pw', BCRYPT_COST_4, { policy: { bcryptMaxCost: 3 } })).rejects.toBeInstanceOf(
      HashPolicyError,
    );
  });

  it('keeps secrets out of error messages', async () => {
    // Act
    const error = (await verifyPassword('hunter2', '$2b$99$abc').catch((e: unknown) => e)) as Error;

    // Assess
    expect(error).toBeInstanceOf(HashbridgeError);
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('$2b$99$abc');
  });
});

describe('Function: identifyHash', () => {
  it('names the scheme, or undefined', () => {
    expect(identifyHash(BCRYPT_COST_4)).toBe('bcrypt');
    expect(identifyHash('nothing')).toBeUndefined();
    expect(identifyHash(BCRYPT_COST_4, { schemes: [] })).toBeUndefined();
  });
});

describe('Function: listSchemes', () => {
  it('lists bcrypt among the implemented schemes', () => {
    expect(listSchemes()).toContain('bcrypt');
  });
});
