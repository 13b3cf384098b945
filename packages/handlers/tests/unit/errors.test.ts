import { describe, expect, it } from 'vitest';
import {
  GENERIC_REFUSAL,
  HandlerConfigError,
  HandlerError,
  LoaderBatchError,
  MigrationDeadlineError,
  MigrationRefusedError,
} from '../../src/index.js';

describe('Class: HandlerError', () => {
  it('carries its own name, its code, the message and the original cause', () => {
    // Prepare
    const cause = new Error('socket hang up');

    // Act
    const error = new HandlerError('the event is not a Cognito trigger event', { cause });

    // Assess
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('HandlerError');
    expect(error.code).toBe('ERR_HANDLER');
    expect(error.message).toBe('the event is not a Cognito trigger event');
    expect(error.cause).toBe(cause);
  });

  it.each([
    [new HandlerConfigError('x'), 'HandlerConfigError', 'ERR_HANDLER_CONFIG'],
    [new LoaderBatchError('x'), 'LoaderBatchError', 'ERR_LOADER_BATCH'],
    [new MigrationRefusedError(), 'MigrationRefusedError', 'ERR_MIGRATION_REFUSED'],
    [new MigrationDeadlineError(), 'MigrationDeadlineError', 'ERR_MIGRATION_DEADLINE'],
  ])('has subclasses with a stable code of their own: %s', (error, name, code) => {
    expect(error).toBeInstanceOf(HandlerError);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(error.code).toMatch(/^ERR_[A-Z0-9_]+$/);
  });
});

describe('Class: MigrationRefusedError', () => {
  it('says only the generic refusal, with no cause, whatever the reason was', () => {
    // Act
    const error = new MigrationRefusedError();

    // Assess
    expect(error.message).toBe(GENERIC_REFUSAL);
    expect(error.message).toBe('Incorrect username or password.');
    expect(error.cause).toBeUndefined();
  });
});
