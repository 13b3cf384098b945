import type { CostPolicy } from '../../types/policy.js';

/** passlib's bcrypt idents, `$2x$` included: it identifies, and is refused as malformed when parsed. */
const BCRYPT_IDENTS = ['$2$', '$2a$', '$2x$', '$2y$', '$2b$'] as const;

/** passlib's `bcrypt.identify`, used by the wrappers that put a prefix before a bcrypt hash. */
const startsWithBcryptIdent = (text: string): boolean => BCRYPT_IDENTS.some((ident) => text.startsWith(ident));

/** The last salt characters whose four unused bits are zero (passlib's `final_salt_chars`). */
const CLEAN_FINAL_SALT_CHARS = '.Oeu';

/**
 * passlib's `bcrypt.needs_update` for a parsed `$2…$` string: only a `$2a$` hash whose salt has padding
 * bits set (passlib issue 25; it reads character 28, the last of the salt) — checksum padding and other
 * idents never count — or, here, a cost under the policy floor.
 */
const wrappedBcryptNeedsUpdate = (bcryptHash: string, cost: number, policy: CostPolicy): boolean =>
  (bcryptHash.startsWith('$2a$') && !CLEAN_FINAL_SALT_CHARS.includes(bcryptHash.charAt(28))) ||
  cost < policy.bcryptMinCost;

export { startsWithBcryptIdent, wrappedBcryptNeedsUpdate };
