import { describe, expect, it } from 'vitest';
import { HashbridgeError } from '../../src/index.js';

describe('Class: HashbridgeError', () => {
  it('carries its own name, the message and the original cause', () => {
    // Prepare
    const cause = new Error('socket hang up');

    // Act
    const error = new HashbridgeError('could not read the staged user', { cause });

    // Assess
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('HashbridgeError');
    expect(error.message).toBe('could not read the staged user');
    expect(error.cause).toBe(cause);
  });
});
