import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSizeBound } from '../../../src/messages/json-size-bound.js';

const utf8Size = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

describe('Function: jsonSizeBound', () => {
  it('is never below the UTF-8 size of the JSON text, whatever the value (escapes and astral characters included)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const bound = jsonSizeBound(value, 32);
        expect(bound).toBeDefined();
        expect(bound).toBeGreaterThanOrEqual(utf8Size(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('bounds strings made of the most expensive characters: control characters, quotes, lone surrogates', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('\u0000', '\u001f', '"', '\\', '\ud800', '😀', 'é', '\u2028') }),
        (text) => {
          expect(jsonSizeBound({ [text]: text }, 32)).toBeGreaterThanOrEqual(utf8Size({ [text]: text }));
        },
      ),
    );
  });

  it('bounds every finite number, the longest included', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          // Where the longest texts are: 17 digits in fixed notation between 1e-6 and 1e-5.
          fc.double({ min: 1e-6, max: 1e-5, noNaN: true }).map((number) => -number),
        ),
        (number) => {
          expect(jsonSizeBound([number], 32)).toBeGreaterThanOrEqual(utf8Size([number]));
        },
      ),
      { numRuns: 3000 },
    );
    // The longest ones, exactly: fixed notation just above 1e-6 (the fuzzer found -0.0000010000000000000252).
    expect(jsonSizeBound(-1.2345678901234567e-6, 32)).toBe(utf8Size(-1.2345678901234567e-6));
    expect(jsonSizeBound(-0.0000010000000000000252, 32)).toBe(utf8Size(-0.0000010000000000000252));
  });

  it.each([
    ['undefined', { a: undefined }],
    ['a function', { a: () => 1 }],
    ['a symbol', { a: Symbol('s') }],
    ['a bigint', { a: 10n }],
    ['NaN', { a: Number.NaN }],
    ['Infinity', { a: [Number.NEGATIVE_INFINITY] }],
    ['a Date', { a: new Date(0) }],
    ['a Map', { a: new Map() }],
  ])('refuses a value holding %s, which a JSON round trip would change', (_name, value) => {
    expect(jsonSizeBound(value, 32)).toBeUndefined();
  });

  it('refuses nesting deeper than the limit and accepts it up to the limit', () => {
    const nested = (levels: number): unknown => (levels === 0 ? 'leaf' : { child: nested(levels - 1) });
    expect(jsonSizeBound(nested(3), 3)).toBeDefined();
    expect(jsonSizeBound(nested(4), 3)).toBeUndefined();
  });

  it('accepts objects without a prototype, as JSON.parse never makes but callers may', () => {
    const bare = Object.assign(Object.create(null), { name: 'Ada' });
    expect(jsonSizeBound(bare, 32)).toBeGreaterThanOrEqual(utf8Size(bare));
  });
});
