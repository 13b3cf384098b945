import { IMPLEMENTED_SCHEMES } from './registry.js';
import type { SchemeName } from './scheme-names.js';

const IMPLEMENTED_NAMES: readonly SchemeName[] = Object.freeze(IMPLEMENTED_SCHEMES.map((scheme) => scheme.name));

/**
 * The schemes this build verifies, in default identification order.
 *
 * @example
 * ```ts
 * import { listSchemes } from '@hashbridge/core';
 * listSchemes().includes('bcrypt'); // true
 * ```
 */
const listSchemes = (): readonly SchemeName[] => IMPLEMENTED_NAMES;

export { listSchemes };
