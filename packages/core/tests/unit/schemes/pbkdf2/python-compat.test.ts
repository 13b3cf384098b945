import { describe, expect, it } from 'vitest';
import { a2bBase64, decodePasslibAb64, decodePythonB64 } from '../../../../src/schemes/pbkdf2/python-base64.js';
import { parsePythonInt } from '../../../../src/schemes/pbkdf2/python-int.js';
import { saslprep } from '../../../../src/schemes/pbkdf2/saslprep.js';

/** Expected values are what CPython 3.11 and passlib 1.7.4 return for the same input (undefined: they raise). */
describe('Helper: Python-compatible parsing for the PBKDF2 schemes', () => {
  it.each([
    ['1000', 10, 1000],
    [' +1_000\n', 10, 1000],
    ['\u3000١٠٠٠', 10, 1000],
    ['０x1F', 16, 31],
    ['-7', 10, -7],
    ['3E8', 16, 1000],
    ['+0x_3e8', 16, 1000],
    ['0x', 16, undefined],
    ['1__0', 10, undefined],
    ['_1', 10, undefined],
    ['1_', 10, undefined],
    ['1 0', 10, undefined],
    ['\x1c5', 10, undefined],
    ['5\0', 10, undefined],
    ['', 10, undefined],
    ['1e3', 10, undefined],
  ] as const)('parsePythonInt(%j, %i) is %s, as int() gives', (text, base, expected) => {
    // Act & Assess
    expect(parsePythonInt(text, base)).toBe(expected);
  });

  it('refuses more than 4300 decimal digits, as CPython does even when the value is small', () => {
    // Act & Assess
    expect(parsePythonInt(`+${'0'.repeat(4300)}1`, 10)).toBeUndefined();
    expect(parsePythonInt(`+${'0'.repeat(4299)}1`, 10)).toBe(1);
  });

  it.each([
    ['QUJD', '414243'],
    ['QU!JD', '414243'],
    ['QUI=', '4142'],
    ['QUI=garbage', '4142'],
    ['QQ==', '41'],
    ['Q=Q==', '41'],
    ['QUJ', undefined],
    ['Q', undefined],
    ['QUI', undefined],
    ['QUJDé', undefined],
    ['', ''],
  ])('a2bBase64(%j) decodes as binascii.a2b_base64 does', (text, expected) => {
    // Act & Assess
    expect(a2bBase64(text)?.toString('hex')).toBe(expected);
  });

  it.each([
    ['OB.dtnSEXZK8U5cgxU/GYQ', '381f9db674845d92bc539720c54fc661'],
    ['OB+dtnSEXZK8U5cgxU/GYQ', '381f9db674845d92bc539720c54fc661'],
    ['OB.dtnSEXZK8U5cgxU/G', '381f9db674845d92bc539720c54fc6'],
    ['OB.dtnSEXZK8U5cgxU/GY', undefined],
    ['OB.dtnSEXZK8U5cgxU/GYQ\n', undefined],
  ])('decodePasslibAb64(%j) decodes as ab64_decode does', (text, expected) => {
    // Act & Assess
    expect(decodePasslibAb64(text)?.toString('hex')).toBe(expected);
  });

  it('decodePythonB64 maps the alternative characters and keeps the standard ones', () => {
    // Act & Assess
    expect(decodePythonB64('-_-_', '-_')?.toString('hex')).toBe('fbffbf');
    expect(decodePythonB64('+/+/', '-_')?.toString('hex')).toBe('fbffbf');
  });

  it.each([
    ['IX \u00e0', 'IX \u00e0'],
    ['I\u00adX', 'IX'],
    ['\u2168', 'IX'],
    ['a\u3000b', 'a b'],
    ['o\u0301', '\u00f3'],
    ['\u{1f101}', '0,'],
    ['\u05d01\u05d0', '\u05d01\u05d0'],
    ['\u00ad', ''],
    ['\u05d01', undefined],
    ['a\u05d0', undefined],
    ['\0', undefined],
    ['\u{e000}', undefined],
    ['\u{1f600}', undefined],
    ['\u{1ccd6}', undefined],
  ])('saslprep(%j) is %j, as passlib.utils.saslprep gives', (text, expected) => {
    // Act & Assess
    expect(saslprep(text)).toBe(expected);
  });
});
