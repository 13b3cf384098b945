import { describe, expect, it } from 'vitest';
import { DUMMY_HASHES, dummyVerify } from '../../../src/dummy-verify.js';
import { identifyHash, listSchemes, type SchemeName, verifyPassword } from '../../../src/index.js';

describe('Function: dummyVerify', () => {
  it('answers false', async () => {
    await expect(dummyVerify()).resolves.toBe(false);
  });

  it("spends a full-cost verify: the bcrypt dummy is at passlib's default cost 12", () => {
    expect(DUMMY_HASHES.bcrypt).toMatch(/^\$2b\$12\$/);
  });

  it('keeps, for each implemented scheme, a well-formed dummy hash that matches no random password', async () => {
    // Prepare
    const implemented = Object.entries(DUMMY_HASHES).filter(([scheme]) => listSchemes().includes(scheme as SchemeName));
    expect(implemented.map(([scheme]) => scheme)).toContain('bcrypt');

    for (const [scheme, hash] of implemented) {
      // Act
      const result = await verifyPassword('a random password', hash, { scheme: scheme as SchemeName });

      // Assess
      expect(identifyHash(hash, { schemes: [scheme as SchemeName] })).toBe(scheme);
      expect(result).toMatchObject({ ok: false, scheme });
    }
  });
});
