import { describe, expect, it } from 'vitest';
import { SCHEME_NAMES } from '../../../src/index.js';
import { EXPLICIT_ONLY, IDENTIFY_ORDER } from '../../../src/registry.js';

describe('Registry: identification order', () => {
  it('places every known scheme exactly once', () => {
    expect([...IDENTIFY_ORDER].sort()).toEqual([...SCHEME_NAMES].sort());
  });

  it('keeps plaintext and disabled-account schemes out of default identification', () => {
    expect([...EXPLICIT_ONLY].sort()).toEqual([
      'django_disabled',
      'ldap_plaintext',
      'plaintext',
      'roundup_plaintext',
      'unix_disabled',
    ]);
  });
});
