import type { AttributeMapping } from '../migration/user-attributes.js';
import { DEFAULT_ATTRIBUTE_MAPPING, mapUserAttributes } from '../migration/user-attributes.js';

/**
 * The shape of a Cognito user import CSV. The header is the pool's (`GetCSVHeader`); `defaultHeader` is the
 * one the Cognito developer guide shows for a pool with only standard attributes, for files written without a
 * pool to ask. The password hash column is NOT CONFIRMED: no page of the guide we could read names it. When the
 * pool's header has a column with "password" in its name, that one is used; otherwise `passwordHashColumn`
 * is appended (the operator can name another).
 */
const COGNITO_IMPORT_CSV = Object.freeze({
  defaultHeader: Object.freeze([
    'cognito:username',
    'name',
    'given_name',
    'family_name',
    'middle_name',
    'nickname',
    'preferred_username',
    'profile',
    'picture',
    'website',
    'email',
    'email_verified',
    'gender',
    'birthdate',
    'zoneinfo',
    'locale',
    'phone_number',
    'phone_number_verified',
    'address',
    'updated_at',
    'cognito:mfa_enabled',
  ]),
  passwordHashColumn: 'password_hash',
  /** The guide's limit for one import file. */
  maxFileBytes: 100 * 1024 * 1024,
});

/** The user a CSV row is written for. */
interface CognitoImportUser {
  readonly email: string;
  readonly profile: Readonly<Record<string, unknown>>;
  readonly passwordHash: string;
}

interface CognitoImportRowOptions {
  readonly mapping?: AttributeMapping;
  /** The header's password hash column (see `importHeader`). */
  readonly passwordHashColumn?: string;
}

/**
 * The header to write: the pool's, with the password hash column added when the pool's has none (its name,
 * then, is our assumption; see `COGNITO_IMPORT_CSV`).
 */
const importHeader = (
  poolHeader: readonly string[],
  passwordHashColumn: string = COGNITO_IMPORT_CSV.passwordHashColumn,
): { readonly header: readonly string[]; readonly passwordHashColumn: string } => {
  const named = poolHeader.find((column) => /password/i.test(column));
  if (named !== undefined) return { header: poolHeader, passwordHashColumn: named };
  return { header: [...poolHeader, passwordHashColumn], passwordHashColumn };
};

/**
 * One row of the import CSV, in the header's order: `cognito:username` and `email` the normalised email,
 * `email_verified` true (the legacy application owned the address, as the trigger says too),
 * `cognito:mfa_enabled` false, the profile's attributes as the trigger maps them, the hash in its column and
 * every other column empty. Columns the pool's header lacks are left out, as Cognito requires.
 */
const cognitoImportRow = (
  header: readonly string[],
  user: CognitoImportUser,
  options: CognitoImportRowOptions = {},
): string[] => {
  const attributes: Record<string, string> = {
    ...mapUserAttributes(user, options.mapping ?? DEFAULT_ATTRIBUTE_MAPPING),
    'cognito:username': user.email,
    'cognito:mfa_enabled': 'false',
    [options.passwordHashColumn ?? COGNITO_IMPORT_CSV.passwordHashColumn]: user.passwordHash,
  };
  return header.map((column) => attributes[column] ?? '');
};

export type { CognitoImportRowOptions, CognitoImportUser };
export { COGNITO_IMPORT_CSV, cognitoImportRow, importHeader };
