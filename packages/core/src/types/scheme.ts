import type { SchemeName } from '../scheme-names.js';
import type { CostPolicy } from './policy.js';

/** Facts some schemes mix into the digest: the user name (postgres_md5, oracle10, msdcc, cisco_*) and realm (htdigest). */
interface HashContext {
  readonly user?: string | undefined;
  readonly realm?: string | undefined;
}

/** What a scheme is given besides the hash. */
interface SchemeContext extends HashContext {
  readonly policy: CostPolicy;
}

/** A hash that parsed and passed the cost policy, ready for the expensive part. */
interface PreparedHash {
  /** Resolves whether the password matches; rejects with `PasswordValueError` where passlib would. */
  readonly verify: (password: string) => Promise<boolean>;
  /** passlib's idea: a deprecated variant, or a cost below the policy floor. */
  readonly needsUpdate: boolean;
}

/**
 * One passlib scheme. `identify` is cheap and syntactic, as passlib's; `prepare` parses and checks the
 * cost policy, synchronously and fast, throwing `MalformedHashError` or `HashPolicyError`.
 */
interface PasswordHashScheme {
  readonly name: SchemeName;
  readonly identify: (hash: string) => boolean;
  readonly prepare: (hash: string, context: SchemeContext) => PreparedHash;
}

export type { HashContext, PasswordHashScheme, PreparedHash, SchemeContext };
