import type { SchemeName } from '../scheme-names.js';
import type { CostPolicy } from './policy.js';
import type { HashContext } from './scheme.js';

interface IdentifyOptions {
  /** Allow-list and identification order, like a passlib CryptContext's `schemes`. */
  readonly schemes?: readonly SchemeName[];
}

interface VerifyOptions extends IdentifyOptions {
  /** Skip identification: the hash must be of this scheme. */
  readonly scheme?: SchemeName;
  /** The user name and realm, for the schemes that mix them in. */
  readonly context?: HashContext;
  /** Overrides of the default cost caps. */
  readonly policy?: Partial<CostPolicy>;
}

interface VerifyResult {
  /** The password matches. A wrong password is `false`, never an error. */
  readonly ok: boolean;
  readonly scheme: SchemeName;
  /** The hash is of a deprecated variant or below the policy's cost floor: rehash when you can. */
  readonly needsUpdate: boolean;
}

export type { IdentifyOptions, VerifyOptions, VerifyResult };
