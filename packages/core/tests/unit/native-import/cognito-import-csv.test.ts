import { describe, expect, it } from 'vitest';
import { COGNITO_IMPORT_CSV, cognitoImportRow, importHeader } from '../../../src/index.js';

const USER = {
  email: 'ada@example.com',
  profile: { given_name: 'Ada', family_name: 'Lovelace', plan: 'gold', sub: 'not-a-sub' },
  passwordHash: '$2b$12$abcdefghijklmnopqrstuv0123456789012345678901234567890',
};

describe('Function: importHeader', () => {
  it("adds the assumed password hash column to a pool's header that has none", () => {
    const { header, passwordHashColumn } = importHeader(COGNITO_IMPORT_CSV.defaultHeader);
    expect(passwordHashColumn).toBe('password_hash');
    expect(header).toEqual([...COGNITO_IMPORT_CSV.defaultHeader, 'password_hash']);
  });

  it("keeps the pool's header as it is when it names a password column itself", () => {
    const pool = ['cognito:username', 'email', 'email_verified', 'cognito:password_hash', 'cognito:mfa_enabled'];
    expect(importHeader(pool)).toEqual({ header: pool, passwordHashColumn: 'cognito:password_hash' });
  });
});

describe('Function: cognitoImportRow', () => {
  it('fills the username, email, verification, MFA and hash columns, and the mapped profile attributes', () => {
    // Prepare
    const { header, passwordHashColumn } = importHeader(COGNITO_IMPORT_CSV.defaultHeader);

    // Act
    const row = cognitoImportRow(header, USER, { passwordHashColumn });

    // Assess
    const byColumn = Object.fromEntries(header.map((column, index) => [column, row[index]]));
    expect(row).toHaveLength(header.length);
    expect(byColumn).toMatchObject({
      'cognito:username': 'ada@example.com',
      email: 'ada@example.com',
      email_verified: 'true',
      'cognito:mfa_enabled': 'false',
      given_name: 'Ada',
      family_name: 'Lovelace',
      password_hash: USER.passwordHash,
      phone_number: '',
      phone_number_verified: '',
    });
  });

  it('writes a custom attribute only when the mapping names it and the pool has the column', () => {
    const header = ['cognito:username', 'email', 'email_verified', 'cognito:mfa_enabled', 'custom:plan', 'pw'];
    const mapped = cognitoImportRow(header, USER, { mapping: { plan: 'custom:plan' }, passwordHashColumn: 'pw' });
    const unmapped = cognitoImportRow(header, USER, { passwordHashColumn: 'pw' });
    expect(mapped[4]).toBe('gold');
    expect(unmapped[4]).toBe('');
    expect(mapped[5]).toBe(USER.passwordHash);
  });

  it('never writes a column the header lacks, such as sub', () => {
    const header = ['cognito:username', 'email'];
    expect(cognitoImportRow(header, USER)).toEqual(['ada@example.com', 'ada@example.com']);
  });
});
