import fc from 'fast-check';

/** Damage a stored hash the ways storage and hands damage them. */
const damagedHash = (hash: string) =>
  fc.oneof(
    fc.nat({ max: Math.max(0, hash.length - 1) }).map((end) => hash.slice(0, end)),
    fc
      .tuple(fc.nat({ max: hash.length }), fc.string({ minLength: 1, maxLength: 2 }))
      .map(([at, text]) => hash.slice(0, at) + text + hash.slice(at)),
    fc
      .tuple(fc.nat({ max: Math.max(0, hash.length - 1) }), fc.string({ minLength: 1, maxLength: 1 }))
      .map(([at, char]) => hash.slice(0, at) + char + hash.slice(at + 1)),
    fc.constant(hash.toUpperCase()),
    fc.constant(hash.toLowerCase()),
    fc.constant(` ${hash}`),
    fc.constant(`${hash}\n`),
  );

export { damagedHash };
