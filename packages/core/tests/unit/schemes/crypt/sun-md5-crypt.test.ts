import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_POLICY } from '../../../../src/constants.js';
import { HashPolicyError, identifyHash, MalformedHashError, verifyPassword } from '../../../../src/index.js';
import { sunMd5Crypt } from '../../../../src/schemes/crypt/sun-md5-crypt.js';

const UNICODE = 'Zoë ☃ 密码 😀';

/**
 * From passlib's tests (real Solaris hashes) and made with passlib 1.7.4: `sun_md5_crypt.using(salt=…,
 * rounds=…).hash(password)`, and for the bare-salt form `sun_md5_crypt(salt=…, rounds=…, bare_salt=True)`.
 */
const KNOWN = [
  { password: 'Gpcs3_adm', hash: '$md5$zrdhpMlZ$$wBvMOEqbSjU.hu5T2VEP01' },
  { password: 'passwd', hash: '$md5$RPgLF6IJ$WTvAlUJ7MqH5xak2FMEwS/' },
  { password: 'correct horse', hash: '$md5$hbSunSlt$$Vf/K0onXv1LU8t42s0hXC/' },
  { password: UNICODE, hash: '$md5$hbSunSlt$$.NZXIXzJKvayb1ENSAmDX.' },
  { password: '', hash: '$md5$hbSunSlt$$xvTDsIsfM6uM3Tq3TjqpU0' },
  { password: 'correct horse', hash: '$md5,rounds=100$hbSunRnd$$iV8GqYsaI.zzKC/ZeYXqr/' },
  { password: 'correct horse', hash: '$md5,rounds=10$hbSunBar$evgtX3I40EVKxQ/8A7U6H.' },
  { password: UNICODE, hash: '$md5,rounds=10$hbSunBar$yNbFHnceIlgGl2idwXbmc/' },
  { password: 'correct horse', hash: '$md5$$$JgIr38z5vwEVFp5dXtMBw.' },
  { password: 'a\0b', hash: '$md5,rounds=10$nulpassw$$zh2OFsCOhbcq.PW2ii8So.' },
];

const ROUNDS = '$md5,rounds=100$hbSunRnd$$iV8GqYsaI.zzKC/ZeYXqr/';

describe('Scheme: sun_md5_crypt', () => {
  it.each(KNOWN)('verifies the right password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(password, hash);

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'sun_md5_crypt', needsUpdate: false });
  });

  it.each(KNOWN)('refuses a wrong password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(`${password}x`, hash);

    // Assess
    expect(result.ok).toBe(false);
  });

  it('identifies $md5$ and $md5, hashes', () => {
    // Act & Assess
    expect([identifyHash('$md5$zrdhpMlZ$$wBvMOEqbSjU.hu5T2VEP01'), identifyHash(ROUNDS)]).toEqual([
      'sun_md5_crypt',
      'sun_md5_crypt',
    ]);
  });

  it('hashes the salt with its $ in the $$ form and without it in the bare form, as passlib does', async () => {
    // Prepare: the same checksum read the other way round no longer matches.
    const bareRead = '$md5$hbSunSlt$Vf/K0onXv1LU8t42s0hXC/';
    // passlib writes a bare empty salt as `$md5$$<checksum>`, but parses that back as the `$$` form.
    const emptyBareSalt = '$md5$$Qpq9Yg/HXMkoG5hriWsaC1';

    // Act
    const results = await Promise.all([
      verifyPassword('correct horse', bareRead),
      verifyPassword('correct horse', emptyBareSalt),
    ]);

    // Assess
    expect(results.map((result) => result.ok)).toEqual([false, false]);
  });

  it.each([
    ['an unterminated rounds field', '$md5,rounds=5000'],
    ['rounds with a letter', '$md5,rounds=500A$xxxx$$iV8GqYsaI.zzKC/ZeYXqr/'],
    ['zero-padded rounds', ROUNDS.replace('=100$', '=0100$')],
    ['explicit zero rounds', ROUNDS.replace('=100$', '=0$')],
    ['a signed rounds value', ROUNDS.replace('=100$', '=+100$')],
    ['negative rounds', ROUNDS.replace('=100$', '=-5$')],
    ['rounds above 4294963199', ROUNDS.replace('=100$', '=4294963200$')],
    ['an empty rounds value', ROUNDS.replace('=100$', '=$')],
    ['another setting than rounds', ROUNDS.replace(',rounds=100', ',foo')],
    ['a bad character in the salt', '$md5$RPgL!6IJ$WTvAlUJ7MqH5xak2FMEwS/'],
    ['a checksum too short', '$md5$RPgLa6IJ$WTvAlUJ7MqH5xak2FMEwS'],
    ['a checksum too long', '$md5$RPgLa6IJ$WTvAlUJ7MqH5xak2FMEwS/.'],
    ['a configuration string ending in $$', '$md5$3UqYqndY$$'],
    ['three $ before the checksum', '$md5$RPgLa6IJ$$$WTvAlUJ7MqH5xak2FMEwS/'],
    ['a $ inside the salt', '$md5$hb$x$$JgIr38z5vwEVFp5dXtMBw.'],
    ['no checksum', '$md5$hbSunSlt'],
    ['nothing after the ident', '$md5$'],
    ['a trailing $', '$md5$hbSunSlt$$Vf/K0onXv1LU8t42s0hXC/$'],
  ])('rejects a hash with %s with MalformedHashError', async (_case, hash) => {
    // Act & Assess
    await expect(verifyPassword('correct horse', hash, { scheme: 'sun_md5_crypt' })).rejects.toBeInstanceOf(
      MalformedHashError,
    );
  });

  it('accepts a salt of any length, as passlib does', async () => {
    // Act
    const result = await verifyPassword('correct horse', `$md5$${'a'.repeat(100)}$$JgIr38z5vwEVFp5dXtMBw.`);

    // Assess
    expect(result.ok).toBe(false);
  });

  it('counts the 4096 base rounds against otherMaxIterations, refusing before hashing', () => {
    // Prepare
    const hostile = ROUNDS.replace('=100$', '=4294963199$');
    const policy = (otherMaxIterations: number) => ({ policy: { ...DEFAULT_COST_POLICY, otherMaxIterations } });

    // Act & Assess
    expect(() => sunMd5Crypt.prepare(hostile, { policy: DEFAULT_COST_POLICY })).toThrow(HashPolicyError);
    expect(() => sunMd5Crypt.prepare(ROUNDS, policy(4195))).toThrow(HashPolicyError);
    expect(sunMd5Crypt.prepare(ROUNDS, policy(4196)).needsUpdate).toBe(false);
  });
});
