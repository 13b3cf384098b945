import { describe, expect, it } from 'vitest';
import { HashbridgeError, MalformedHashError, MissingContextError, PasswordValueError } from '../../src/index.js';

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

describe('Class: MissingContextError', () => {
  it('is a HashbridgeError of its own kind, naming the scheme and the field, never a secret', () => {
    // Act
    const error = new MissingContextError('postgres_md5', 'user');

    // Assess
    expect(error.name).toBe('MissingContextError');
    expect(error.scheme).toBe('postgres_md5');
    expect(error.field).toBe('user');
    expect(error.message).toContain('context.user');
    expect(error).not.toBeInstanceOf(MalformedHashError);
    expect(error).not.toBeInstanceOf(PasswordValueError);
  });
});
