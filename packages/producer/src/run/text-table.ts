/** The reports' numbers and tables, for people: thousands separated, columns aligned. */

/** 12,345 */
const count = (n: number): string => n.toLocaleString('en-US');

/** Columns padded to their widest cell; numbers right-aligned. */
const table = (header: readonly string[], rows: readonly (readonly string[])[]): string[] => {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
};

export { count, table };
