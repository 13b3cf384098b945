import { describe, expect, it } from 'vitest';
import {
  HashBackendError,
  HashbridgeError,
  HashPolicyError,
  MalformedHashError,
  MissingContextError,
  PasswordValueError,
  UnknownHashError,
} from '../../src/index.js';

describe('Class: HashbridgeError', () => {
  it('carries its own name, its code, the message and the original cause', () => {
    // Prepare
    const cause = new Error('socket hang up');

    // Act
    const error = new HashbridgeError('could not read the staged user', { cause });

    // Assess
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('HashbridgeError');
    expect(error.code).toBe('ERR_HASHBRIDGE');
    expect(error.message).toBe('could not read the staged user');
    expect(error.cause).toBe(cause);
  });

  it.each([
    [new UnknownHashError('no scheme'), 'UnknownHashError', 'ERR_UNKNOWN_HASH'],
    [new MalformedHashError('bcrypt', 'bad salt'), 'MalformedHashError', 'ERR_MALFORMED_HASH'],
    [new HashPolicyError('bcrypt', 'cost 31'), 'HashPolicyError', 'ERR_HASH_POLICY'],
    [new PasswordValueError('too long'), 'PasswordValueError', 'ERR_PASSWORD_VALUE'],
    [new MissingContextError('postgres_md5', 'user'), 'MissingContextError', 'ERR_MISSING_CONTEXT'],
    [new HashBackendError('no such backend'), 'HashBackendError', 'ERR_HASH_BACKEND'],
  ])('has subclasses with a stable code of their own: %s', (error, name, code) => {
    expect(error).toBeInstanceOf(HashbridgeError);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
  });

  it('gives every subclass a different code, so callers can branch on it', () => {
    const codes = [
      new HashbridgeError('x'),
      new UnknownHashError('x'),
      new MalformedHashError('s', 'x'),
      new HashPolicyError('s', 'x'),
      new PasswordValueError('x'),
      new MissingContextError('s', 'user'),
      new HashBackendError('x'),
    ].map((error) => error.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^ERR_[A-Z0-9_]+$/);
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
