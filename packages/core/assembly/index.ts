/**
 * The crypt WebAssembly module's entry: its exports are the module's exports. Each algorithm's file
 * describes its host protocol; all of them read their input at `inputPointer()`.
 */

import { INPUT } from './shared';

export { md5Crypt } from './md5-crypt';
export { sha256Crypt, sha512Crypt } from './sha-crypt';

/** Where the host writes a call's input bytes (the password first; see each function for the rest). */
export function inputPointer(): usize {
  return INPUT;
}
