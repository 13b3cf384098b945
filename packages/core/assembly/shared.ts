/**
 * What the crypt functions of this module share: the input area the host writes into, and the memory past
 * the static data that each call lays its round messages out in. Calls never overlap (WebAssembly runs
 * one call at a time per instance), so they all reuse the same space.
 */

/** 4096 characters of up to 4 UTF-8 bytes each: the longest password passlib accepts. */
export const MAX_PASSWORD_BYTES: i32 = 16384;
/** Room after the password: a SHA-crypt salt (≤ 16 bytes), or an MD5-crypt salt and magic (≤ 8 each). */
export const MAX_EXTRA_INPUT_BYTES: i32 = 16;

export const INPUT: usize = memory.data(MAX_PASSWORD_BYTES + MAX_EXTRA_INPUT_BYTES, 16);

/** Start of the memory past the static data, 16-byte aligned. */
export function scratchStart(): usize {
  return (__heap_base + 15) & ~(<usize>15);
}

/** Grows memory to hold addresses below `end`; false when it cannot. */
export function reserveMemory(end: usize): bool {
  const pagesNeeded = <i32>((end + 0xffff) >> 16);
  return pagesNeeded <= memory.size() || memory.grow(pagesNeeded - memory.size()) >= 0;
}
