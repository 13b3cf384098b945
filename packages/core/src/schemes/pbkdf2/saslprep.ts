import {
  LEFT_TO_RIGHT,
  MAPPED_TO_NOTHING,
  NON_ASCII_SPACE,
  PROHIBITED,
  RAND_AL,
  UNASSIGNED,
  UNASSIGNED_DECOMPOSED,
} from './stringprep-tables.js';

/** Code point ranges as a flat [start, end, start, end…] list, from the tables' gap/length encoding. */
const decodeRanges = (encoded: string): Uint32Array => {
  const numbers = encoded.split(',').map((text) => Number.parseInt(text, 36));
  const ranges = new Uint32Array(numbers.length);
  let previousEnd = -1;
  for (let i = 0; i < numbers.length; i += 2) {
    const start = previousEnd + 1 + (numbers[i] ?? 0);
    previousEnd = start + (numbers[i + 1] ?? 0);
    ranges[i] = start;
    ranges[i + 1] = previousEnd;
  }
  return ranges;
};

type Table = (codePoint: number) => boolean;

/** Membership by binary search over the sorted ranges. */
const table = (encoded: string): Table => {
  let ranges: Uint32Array | undefined;
  return (codePoint) => {
    ranges ??= decodeRanges(encoded);
    let low = 0;
    let high = ranges.length / 2 - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (codePoint < (ranges[middle * 2] ?? 0)) high = middle - 1;
      else if (codePoint > (ranges[middle * 2 + 1] ?? 0)) low = middle + 1;
      else return true;
    }
    return false;
  };
};

const isMappedToNothing = table(MAPPED_TO_NOTHING);
const isNonAsciiSpace = table(NON_ASCII_SPACE);
const isUnassigned = table(UNASSIGNED);
const isUnassignedDecomposed = table(UNASSIGNED_DECOMPOSED);
const isProhibited = table(PROHIBITED);
const isRandAL = table(RAND_AL);
const isLeftToRight = table(LEFT_TO_RIGHT);

const codePointsOf = (text: string): number[] => Array.from(text, (char) => char.codePointAt(0) ?? 0);

/**
 * SASLprep (RFC 4013) as passlib's `saslprep` applies it to scram passwords: map, NFKC, then refuse
 * prohibited characters and broken bidirectional text. Returns undefined where passlib raises ValueError.
 *
 * Node's ICU knows newer Unicode than the Python 3.11 passlib runs on (14.0): a character assigned since
 * then would be decomposed here but stay unassigned, and be refused, there. Refusing, before NFKC, every
 * character Unicode 3.2 lacks that Python's NFKC leaves alone gives passlib's answer on any Node.
 */
const saslprep = (source: string): string | undefined => {
  let mapped = '';
  for (const codePoint of codePointsOf(source)) {
    if (isMappedToNothing(codePoint)) continue;
    if (isUnassigned(codePoint) && !isUnassignedDecomposed(codePoint)) return undefined;
    mapped += isNonAsciiSpace(codePoint) ? ' ' : String.fromCodePoint(codePoint);
  }
  const normalized = mapped.normalize('NFKC');
  const codePoints = codePointsOf(normalized);
  const first = codePoints[0];
  const last = codePoints.at(-1);
  if (first === undefined || last === undefined) return '';
  // Text that starts right-to-left must end so and hold no left-to-right character; other text no RandAL one.
  const rightToLeft = isRandAL(first);
  if (rightToLeft && !isRandAL(last)) return undefined;
  const isForbiddenDirection = rightToLeft ? isLeftToRight : isRandAL;
  const refused = codePoints.some(
    (codePoint) => isUnassigned(codePoint) || isProhibited(codePoint) || isForbiddenDirection(codePoint),
  );
  return refused ? undefined : normalized;
};

export { saslprep };
