import { describe, expect, it } from 'vitest';
import { LocalStackError, MissingPrerequisiteError, ServiceStartError } from '../../src/index.js';

describe('Class: LocalStackError', () => {
  it.each([
    [LocalStackError, 'ERR_LOCAL_STACK'],
    [MissingPrerequisiteError, 'ERR_MISSING_PREREQUISITE'],
    [ServiceStartError, 'ERR_SERVICE_START'],
  ])('%o has the stable code %s, its name, and is a LocalStackError', (ErrorClass, code) => {
    const cause = new Error('port in use');
    const error = new ErrorClass('kafka did not start', { cause });
    expect(error.code).toBe(code);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.cause).toBe(cause);
    expect(error).toBeInstanceOf(LocalStackError);
  });
});
