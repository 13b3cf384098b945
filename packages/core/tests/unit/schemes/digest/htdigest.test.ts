import { describe, expect, it } from 'vitest';
import { identifyHash, MalformedHashError, MissingContextError, verifyPassword } from '../../../../src/index.js';

const UNICODE = 'Zoë ☃ 密码 😀';

describe('Scheme: htdigest', () => {
  it.each([
    // RFC 2617's example, then passlib 1.7.4: `htdigest.hash(password, 'Zoë', 'Legacy Realm')`.
    ['Circle Of Life', 'Mufasa', 'testrealm@host.com', '939e7578ed9e3c518a452acee763bce9'],
    ['password', 'Zoë', 'Legacy Realm', 'db4f31649047d05d84494107032faf68'],
    ['', 'Zoë', 'Legacy Realm', 'cca181c67c641046ed3973f2cf88b7c8'],
    [UNICODE, 'Zoë', 'Legacy Realm', 'b269ba9b3d0cb87b4b7a139b18f6ff36'],
  ])('verifies %j for %s in %s', async (password, user, realm, hash) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'htdigest', context: { user, realm } });
    const otherRealm = await verifyPassword(password, hash, {
      scheme: 'htdigest',
      context: { user, realm: `${realm}x` },
    });
    const nearMiss = await verifyPassword(`${password}x`, hash, { scheme: 'htdigest', context: { user, realm } });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'htdigest', needsUpdate: false });
    expect([otherRealm.ok, nearMiss.ok]).toEqual([false, false]);
  });

  it.each([
    '939E7578ED9E3C518A452ACEE763BCE9',
    '939e7578edAe3c518a452acee763bce9',
    '939e7578edxe3c518a452acee763bce9',
    '939e7578ed9e3c518a452acee763bce',
    '939e7578ed9e3c518a452acee763bce9\n',
  ])('rejects %j (passlib wants 32 lower-case hex digits) with MalformedHashError', async (hash) => {
    // Act / Assess
    await expect(
      verifyPassword('Circle Of Life', hash, {
        scheme: 'htdigest',
        context: { user: 'Mufasa', realm: 'testrealm@host.com' },
      }),
    ).rejects.toBeInstanceOf(MalformedHashError);
  });

  it('throws MissingContextError without a user or a realm (passlib: TypeError), after checking the hash', async () => {
    // Prepare
    const hash = '939e7578ed9e3c518a452acee763bce9';

    // Act / Assess
    await expect(verifyPassword('Circle Of Life', hash, { scheme: 'htdigest' })).rejects.toMatchObject({
      name: 'MissingContextError',
      field: 'user',
    });
    await expect(
      verifyPassword('Circle Of Life', hash, { scheme: 'htdigest', context: { user: 'Mufasa' } }),
    ).rejects.toMatchObject({ name: 'MissingContextError', field: 'realm' });
    await expect(verifyPassword('Circle Of Life', hash, { scheme: 'htdigest' })).rejects.toBeInstanceOf(
      MissingContextError,
    );
    await expect(verifyPassword('Circle Of Life', 'not hex', { scheme: 'htdigest' })).rejects.toBeInstanceOf(
      MalformedHashError,
    );
  });

  it('identifies 32 lower-case hex digits only when allowed (hex_md5 comes first)', () => {
    // Act / Assess
    expect(identifyHash('939e7578ed9e3c518a452acee763bce9')).toBe('hex_md5');
    expect(identifyHash('939e7578ed9e3c518a452acee763bce9', { schemes: ['htdigest'] })).toBe('htdigest');
    expect(identifyHash('939E7578ED9E3C518A452ACEE763BCE9', { schemes: ['htdigest'] })).toBeUndefined();
  });
});
