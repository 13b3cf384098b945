import { verifyPassword } from '@hashbridge/core';
import { LAMBDA_MB_PER_VCPU } from '../constants.js';

/** A password no legacy user has: a wrong-password verify does all of the work and succeeds at nothing. */
const PROBE_PASSWORD = 'hashbridge audit: not a password anyone has';

/**
 * Estimates the seconds one sign-in's verify of `hash` takes on the Migration Lambda: one verify timed on this
 * machine (after one untimed run, which pays for loading and compiling the scheme's code), times the share of a
 * vCPU Lambda gives `memoryMb` (one full vCPU at 1,769 MB; more memory adds cores a single verify cannot use).
 * It assumes a core here is about as fast as a Lambda vCPU; the report says so.
 */
const estimateVerifySeconds = async (hash: string, memoryMb: number): Promise<number> => {
  await verifyPassword(PROBE_PASSWORD, hash);
  const started = performance.now();
  await verifyPassword(PROBE_PASSWORD, hash);
  const seconds = (performance.now() - started) / 1000;
  return seconds * Math.max(1, LAMBDA_MB_PER_VCPU / memoryMb);
};

export { estimateVerifySeconds };
