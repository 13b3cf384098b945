import { describe, expect, it } from 'vitest';
import { AdapterError, PublishError, SourceReadError } from '../../src/index.js';

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

  it.each([
    [AdapterError, 'ERR_ADAPTER'],
    [SourceReadError, 'ERR_SOURCE_READ'],
    [PublishError, 'ERR_PUBLISH'],
  ])('%o has the stable code %s, and every one is an AdapterError', (ErrorClass, code) => {
    const error = new ErrorClass('message');
    expect(error.code).toBe(code);
    expect(error).toBeInstanceOf(AdapterError);
  });
});
