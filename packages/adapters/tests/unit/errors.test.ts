import { describe, expect, it } from 'vitest';
import { AdapterError } from '../../src/index.js';

describe('Class: AdapterError', () => {
  it('carries its own name, the message and the original cause', () => {
    // Prepare
    const cause = new Error('socket hang up');

    // Act
    const error = new AdapterError('DynamoDB did not answer', { cause });

    // Assess
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AdapterError');
    expect(error.message).toBe('DynamoDB did not answer');
    expect(error.cause).toBe(cause);
  });
});
