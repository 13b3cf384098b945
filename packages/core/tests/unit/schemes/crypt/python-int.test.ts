import { describe, expect, it } from 'vitest';
import { parsePythonInt } from '../../../../src/schemes/crypt/python-int.js';

describe("Function: parsePythonInt (Python's int() on a rounds field)", () => {
  it.each([
    ['5000', 5000],
    [' 5000', 5000],
    ['5000\n', 5000],
    ['\t+5000 ', 5000],
    ['-12', -12],
    ['5_000', 5000],
    ['05000', 5000],
    ['٥٠٠٠', 5000],
    ['５０００', 5000],
    ['\u30005000\u2003', 5000],
  ])('reads %j as %d, as Python does', (text, value) => {
    // Act & Assess
    expect(parsePythonInt(text)).toBe(value);
  });

  it.each(['', ' ', '5__000', '_5000', '5000_', '+ 5000', '1e3', '0x10', '5.0', '\x1c5000', '²', '5000$'])(
    'refuses %j, where Python raises ValueError',
    (text) => {
      // Act & Assess
      expect(parsePythonInt(text)).toBeUndefined();
    },
  );
});
