import { describe, expect, it } from 'vitest';
import {
  a2bBase64,
  decodeHex,
  decodePasslibAb64,
  decodePasslibB64s,
  decodePythonB64,
} from '../../../src/python/python-base64.js';

const hexOf = (bytes: Uint8Array | undefined): string | undefined =>
  bytes === undefined ? undefined : Buffer.from(bytes).toString('hex');

/** Expected values are what CPython 3.11 and passlib 1.7.4 return for the same input (undefined: they raise). */
describe("Function: a2bBase64 (binascii.a2b_base64's lenient mode)", () => {
  it.each([
    ['QUJD', '414243'],
    ['QU!JD', '414243'],
    ['QUJD\n', '414243'],
    ['QUI=', '4142'],
    ['QUI=garbage', '4142'],
    ['QQ==', '41'],
    ['QR==', '41'],
    ['Q=Q==', '41'],
    ['=QUJD', '414243'],
    ['QU=JD', '414243'],
    ['QUJD====', '414243'],
    ['', ''],
  ])('decodes %j to %s', (text, expected) => {
    // Act & Assess
    expect(hexOf(a2bBase64(text))).toBe(expected);
  });

  it.each(['QUJ', 'Q', 'QUI', 'QUJDé'])('refuses %j', (text) => {
    // Act & Assess
    expect(a2bBase64(text)).toBeUndefined();
  });
});

describe('Function: decodePythonB64 (base64.b64decode without validate, as LDAP, FSHP, Atlassian, CTA read)', () => {
  it.each([
    ['QUJD', '414243'],
    ['QUJD==', '414243'],
    ['QUI=', '4142'],
    ['QUI==', '4142'],
    ['QQ==', '41'],
    ['QR==', '41'],
  ])('decodes %j to %s, whatever surplus "=" follows', (text, expected) => {
    // Act & Assess
    expect(hexOf(decodePythonB64(text))).toBe(expected);
  });

  it.each(['QUJDR', 'QUJDR===', 'QUI', 'QQ=', 'QU.D'])('refuses %j (binascii: incorrect padding)', (text) => {
    // Act & Assess
    expect(decodePythonB64(text)).toBeUndefined();
  });

  it('maps the alternative characters and keeps the standard ones', () => {
    // Act & Assess
    expect(hexOf(decodePythonB64('-_-_', '-_'))).toBe('fbffbf');
    expect(hexOf(decodePythonB64('+/+/', '-_'))).toBe('fbffbf');
    expect(hexOf(decodePythonB64('-_-_'))).toBe('');
  });
});

describe("Function: decodePasslibB64s and decodePasslibAb64 (passlib's b64s_decode and ab64_decode)", () => {
  it.each([
    ['m/O+F6KUUkpJSWlNSQmBUA', '9bf3be17a294524a4949694d49098150'],
    ['OB+dtnSEXZK8U5cgxU/GYQ', '381f9db674845d92bc539720c54fc661'],
    ['QUI', '4142'],
    ['QUJ', '4142'],
    ['OB.dtnSEXZK8U5cgxU/GYQ', undefined],
    ['OB.dtnSEXZK8U5cgxU/G', undefined],
    ['Q', undefined],
    ['QUJD=', undefined],
    ['QU!D', undefined],
    ['QUé', undefined],
  ])('decodePasslibB64s(%j) is %s', (text, expected) => {
    // Act & Assess
    expect(hexOf(decodePasslibB64s(text))).toBe(expected);
  });

  it.each([
    ['OB.dtnSEXZK8U5cgxU/GYQ', '381f9db674845d92bc539720c54fc661'],
    ['OB+dtnSEXZK8U5cgxU/GYQ', '381f9db674845d92bc539720c54fc661'],
    ['OB.dtnSEXZK8U5cgxU/G', '381f9db674845d92bc539720c54fc6'],
    ['OB.dtnSEXZK8U5cgxU/GY', undefined],
    ['OB.dtnSEXZK8U5cgxU/GYQ\n', undefined],
  ])('decodePasslibAb64(%j) is %s', (text, expected) => {
    // Act & Assess
    expect(hexOf(decodePasslibAb64(text))).toBe(expected);
  });
});

describe('Function: decodeHex (binascii.unhexlify)', () => {
  it.each([
    ['00ff', '00ff'],
    ['00FF', '00ff'],
    ['', ''],
    ['0', undefined],
    ['0g', undefined],
    ['é0', undefined],
  ])('decodeHex(%j) is %s', (text, expected) => {
    // Act & Assess
    expect(hexOf(decodeHex(text))).toBe(expected);
  });
});
