import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CognitoImportParameters, MalformedHashError, readCognitoImportHash } from '../../../src/index.js';
import { formatCognitoImportHash } from '../../../src/native-import/cognito-hash-format.js';

const bytes = (length: number, fill = 0xab): Buffer => Buffer.alloc(length, fill);
const b64 = (buffer: Buffer): string => buffer.toString('base64').replace(/=+$/, '');

/** One valid string per algorithm, written out by hand: these are the forms chosen. */
const SAMPLES = {
  BCRYPT: '$2b$12$GhvMmNVjRW29ulnudl.LbuAnUtN/LRfe1JsBm1Xu6LE3059z5Tr8m',
  SCRYPT: `$scrypt$ln=16,r=8,p=1$${'ab'.repeat(16)}$${'cd'.repeat(32)}`,
  ARGON2ID: `$argon2id$v=19$m=19456,t=2,p=1$${b64(bytes(16))}$${b64(bytes(32, 0xcd))}`,
  PBKDF2_SHA256: `$pbkdf2-sha256$600000$${b64(bytes(16))}$${b64(bytes(32, 0xcd))}`,
} as const;

const expectMalformed = (read: () => unknown, reason: RegExp): void => {
  expect(read).toThrow(MalformedHashError);
  expect(read).toThrow(reason);
};

describe('Function: readCognitoImportHash', () => {
  it('reads each algorithm form into its parameters', () => {
    expect(readCognitoImportHash('SCRYPT', SAMPLES.SCRYPT)).toEqual({
      algorithm: 'SCRYPT',
      n: 65_536,
      r: 8,
      p: 1,
      salt: bytes(16),
      hash: bytes(32, 0xcd),
    });
    expect(readCognitoImportHash('ARGON2ID', SAMPLES.ARGON2ID)).toEqual({
      algorithm: 'ARGON2ID',
      version: 19,
      memoryKiB: 19_456,
      timeCost: 2,
      parallelism: 1,
      salt: bytes(16),
      hash: bytes(32, 0xcd),
    });
    expect(readCognitoImportHash('PBKDF2_SHA256', SAMPLES.PBKDF2_SHA256)).toEqual({
      algorithm: 'PBKDF2_SHA256',
      iterations: 600_000,
      salt: bytes(16),
      hash: bytes(32, 0xcd),
    });
    expect(readCognitoImportHash('BCRYPT', SAMPLES.BCRYPT)).toMatchObject({
      algorithm: 'BCRYPT',
      ident: '2b',
      cost: 12,
    });
  });

  it('throws when the string is of another algorithm or form', () => {
    expectMalformed(
      () => readCognitoImportHash('SCRYPT', SAMPLES.PBKDF2_SHA256),
      /Cognito SCRYPT hash: expected \$scrypt\$/,
    );
    expectMalformed(() => readCognitoImportHash('BCRYPT', SAMPLES.BCRYPT.replace('$2b$', '$2x$')), /expected/);
    // passlib's own forms are not Cognito's: base64 scrypt, adapted-base64 (`.`) pbkdf2.
    expectMalformed(
      () => readCognitoImportHash('SCRYPT', `$scrypt$ln=16,r=8,p=1$${b64(bytes(16))}$${b64(bytes(32))}`),
      /expected/,
    );
    expectMalformed(
      () =>
        readCognitoImportHash(
          'PBKDF2_SHA256',
          `$pbkdf2-sha256$1000$${b64(bytes(16, 0xfb)).replaceAll('+', '.')}$${b64(bytes(32))}`,
        ),
      /expected/,
    );
    expectMalformed(
      () => readCognitoImportHash('ARGON2ID', SAMPLES.ARGON2ID.replace('argon2id', 'argon2i')),
      /expected/,
    );
    expectMalformed(() => readCognitoImportHash('ARGON2ID', SAMPLES.ARGON2ID.replace('$v=19', '')), /expected/);
  });

  it('throws when a parameter is outside COGNITO_IMPORT_BOUNDS', () => {
    expectMalformed(
      () => readCognitoImportHash('BCRYPT', SAMPLES.BCRYPT.replace('$12$', '$13$')),
      /outside Cognito's bounds: bcrypt cost 13/,
    );
    expectMalformed(() => readCognitoImportHash('SCRYPT', SAMPLES.SCRYPT.replace('ln=16', 'ln=17')), /N=131072/);
    expectMalformed(() => readCognitoImportHash('SCRYPT', SAMPLES.SCRYPT.replace('p=1', 'p=2')), /p=2/);
    expectMalformed(() => readCognitoImportHash('ARGON2ID', SAMPLES.ARGON2ID.replace('m=19456', 'm=19457')), /m=19457/);
    expectMalformed(() => readCognitoImportHash('ARGON2ID', SAMPLES.ARGON2ID.replace('t=2', 't=3')), /t=3/);
    expectMalformed(
      () => readCognitoImportHash('PBKDF2_SHA256', SAMPLES.PBKDF2_SHA256.replace('600000', '600001')),
      /600001/,
    );
    expectMalformed(
      () => readCognitoImportHash('PBKDF2_SHA256', `$pbkdf2-sha256$1000$${b64(bytes(7))}$${b64(bytes(32))}`),
      /salt of 7 bytes/,
    );
    expectMalformed(
      () => readCognitoImportHash('PBKDF2_SHA256', `$pbkdf2-sha256$1000$${b64(bytes(16))}$${b64(bytes(64))}`),
      /key of 64 bytes/,
    );
  });

  it('throws when the algorithm itself cannot run with the parameters', () => {
    expectMalformed(
      () => readCognitoImportHash('SCRYPT', SAMPLES.SCRYPT.replace('ln=16', 'ln=0')),
      /N must be 2 or more/,
    );
    expectMalformed(
      () => readCognitoImportHash('ARGON2ID', SAMPLES.ARGON2ID.replace('m=19456', 'm=7')),
      /m at least 8p/,
    );
    expectMalformed(
      () => readCognitoImportHash('PBKDF2_SHA256', SAMPLES.PBKDF2_SHA256.replace('600000', '0')),
      /1 or more/,
    );
  });

  it('throws for a string that is not written canonically (zero padding, uppercase hex, padding bits, `=`)', () => {
    expectMalformed(() => readCognitoImportHash('SCRYPT', SAMPLES.SCRYPT.replace('ln=16', 'ln=016')), /expected/);
    expectMalformed(() => readCognitoImportHash('SCRYPT', SAMPLES.SCRYPT.replace('r=8', 'r=08')), /canonical/);
    expectMalformed(() => readCognitoImportHash('SCRYPT', SAMPLES.SCRYPT.toUpperCase()), /expected/);
    expectMalformed(
      () => readCognitoImportHash('PBKDF2_SHA256', SAMPLES.PBKDF2_SHA256.replace('600000', '0600000')),
      /canonical/,
    );
    expectMalformed(() => readCognitoImportHash('PBKDF2_SHA256', `${SAMPLES.PBKDF2_SHA256}=`), /expected/);
    // The 31st bcrypt character carries 2 unused bits: `m` (40) has them clear, `n` (41) not.
    expectMalformed(() => readCognitoImportHash('BCRYPT', `${SAMPLES.BCRYPT.slice(0, -1)}n`), /canonical/);
  });

  it('never puts the hash in its message', () => {
    expect(() => readCognitoImportHash('ARGON2ID', `${SAMPLES.ARGON2ID}$extra`)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(SAMPLES.ARGON2ID.slice(31)) }),
    );
  });

  it('is the inverse of the formatting: any parameters within bounds read back as themselves', () => {
    const salt = fc.uint8Array({ minLength: 8, maxLength: 64 }).map((array) => Buffer.from(array));
    const key = (min: number, max: number) =>
      fc.uint8Array({ minLength: min, maxLength: max }).map((a) => Buffer.from(a));
    const parameters: fc.Arbitrary<CognitoImportParameters> = fc.oneof(
      fc.record({
        algorithm: fc.constant('BCRYPT' as const),
        ident: fc.constantFrom('2a' as const, '2b' as const, '2y' as const),
        cost: fc.integer({ min: 4, max: 12 }),
        salt: key(16, 16),
        hash: key(23, 23),
      }),
      fc.record({
        algorithm: fc.constant('SCRYPT' as const),
        n: fc.integer({ min: 1, max: 16 }).map((ln) => 2 ** ln),
        r: fc.integer({ min: 1, max: 8 }),
        p: fc.constant(1),
        salt,
        hash: key(32, 32),
      }),
      fc.record({
        algorithm: fc.constant('ARGON2ID' as const),
        version: fc.constant(19 as const),
        memoryKiB: fc.integer({ min: 8, max: 19_456 }),
        timeCost: fc.integer({ min: 1, max: 2 }),
        parallelism: fc.constant(1),
        salt,
        hash: key(16, 64),
      }),
      fc.record({
        algorithm: fc.constant('PBKDF2_SHA256' as const),
        iterations: fc.integer({ min: 1, max: 600_000 }),
        salt,
        hash: key(32, 32),
      }),
    );
    fc.assert(
      fc.property(parameters, (given) => {
        expect(readCognitoImportHash(given.algorithm, formatCognitoImportHash(given))).toEqual(given);
      }),
      { numRuns: 500 },
    );
  });
});
