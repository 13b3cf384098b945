/**
 * The steps of a Migration invocation whose cost a caller may want to know apart: `lookup` reads the staged
 * user from the store, `verify` checks the password against its hash (or, for an unknown user, spends the
 * equal-cost dummy verify), `mark` is the store write after it: the migration mark on success, the refusal's
 * one conditional write otherwise (counting a staged user's failed sign-in).
 */
type MigrationPhase = 'lookup' | 'verify' | 'mark';

/**
 * Runs one phase of a Migration invocation and returns what it returns. The caller decides what to do around
 * it (a handler times it for its log and gives up at the Lambda deadline); core itself reads no clock.
 *
 * @example
 * ```ts
 * const runPhase: PhaseRunner = (phase, work) => timer.time(phase, work);
 * ```
 */
type PhaseRunner = <T>(phase: MigrationPhase, work: () => Promise<T>) => Promise<T>;

export type { MigrationPhase, PhaseRunner };
