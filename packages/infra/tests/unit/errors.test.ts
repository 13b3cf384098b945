import { describe, expect, it } from 'vitest';
import { BundlingError, InfraError, PublicAccessError } from '../../src/index.js';

describe('Class: InfraError', () => {
  it('carries its own name, its code, the message and the original cause', () => {
    // Prepare
    const cause = new Error('socket hang up');

    // Act
    const error = new InfraError('operatorCidr must not be 0.0.0.0/0', { cause });

    // Assess
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InfraError');
    expect(error.code).toBe('ERR_INFRA');
    expect(error.message).toBe('operatorCidr must not be 0.0.0.0/0');
    expect(error.cause).toBe(cause);
  });
});

describe.each([
  ['BundlingError', BundlingError, 'ERR_INFRA_BUNDLING'],
  ['PublicAccessError', PublicAccessError, 'ERR_INFRA_PUBLIC_ACCESS'],
])('Class: %s', (name, ErrorClass, code) => {
  it('is an InfraError with its own name, its own code and the original cause', () => {
    // Prepare
    const cause = new Error('BadRequestException: the subnets are not public');

    // Act
    const error = new ErrorClass('it did not work', { cause });

    // Assess
    expect(error).toBeInstanceOf(InfraError);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(error.message).toBe('it did not work');
    expect(error.cause).toBe(cause);
  });
});

describe('Error codes', () => {
  it('differ from class to class, so a caller can branch on them', () => {
    // Prepare & Act
    const codes = [new InfraError('a'), new BundlingError('b'), new PublicAccessError('c')].map(({ code }) => code);

    // Assess
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^ERR_INFRA(_[A-Z]+)*$/);
  });
});
