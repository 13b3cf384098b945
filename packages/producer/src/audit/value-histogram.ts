import type { Spread } from './types.js';

/**
 * Counts of each value seen. Cost parameters take a handful of distinct values even over millions of users,
 * so an exact median costs a few map entries, not an array of every user.
 */
class ValueHistogram {
  readonly #counts = new Map<number, number>();
  #total = 0;

  public add(value: number | undefined): void {
    if (value === undefined || !Number.isFinite(value)) return;
    this.#counts.set(value, (this.#counts.get(value) ?? 0) + 1);
    this.#total += 1;
  }

  /** Undefined when no value was added. */
  public spread(): Spread | undefined {
    if (this.#total === 0) return undefined;
    const values = [...this.#counts.keys()].sort((a, b) => a - b);
    const middle = Math.floor((this.#total - 1) / 2);
    let seen = 0;
    let median = values[0] as number;
    for (const value of values) {
      seen += this.#counts.get(value) as number;
      if (seen > middle) {
        median = value;
        break;
      }
    }
    return { min: values[0] as number, median, max: values.at(-1) as number };
  }
}

export { ValueHistogram };
