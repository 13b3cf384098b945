import { describe, expect, it } from 'vitest';
import {
  type Argon2Backend,
  type Argon2Parameters,
  nativeArgon2Backend,
  wasmArgon2Backend,
} from '../../../src/backends/argon2.js';

const native = nativeArgon2Backend(await import('@node-rs/argon2'));
const BACKENDS: readonly Argon2Backend[] = [native, wasmArgon2Backend];

const SOMESALT = Buffer.from('somesalt');
const SALT16 = Buffer.from('saltsaltsaltsalt');

interface RawVector {
  readonly password: string;
  readonly parameters: Argon2Parameters;
  readonly hex: string;
}

const vector = (
  password: string,
  parameters: Omit<Argon2Parameters, 'outputLength'> & { outputLength?: number },
  hex: string,
): RawVector => ({ password, parameters: { outputLength: hex.length / 2, ...parameters }, hex });

/**
 * libargon2's reference vectors (src/test.c, as copied into passlib's tests) and outputs of argon2-cffi's
 * `hash_secret_raw` made here: both versions, all three types, odd memory sizes, empty passwords.
 */
const VECTORS: readonly RawVector[] = [
  vector(
    'password',
    { type: 'i', version: 0x10, memoryCost: 256, timeCost: 2, parallelism: 1, salt: SOMESALT },
    'fd4dd83d762c49bdeaf57c47bdcd0c2f1babf863fdeb490df63ede9975fccf06',
  ),
  vector(
    'password',
    { type: 'i', version: 0x10, memoryCost: 256, timeCost: 2, parallelism: 2, salt: SOMESALT },
    'b6c11560a6a9d61eac706b79a2f97d68b4463aa3ad87e00c07e2b01e90c564fb',
  ),
  vector(
    'password',
    { type: 'i', version: 0x13, memoryCost: 256, timeCost: 2, parallelism: 1, salt: SOMESALT },
    '89e9029f4637b295beb027056a7336c414fadd43f6b208645281cb214a56452f',
  ),
  vector(
    'password',
    { type: 'id', version: 0x13, memoryCost: 256, timeCost: 2, parallelism: 2, salt: SOMESALT },
    '6d093c501fd5999645e0ea3bf620d7b8be7fd2db59c20d9fff9539da2bf57037',
  ),
  vector(
    'password',
    { type: 'id', version: 0x13, memoryCost: 65_536, timeCost: 1, parallelism: 1, salt: SOMESALT },
    'f6a5adc1ba723dddef9b5ac1d464e180fcd9dffc9d1cbf76cca2fed795d9ca98',
  ),
  // argon2-cffi 25.1 hash_secret_raw.
  vector(
    '',
    { type: 'id', version: 0x13, memoryCost: 64, timeCost: 1, parallelism: 1, salt: SALT16 },
    '658b71850c5ec8d66572f93083c770264f6a37199ad9c1d23d0c7ff543914560',
  ),
  vector(
    'password',
    { type: 'id', version: 0x10, memoryCost: 64, timeCost: 1, parallelism: 1, salt: SALT16 },
    '13e1fcb4ebd38ab5f21ef73acdb784b19b84000c9882744bab9bdc0194e7a7be',
  ),
  vector(
    '',
    { type: 'id', version: 0x10, memoryCost: 64, timeCost: 1, parallelism: 1, salt: SALT16 },
    '969da59088c94d80f73d61ac528cc9e70aa62d07f5230a7d41687b0bdd9ffb2c',
  ),
  vector(
    '',
    { type: 'd', version: 0x10, memoryCost: 64, timeCost: 1, parallelism: 1, salt: SALT16 },
    'a0bdc94965c4a2b9a5b14fe585cd9f42276c976b28968ea0b4523bacfff7b8fd',
  ),
  vector(
    'pw',
    { type: 'i', version: 0x13, memoryCost: 17, timeCost: 2, parallelism: 2, salt: Buffer.from('somesaltsomesalt') },
    'c6ca442e163541597aa89ed74b768edf70b3048f5a1e799e62607c54180c5485',
  ),
  vector(
    'Zoë ☃ 密码 😀',
    { type: 'd', version: 0x13, memoryCost: 100, timeCost: 3, parallelism: 4, salt: SALT16 },
    '22feb98791f4e5f1f7ee91304e3624b9f9b09842be27ed03db36e99a474e83f3a2cdb66fc55208386449c551273464571d9f35c20c33f0f267f3988aff55d110c42a5d6b8cc9a231769be3e594c6d6ff06d7857c59b2fb9a5942ebb6cced79387efc291e',
  ),
];

describe('Argon2 backends: @node-rs/argon2 and hash-wasm give the same answers', () => {
  describe.each(BACKENDS)('$name', (backend) => {
    it.each(VECTORS)('computes $hex', async ({ password, parameters, hex }) => {
      // Act
      const digest = await backend.digest(Buffer.from(password, 'utf8'), parameters);

      // Assess
      expect(Buffer.from(digest).toString('hex')).toBe(hex);
    });
  });
});
