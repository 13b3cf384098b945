import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COST_POLICY,
  HashPolicyError,
  identifyHash,
  MalformedHashError,
  verifyPassword,
} from '../../../../src/index.js';
import { fshp } from '../../../../src/schemes/digest/fshp.js';

const UNICODE = 'Zoë ☃ 密码 😀';

describe('Scheme: fshp', () => {
  it.each([
    // The FSHP reference implementation's vectors, as in passlib's tests.
    ['test', '{FSHP0|0|1}qUqP5cyxm6YcTAhz05Hph5gvu9M='],
    ['test', '{FSHP1|8|4096}MTIzNDU2NzjTdHcmoXwNc0ff9+ArUHoN0CvlbPZpxFi1C6RDM/MHSA=='],
    [
      'ExecuteOrder66',
      '{FSHP3|16|8192}0aY7rZQ+/PR+Rd5/I9ssRM7cjguyT8ibypNaSp/U1uziNO3BVlg5qPUng+zHUDQC3ao/JbzOnIBUtAeWHEy7a2vZeZ7jAwyJJa2EqOsq4Io=',
    ],
    // passlib 1.7.4: `fshp.using(salt=..., rounds=..., variant=...).hash(password)`.
    ['password', '{FSHP0|8|10}c2FsdHNhbHT/yjrLjKhCgVTQDNw11kL03focSA=='],
    ['password', '{FSHP1|8|10}c2FsdHNhbHQhRqgBRz3CP3NYlCbe2AQSqHFUkiK5efZdoViftbWHnw=='],
    ['password', '{FSHP2|8|10}c2FsdHNhbHSE2AkVzQ0KKdLpAryeB1Rr05lW6mJehAanBR41z1+h4xvxISro16/uzU236u9eWfY='],
    [
      'password',
      '{FSHP3|8|10}c2FsdHNhbHTV6tRP1k7quXxydn+/HhEqGY9YdPluw6/yzNooSVekVfmgvAG09xs/GL5q8pbHRYibA6CmHEmTE9cGurGheK1f',
    ],
    ['', '{FSHP1|16|1000}MDEyMzQ1Njc4OWFiY2RlZp/qmx7TCHu5GXt28zv7dX/FP+kFP3L5NatTb6nbI4d4'],
    [UNICODE, '{FSHP1|16|1000}MDEyMzQ1Njc4OWFiY2RlZhK6ogaFSMXiPDHVTb/nra764eEsmfKdE5cJsyDGEivG'],
    // passlib's default cost: variant 1, 480000 rounds, 16-byte salt.
    ['password', '{FSHP1|16|480000}NwbgPMeYsxai9P7fe0/JOc8azreiZwMIpOOqsbIDjvHIgSVt03H+TRrk/ag7G2L3'],
  ])('verifies %j against %s and refuses a near miss', async (password, hash) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'fshp' });
    const nearMiss = await verifyPassword(`${password}x`, hash, { scheme: 'fshp' });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'fshp', needsUpdate: false });
    expect(nearMiss.ok).toBe(false);
  });

  it.each([
    // Python's regex and int(): leading zeros, any script's digits, surplus "=", one final newline.
    '{FSHP0|0|01}qUqP5cyxm6YcTAhz05Hph5gvu9M=',
    '{FSHP00|00|1}qUqP5cyxm6YcTAhz05Hph5gvu9M=',
    '{FSHP\u0660|0|\u0661}qUqP5cyxm6YcTAhz05Hph5gvu9M=',
    '{FSHP0|0|\u{1d7cf}}qUqP5cyxm6YcTAhz05Hph5gvu9M=',
    '{FSHP0|0|1}qUqP5cyxm6YcTAhz05Hph5gvu9M===',
    '{FSHP0|0|1}qUqP5cyxm6YcTAhz05Hph5gvu9M=\n',
  ])('reads %j as passlib does', async (hash) => {
    // Act
    const result = await verifyPassword('test', hash, { scheme: 'fshp' });

    // Assess
    expect(result.ok).toBe(true);
  });

  it.each([
    // passlib's known_malformed_hashes: bad padding, wrong salt size, bad rounds.
    '{FSHP0|0|1}qUqP5cyxm6YcTAhz05Hph5gvu9M',
    '{FSHP0|1|1}qUqP5cyxm6YcTAhz05Hph5gvu9M=',
    '{FSHP0|0|A}qUqP5cyxm6YcTAhz05Hph5gvu9M=',
    // Unknown variant, rounds out of passlib's 1..2^32-1, digest of the wrong size, shape.
    '{FSHP4|0|1}qUqP5cyxm6YcTAhz05Hph5gvu9M=',
    '{FSHP0|0|0}qUqP5cyxm6YcTAhz05Hph5gvu9M=',
    '{FSHP0|0|4294967296}qUqP5cyxm6YcTAhz05Hph5gvu9M=',
    '{FSHP1|0|1}qUqP5cyxm6YcTAhz05Hph5gvu9M=',
    '{FSHP0|0|1}',
    '{FSHP0|0|1}qUqP5cyxm6YcTAhz05Hph5gvu9M====',
    '{FSHP0|0|1} qUqP5cyxm6YcTAhz05Hph5gvu9M=',
    '{fshp0|0|1}qUqP5cyxm6YcTAhz05Hph5gvu9M=',
    '{FSHP+0|0|1}qUqP5cyxm6YcTAhz05Hph5gvu9M=',
    // More than 4300 digits: Python's int() refuses them.
    `{FSHP0|${'0'.repeat(4301)}|1}qUqP5cyxm6YcTAhz05Hph5gvu9M=`,
  ])('rejects %j with MalformedHashError', async (hash) => {
    // Act / Assess
    await expect(verifyPassword('test', hash, { scheme: 'fshp' })).rejects.toBeInstanceOf(MalformedHashError);
  });

  it('refuses rounds above the policy with HashPolicyError before any hashing', async () => {
    // Prepare: 2^32 - 1 SHA-512 rounds would take about an hour.
    const hostile = `{FSHP3|0|4294967295}${'A'.repeat(86)}==`;

    // Act
    const started = performance.now();
    const thrown = (() => {
      try {
        fshp.prepare(hostile, { policy: DEFAULT_COST_POLICY });
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    const elapsed = performance.now() - started;

    // Assess
    expect(thrown).toBeInstanceOf(HashPolicyError);
    expect(elapsed).toBeLessThan(5);
    await expect(
      verifyPassword('test', '{FSHP0|0|1001}qUqP5cyxm6YcTAhz05Hph5gvu9M=', {
        scheme: 'fshp',
        policy: { otherMaxIterations: 1000 },
      }),
    ).rejects.toBeInstanceOf(HashPolicyError);
  });

  it('reports a malformed hash before the policy', async () => {
    // Act / Assess
    await expect(
      verifyPassword('test', '{FSHP0|1|4294967295}qUqP5cyxm6YcTAhz05Hph5gvu9M=', { scheme: 'fshp' }),
    ).rejects.toBeInstanceOf(MalformedHashError);
  });

  it('identifies the {FSHP prefix', () => {
    // Act / Assess
    expect(identifyHash('{FSHP1|8|4096}MTIzNDU2NzjTdHcmoXwNc0ff9+ArUHoN0CvlbPZpxFi1C6RDM/MHSA==')).toBe('fshp');
    expect(identifyHash('{FSHX0|0|1}qUqP5cyxm6YcTAhz05Hph5gvu9M=')).toBeUndefined();
  });
});
