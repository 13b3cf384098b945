import { describe, expect, it } from 'vitest';
import {
  identifyHash,
  MalformedHashError,
  PasswordValueError,
  type SchemeName,
  verifyPassword,
} from '../../../../src/index.js';

const UNICODE = 'Zoë ☃ 密码 😀';
/** 175 UTF-8 bytes: several blocks per round. */
const LONG = `correct horse battery staple, then a much longer tail: ${'é'.repeat(40)}${'😀'.repeat(10)}`;

/** Made with passlib 1.7.4 (`md5_crypt.using(salt=…).hash(password)`), and from passlib's own tests (JTR, Apache). */
const KNOWN: readonly { scheme: SchemeName; password: string; hash: string }[] = [
  { scheme: 'md5_crypt', password: 'correct horse', hash: '$1$hbMd5Slt$NPdgd7mIxGoxbVelzU1hh1' },
  { scheme: 'md5_crypt', password: UNICODE, hash: '$1$hbMd5Slt$DTpiOLKUSPdCmA/f6flhe1' },
  { scheme: 'md5_crypt', password: '', hash: '$1$hbMd5Slt$0smyU6KnQS2DIrtN06E550' },
  { scheme: 'md5_crypt', password: 'correct horse', hash: '$1$$IfI/mw4YSCwcQoW.D.DSu1' },
  { scheme: 'md5_crypt', password: 'U*U*U*U*', hash: '$1$dXc3I7Rw$ctlgjDdWJLMT.qwHsWhXR1' },
  { scheme: 'md5_crypt', password: LONG, hash: '$1$hbLong$75MDqsgONksvHsCLX1Vva.' },
  { scheme: 'apr_md5_crypt', password: 'correct horse', hash: '$apr1$hbAprSlt$0XtnJ1Z4ZkicWxQPPy0RC1' },
  { scheme: 'apr_md5_crypt', password: UNICODE, hash: '$apr1$hbAprSlt$vcVph7WBXPI7VVh603LXR1' },
  { scheme: 'apr_md5_crypt', password: '', hash: '$apr1$hbAprSlt$kKksWD03t6nYMDe42jv/C1' },
  { scheme: 'apr_md5_crypt', password: 'myPassword', hash: '$apr1$r31.....$HqJZimcKQFAMYayBlzkrA/' },
  { scheme: 'ldap_md5_crypt', password: 'correct horse', hash: '{CRYPT}$1$hbLdapMd$O8ek5TGpK/rfx.DAJqA.P1' },
  { scheme: 'ldap_md5_crypt', password: UNICODE, hash: '{CRYPT}$1$hbLdapMd$Su9r7duWdJwQ9trxRFWa5.' },
  { scheme: 'ldap_md5_crypt', password: '', hash: '{CRYPT}$1$hbLdapMd$BdoN78EU2JgyOSyH6PcS71' },
];

const MD5 = '$1$hbMd5Slt$NPdgd7mIxGoxbVelzU1hh1';

describe('Scheme: md5_crypt, apr_md5_crypt and ldap_md5_crypt', () => {
  it.each(KNOWN)('$scheme verifies the right password for $hash', async ({ scheme, password, hash }) => {
    // Act
    const result = await verifyPassword(password, hash);

    // Assess
    expect(result).toEqual({ ok: true, scheme, needsUpdate: false });
  });

  it.each(KNOWN)('$scheme refuses a wrong password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(`${password}x`, hash);

    // Assess
    expect(result.ok).toBe(false);
  });

  it.each([
    ['md5_crypt', '$1$longpass$kFVemsIuzK5wUcTg8.qfZ1'],
    ['apr_md5_crypt', '$apr1$longpass$MATSQ62FaRx28bKhulyib.'],
  ] as const)('%s verifies the longest password passlib takes: 4096 four-byte characters', async (scheme, hash) => {
    // Prepare: 16384 UTF-8 bytes (U+1D11E); made with passlib 1.7.4.
    const password = '\u{1D11E}'.repeat(4096);

    // Act
    const right = await verifyPassword(password, hash);
    const wrong = await verifyPassword(`${'\u{1D11E}'.repeat(4095)}x`, hash);

    // Assess
    expect(right).toEqual({ ok: true, scheme, needsUpdate: false });
    expect(wrong.ok).toBe(false);
  });

  it('identifies each by its prefix', () => {
    // Act & Assess
    expect(KNOWN.map(({ hash }) => identifyHash(hash))).toEqual(KNOWN.map(({ scheme }) => scheme));
  });

  it('hashes the ident: the same salt and checksum under $apr1$ does not verify', async () => {
    // Act
    const result = await verifyPassword('correct horse', MD5.replace('$1$', '$apr1$'));

    // Assess
    expect(result).toMatchObject({ ok: false, scheme: 'apr_md5_crypt' });
  });

  it.each([
    ['a bad character in the checksum', '$1$dOHYPKoP$tnxS1T8Q6VVn3kpV8cN6o!'],
    ['too many fields', '$1$dOHYPKoP$tnxS1T8Q6VVn3kpV8cN6o.$'],
    ['a salt of 9 characters', MD5.replace('hbMd5Slt', 'hbMd5Slt9')],
    ['a bad character in the salt', MD5.replace('hbMd5', 'hb_d5')],
    ['a checksum one character short', MD5.slice(0, -1)],
    ['a checksum one character long', `${MD5}1`],
    ['no checksum (a configuration string)', '$1$hbMd5Slt'],
    ['an empty checksum', '$1$hbMd5Slt$'],
    ['nothing after the ident', '$1$'],
    ['a leading space', ` ${MD5}`],
  ])('rejects md5_crypt with %s with MalformedHashError', async (_case, hash) => {
    // Act & Assess
    await expect(verifyPassword('correct horse', hash, { scheme: 'md5_crypt' })).rejects.toBeInstanceOf(
      MalformedHashError,
    );
  });

  it.each([
    ['apr_md5_crypt', '$apr1$r31.....$HqJZimcKQFAMYayBlzkrA!'],
    ['apr_md5_crypt', '$1$hbMd5Slt$NPdgd7mIxGoxbVelzU1hh1'],
    ['ldap_md5_crypt', '{CRYPT}$1$dOHYPKoP$tnxS1T8Q6VVn3kpV8cN6o!'],
    ['ldap_md5_crypt', '{crypt}$1$hbLdapMd$O8ek5TGpK/rfx.DAJqA.P1'],
    ['ldap_md5_crypt', '{CRYPT}$apr1$hbAprSlt$0XtnJ1Z4ZkicWxQPPy0RC1'],
  ] as const)('rejects %s %s with MalformedHashError', async (scheme, hash) => {
    // Act & Assess
    await expect(verifyPassword('correct horse', hash, { scheme })).rejects.toBeInstanceOf(MalformedHashError);
  });

  it.each(['md5_crypt', 'apr_md5_crypt'] as const)(
    '%s refuses a password with a NUL byte with PasswordValueError',
    async (scheme) => {
      // Prepare
      const hash = KNOWN.find((known) => known.scheme === scheme)?.hash ?? '';

      // Act & Assess
      await expect(verifyPassword('correct\0horse', hash)).rejects.toBeInstanceOf(PasswordValueError);
    },
  );
});
