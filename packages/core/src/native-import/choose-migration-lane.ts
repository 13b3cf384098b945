import { findHashScheme, findSyntacticScheme } from '../identify-hash.js';
import { costPolicyRefusal, malformedReason } from './scheme-probe.js';
import { toCognitoImportHash } from './to-cognito-import-hash.js';
import type { ChooseMigrationLaneOptions, MigrationLane } from './types.js';

/**
 * The cheapest lane that keeps a legacy user's password:
 * - `native`: Cognito's CSV import takes the hash as it is (`toCognitoImportHash`), so the user never needs
 *   our pipeline or the trigger; `passwordHash` goes in the CSV of a job with `PasswordHashingAlgorithm`
 *   `algorithm`;
 * - `trigger`: the staging pipeline and the User Migration trigger, for every other well-formed hash
 *   (`nativeRefusal` says why it cannot go native, for the audit);
 * - `refused`: no lane can keep the password. `unidentified` (no allowed scheme recognises the hash, as
 *   `identifyHash` decides: exactly), `malformed` (the prefix of a scheme, but not a hash it reads) or
 *   `over-cost-policy` (the scheme's own cost check, HashPolicyError, as verify applies it; one policy decides
 *   for both lanes, so what is migrated does not depend on the lane that carries it).
 * Nothing is hashed, and no detail holds the hash or its salt.
 *
 * @example
 * ```ts
 * import { chooseMigrationLane } from '@hashbridge/core';
 * const choice = chooseMigrationLane(row.passwordHash);
 * if (choice.lane === 'native') csvFor(choice.algorithm).write(row.email, choice.passwordHash);
 * ```
 */
const chooseMigrationLane = (hash: string, options: ChooseMigrationLaneOptions = {}): MigrationLane => {
  const identified = typeof hash === 'string' ? findHashScheme(hash, options.schemes) : undefined;
  if (identified === undefined) {
    const claimed = typeof hash === 'string' ? findSyntacticScheme(hash, options.schemes) : undefined;
    if (claimed === undefined) {
      return { lane: 'refused', reason: 'unidentified', detail: 'no allowed scheme recognises the hash' };
    }
    const detail = malformedReason(claimed.name, hash) ?? `not a well-formed ${claimed.name} hash`;
    return { lane: 'refused', reason: 'malformed', scheme: claimed.name, detail };
  }
  const scheme = identified.name;
  const overPolicy = costPolicyRefusal(scheme, hash, options.policy ?? {});
  if (overPolicy !== undefined)
    return { lane: 'refused', reason: 'over-cost-policy', scheme, detail: overPolicy.message };
  if (options.nativeImport === false) return { lane: 'trigger', scheme };
  const native = toCognitoImportHash(hash, scheme);
  if (native.ok) return { lane: 'native', scheme, algorithm: native.algorithm, passwordHash: native.passwordHash };
  return { lane: 'trigger', scheme, nativeRefusal: { reason: native.reason, detail: native.detail } };
};

export { chooseMigrationLane };
