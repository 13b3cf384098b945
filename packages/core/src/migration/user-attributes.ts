import type { StagedUser } from '../ports/staged-user-store.js';

/** Cognito's standard attributes a profile may fill (OIDC claims Cognito accepts). `sub` is never returned. */
const STANDARD_ATTRIBUTES: ReadonlySet<string> = new Set([
  'address',
  'birthdate',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'picture',
  'preferred_username',
  'profile',
  'website',
  'zoneinfo',
]);

/** Profile field → Cognito attribute (standard, or `custom:x` that exists in the pool). */
type AttributeMapping = Readonly<Record<string, string>>;

/** Profile fields with the same name as a standard attribute map to it unless a mapping says otherwise. */
const DEFAULT_ATTRIBUTE_MAPPING: AttributeMapping = Object.freeze(
  Object.fromEntries([...STANDARD_ATTRIBUTES].map((name) => [name, name])),
);

/** Which mapped attributes may be returned: standard ones, and `custom:` ones only when mapped explicitly. */
const isAllowedTarget = (attribute: string): boolean =>
  attribute !== 'sub' && (STANDARD_ATTRIBUTES.has(attribute) || /^custom:[\w.-]{1,20}$/.test(attribute));

/**
 * The attributes the migration trigger returns for a staged user: the email, verified (the legacy
 * application owned it), plus the profile fields named by `mapping` whose values are strings (Cognito
 * attributes are strings, at most 2048 characters). Fields not in the mapping are left out.
 */
const mapUserAttributes = (
  user: Pick<StagedUser, 'email' | 'profile'>,
  mapping: AttributeMapping = DEFAULT_ATTRIBUTE_MAPPING,
): Record<string, string> => {
  const attributes: Record<string, string> = { email: user.email, email_verified: 'true' };
  for (const [field, attribute] of Object.entries(mapping)) {
    const value = user.profile[field];
    if (!isAllowedTarget(attribute) || attribute in attributes) continue;
    if (typeof value === 'string' && value.length > 0 && value.length <= 2048) attributes[attribute] = value;
  }
  return attributes;
};

export type { AttributeMapping };
export { DEFAULT_ATTRIBUTE_MAPPING, mapUserAttributes, STANDARD_ATTRIBUTES };
