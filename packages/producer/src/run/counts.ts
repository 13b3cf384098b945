/** Counts by name, as the reports keep them: one more for `key` (nothing for an undefined key). */
const increment = (counts: Record<string, number>, key: string | undefined): void => {
  if (key !== undefined) counts[key] = (counts[key] ?? 0) + 1;
};

/** The same record with its keys in order, so a report reads (and compares) the same every time. */
const sortedByKey = <T>(record: Readonly<Record<string, T>>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

export { increment, sortedByKey };
