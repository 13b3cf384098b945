import { constantTimeEqual } from '../../crypto/constant-time.js';
import { MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import { decodePythonB64 } from '../../python/python-base64.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { checkIterationPolicy, derive, isBelowPolicyFloor } from './shared.js';

const ATLASSIAN_IDENT = '{PKCS5S2}';
/** Atlassian (Crowd, Jira, Confluence) always uses 10,000 rounds of PBKDF2-HMAC-SHA1. */
const ATLASSIAN_ROUNDS = 10_000;

/** `{PKCS5S2}` + base64 of a 16-byte salt and a 32-byte key, decoded as leniently as Python's `b64decode`. */
const atlassianPbkdf2Sha1: PasswordHashScheme = {
  name: 'atlassian_pbkdf2_sha1',
  identify: (hash) => hash.startsWith(ATLASSIAN_IDENT),
  prepare: (hash, context) => {
    const scheme = 'atlassian_pbkdf2_sha1';
    if (!hash.startsWith(ATLASSIAN_IDENT))
      throw new MalformedHashError(scheme, `expected the ${ATLASSIAN_IDENT} prefix`);
    const data = decodePythonB64(hash.slice(ATLASSIAN_IDENT.length));
    if (data?.length !== 48)
      throw new MalformedHashError(scheme, 'expected base64 of a 16-byte salt and a 32-byte key');
    const salt = data.subarray(0, 16);
    const checksum = data.subarray(16);
    checkIterationPolicy(scheme, ATLASSIAN_ROUNDS, context);
    return {
      needsUpdate: isBelowPolicyFloor(ATLASSIAN_ROUNDS, context),
      verify: async (password) =>
        constantTimeEqual(await derive(utf8(password), salt, ATLASSIAN_ROUNDS, 32, 'sha1'), checksum),
    };
  },
};

export { atlassianPbkdf2Sha1 };
