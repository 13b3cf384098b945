import { describe, expect, it } from 'vitest';
import { HandlerError } from '../../src/index.js';

describe('Class: HandlerError', () => {
  it('carries its own name, the message and the original cause', () => {
    // Prepare
    const cause = new Error('socket hang up');

    // Act
    const error = new HandlerError('the event is not a Cognito trigger event', { cause });

    // Assess
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('HandlerError');
    expect(error.message).toBe('the event is not a Cognito trigger event');
    expect(error.cause).toBe(cause);
  });
});
