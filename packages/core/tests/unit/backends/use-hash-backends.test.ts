import { readFileSync } from 'node:fs';
import { PASSLIB_VECTORS_FILE } from '@hashbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { activeHashBackends } from '../../../src/backends/use-hash-backends.js';
import { type HashBackendChoice, HashBackendError, useHashBackends, verifyPassword } from '../../../src/index.js';

const nativeBcrypt = await import('@node-rs/bcrypt');
const nativeArgon2 = await import('@node-rs/argon2');

/** Every bcrypt and argon2 vector of the fixture (passlib's own hashes, right and wrong passwords). */
const VECTORS = (
  JSON.parse(readFileSync(PASSLIB_VECTORS_FILE, 'utf8')) as {
    vectors: { scheme: string; hash: string; password: string }[];
  }
).vectors.filter((vector) => vector.scheme === 'bcrypt' || vector.scheme === 'argon2');

const activeNames = () => {
  const { bcrypt, argon2 } = activeHashBackends();
  return { bcrypt: bcrypt.name, argon2: argon2.name };
};

/** Each vector's answer (or the name of the error) with the backends in use now. */
const answers = () =>
  Promise.all(
    VECTORS.map(({ password, hash }) =>
      verifyPassword(password, hash).then(
        ({ ok }) => ok,
        (error: Error) => error.name,
      ),
    ),
  );

describe('Function: useHashBackends', () => {
  afterEach(() => {
    useHashBackends('wasm');
  });

  it('leaves the portable backends in use when it is never called', () => {
    expect(activeNames()).toEqual({ bcrypt: 'hash-wasm', argon2: 'hash-wasm' });
  });

  it('uses the native modules it is given, and says so', () => {
    // Act
    const chosen = useHashBackends({ bcrypt: nativeBcrypt, argon2: nativeArgon2 });

    // Assess
    expect(chosen).toEqual({ bcrypt: '@node-rs/bcrypt', argon2: '@node-rs/argon2' });
    expect(activeNames()).toEqual(chosen);
  });

  it('keeps a family it is given no module for portable', () => {
    expect(useHashBackends({ bcrypt: nativeBcrypt })).toEqual({ bcrypt: '@node-rs/bcrypt', argon2: 'hash-wasm' });
    expect(useHashBackends({ argon2: undefined })).toEqual({ bcrypt: 'hash-wasm', argon2: 'hash-wasm' });
  });

  it("switches back to the portable backends with 'wasm'", () => {
    // Prepare
    useHashBackends({ bcrypt: nativeBcrypt, argon2: nativeArgon2 });

    // Act / Assess
    expect(useHashBackends('wasm')).toEqual({ bcrypt: 'hash-wasm', argon2: 'hash-wasm' });
  });

  it('gives the same answer to every bcrypt and argon2 vector, native or portable', async () => {
    // Prepare
    expect(VECTORS.length).toBeGreaterThan(10);
    const portable = await answers();

    // Act
    useHashBackends({ bcrypt: nativeBcrypt, argon2: nativeArgon2 });
    const native = await answers();

    // Assess
    expect(native).toEqual(portable);
    expect(portable).toContain(true);
    expect(portable).toContain(false);
  });

  it.each([
    ['an unknown family', { bcrpyt: nativeBcrypt }],
    ['a module without the function its backend calls', { argon2: nativeBcrypt }],
    ['something other than wasm or an object', 'native'],
    ['null', null],
  ])('throws HashBackendError for %s, and keeps the backends in use', (_what, choice) => {
    // Prepare
    useHashBackends({ bcrypt: nativeBcrypt });

    // Act / Assess
    expect(() => useHashBackends(choice as unknown as HashBackendChoice)).toThrow(HashBackendError);
    expect(activeNames()).toEqual({ bcrypt: '@node-rs/bcrypt', argon2: 'hash-wasm' });
  });
});
