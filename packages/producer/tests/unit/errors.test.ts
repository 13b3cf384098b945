import { describe, expect, it } from 'vitest';
import { ProducerConfigError, ProducerError, RejectThresholdError } from '../../src/index.js';

describe('Class: ProducerError', () => {
  it('carries its own name, the message and the original cause', () => {
    // Prepare
    const cause = new Error('socket hang up');

    // Act
    const error = new ProducerError('the users table has no email column', { cause });

    // Assess
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ProducerError');
    expect(error.message).toBe('the users table has no email column');
    expect(error.cause).toBe(cause);
  });

  it.each([
    [ProducerError, 'ERR_PRODUCER'],
    [ProducerConfigError, 'ERR_PRODUCER_CONFIG'],
    [RejectThresholdError, 'ERR_REJECT_THRESHOLD'],
  ])('%o has the stable code %s, and every one is a ProducerError', (ErrorClass, code) => {
    const error = new ErrorClass('message');
    expect(error.code).toBe(code);
    expect(error).toBeInstanceOf(ProducerError);
  });
});
