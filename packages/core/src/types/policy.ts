/**
 * Upper limits on the work a stored hash may ask for, so a hostile or corrupt row cannot make a verify
 * run for minutes or allocate gigabytes; and floors below which a hash `needsUpdate`.
 */
interface CostPolicy {
  /** bcrypt family: log2 rounds. passlib allows up to 31. */
  readonly bcryptMaxCost: number;
  readonly bcryptMinCost: number;
  /** PBKDF2 iterations, for every PBKDF2-based scheme. */
  readonly pbkdf2MaxIterations: number;
  readonly pbkdf2MinIterations: number;
  /** sha256_crypt / sha512_crypt rounds. */
  readonly shaCryptMaxRounds: number;
  readonly shaCryptMinRounds: number;
  /** argon2 memory in KiB, passes, lanes. */
  readonly argon2MaxMemoryKiB: number;
  readonly argon2MaxTimeCost: number;
  readonly argon2MaxParallelism: number;
  /** scrypt memory, 128·N·r·p bytes, and the total work N·p. */
  readonly scryptMaxMemoryBytes: number;
  /** Iteration counts of the other iterated schemes (phpass 2^n, sha1_crypt, bsdi_crypt, sun_md5_crypt…). */
  readonly otherMaxIterations: number;
}

export type { CostPolicy };
