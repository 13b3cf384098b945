import { describe, expect, it } from 'vitest';
import { parseJavaMajor } from '../../src/index.js';

describe('Function: parseJavaMajor', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "25" 2025-09-16', 25],
    ['java version "1.8.0_412"', 8],
  ])('reads the major version from %s', (output, major) => {
    expect(parseJavaMajor(output)).toBe(major);
  });

  it('returns undefined for output that names no version', () => {
    expect(parseJavaMajor('bash: java: command not found')).toBeUndefined();
  });
});
