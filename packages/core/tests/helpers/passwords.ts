import fc from 'fast-check';

/** Passwords as users type them and as attackers send them: ASCII, any Unicode, empty, long (> 72 UTF-8 bytes). */
const passwordArbitrary = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength: 24 }),
    fc.string({ unit: 'binary', maxLength: 24 }),
    fc.constant(''),
    fc.string({ unit: 'binary', minLength: 40, maxLength: 90 }),
  );

/** How the typed password differs from the one that was hashed. */
type Mutation = 'same' | 'append' | 'drop-last' | 'swap-case' | 'insert-nul' | 'other';

const mutationArbitrary = (): fc.Arbitrary<Mutation> =>
  fc.constantFrom<Mutation>('same', 'same', 'same', 'append', 'drop-last', 'swap-case', 'insert-nul', 'other');

const mutate = (password: string, mutation: Mutation, other: string): string => {
  const chars = [...password];
  switch (mutation) {
    case 'same':
      return password;
    case 'append':
      return `${password}x`;
    case 'drop-last':
      return chars.slice(0, -1).join('');
    case 'swap-case':
      return chars.map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
    case 'insert-nul':
      return `${chars.slice(0, 1).join('')}\0${chars.slice(1).join('')}`;
    case 'other':
      return other;
  }
};

export type { Mutation };
export { mutate, mutationArbitrary, passwordArbitrary };
