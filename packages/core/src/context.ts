import { MissingContextError } from './errors.js';

/** The context value a scheme needs, or `MissingContextError`. An empty string is a valid value. */
const requireContext = (scheme: string, field: 'user' | 'realm', value: unknown): string => {
  if (typeof value !== 'string') throw new MissingContextError(scheme, field);
  return value;
};

export { requireContext };
