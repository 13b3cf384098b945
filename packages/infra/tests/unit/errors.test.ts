import { describe, expect, it } from 'vitest';
import { InfraError } from '../../src/index.js';

describe('Class: InfraError', () => {
  it('carries its own name, the message and the original cause', () => {
    // Prepare
    const cause = new Error('socket hang up');

    // Act
    const error = new InfraError('operatorCidr must not be 0.0.0.0/0', { cause });

    // Assess
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InfraError');
    expect(error.message).toBe('operatorCidr must not be 0.0.0.0/0');
    expect(error.cause).toBe(cause);
  });
});
