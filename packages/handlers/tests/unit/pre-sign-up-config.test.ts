import { describe, expect, it } from 'vitest';
import { HandlerConfigError, readPreSignUpConfig } from '../../src/index.js';

describe('Function: readPreSignUpConfig', () => {
  it("reads the contract's staging table when nothing is set", () => {
    expect(readPreSignUpConfig({})).toEqual({ STAGING_TABLE: 'StandaloneUserHashes' });
  });

  it('reads the table and the local DynamoDB endpoint it is given', () => {
    expect(
      readPreSignUpConfig({ STAGING_TABLE: 'LegacyUserHashes', DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567' }),
    ).toEqual({ STAGING_TABLE: 'LegacyUserHashes', DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567' });
  });

  it('fails, naming the variable, on an empty table name or an endpoint that is not a URL', () => {
    expect(() => readPreSignUpConfig({ STAGING_TABLE: '' })).toThrow(HandlerConfigError);
    expect(() => readPreSignUpConfig({ STAGING_TABLE: '' })).toThrow(/STAGING_TABLE/);
    expect(() => readPreSignUpConfig({ DYNAMODB_ENDPOINT: 'localhost' })).toThrow(/DYNAMODB_ENDPOINT/);
  });
});
