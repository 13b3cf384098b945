/**
 * The two steps of a migration sign-in whose cost a caller may want to know apart: `lookup` reads the staged
 * user from the store, `verify` checks the password against its hash (or, for an unknown user, spends the
 * equal-cost dummy verify).
 */
type AuthenticationPhase = 'lookup' | 'verify';

/**
 * Runs one phase of a sign-in and returns what it returns. The caller decides what to do around it (a handler
 * times it for its log); core itself reads no clock.
 */
type PhaseRunner = <T>(phase: AuthenticationPhase, work: () => Promise<T>) => Promise<T>;

export type { AuthenticationPhase, PhaseRunner };
