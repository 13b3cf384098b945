import { describe, expect, it } from 'vitest';
import { InfraError, PublicAccessError } from '../../src/index.js';

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

describe('Class: PublicAccessError', () => {
  it('is an InfraError with its own name and the original cause', () => {
    // Prepare
    const cause = new Error('BadRequestException: the subnets are not public');

    // Act
    const error = new PublicAccessError('MSK refused to turn on public access', { cause });

    // Assess
    expect(error).toBeInstanceOf(InfraError);
    expect(error.name).toBe('PublicAccessError');
    expect(error.message).toBe('MSK refused to turn on public access');
    expect(error.cause).toBe(cause);
  });
});
