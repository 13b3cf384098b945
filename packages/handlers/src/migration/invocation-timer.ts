import type { MigrationPhase } from '@hashbridge/core';

/**
 * How long one invocation spent, in milliseconds rounded to the microsecond: in each phase (0 for a phase that
 * did not run, or whose work had not settled yet) and in all (`total`, from the handler's first line to the
 * log line that carries these). `total` minus the phases is the handler's own work.
 */
interface MigrationDurations {
  readonly lookup: number;
  readonly verify: number;
  readonly mark: number;
  readonly total: number;
}

const toMicroseconds = (milliseconds: number): number => Math.round(milliseconds * 1000) / 1000;

/**
 * Times one invocation and its phases on a monotonic clock, so the log can tell the hash's cost from
 * everything else in the same invocation. One instance per invocation; it holds only numbers.
 */
class InvocationTimer {
  readonly #clock: () => number;
  readonly #started: number;
  readonly #spent: Record<MigrationPhase, number> = { lookup: 0, verify: 0, mark: 0 };

  /** @param clock milliseconds on a monotonic clock; `performance.now` unless a test steps its own. */
  public constructor(clock: () => number = () => performance.now()) {
    this.#clock = clock;
    this.#started = clock();
  }

  /**
   * Runs `work` as `phase` and adds its duration to that phase, whether it resolves or rejects.
   *
   * @example
   * const user = await timer.time('lookup', () => store.get(email));
   */
  public readonly time = async <T>(phase: MigrationPhase, work: () => Promise<T>): Promise<T> => {
    const start = this.#clock();
    try {
      return await work();
    } finally {
      this.#spent[phase] += this.#clock() - start;
    }
  };

  /** The durations so far; `total` runs up to this call. */
  public durations(): MigrationDurations {
    return {
      lookup: toMicroseconds(this.#spent.lookup),
      verify: toMicroseconds(this.#spent.verify),
      mark: toMicroseconds(this.#spent.mark),
      total: toMicroseconds(this.#clock() - this.#started),
    };
  }
}

export type { MigrationDurations };
export { InvocationTimer };
