import { describe, expect, it } from 'vitest';
import { identifyHash, MalformedHashError, verifyPassword } from '../../../../src/index.js';

const UNICODE = 'Zoë ☃ 密码 😀';

describe('Scheme: plaintext', () => {
  it.each(['', 'password', UNICODE, 'pass\0word'])('matches the password %j stored as itself', async (password) => {
    // Act
    const result = await verifyPassword(password, password, { scheme: 'plaintext' });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'plaintext', needsUpdate: false });
  });

  it('refuses anything but the exact string (case, trailing newline)', async () => {
    // Act
    const answers = await Promise.all(
      ['PASSWORD', 'password\n', 'passwordx', ''].map(
        async (hash) => (await verifyPassword('password', hash, { scheme: 'plaintext' })).ok,
      ),
    );

    // Assess
    expect(answers).toEqual([false, false, false, false]);
  });

  it('compares the password as Python receives it: a lone surrogate is U+FFFD, the stored string is as it is', async () => {
    // Act
    const replaced = await verifyPassword('\ud800', '\ufffd', { scheme: 'plaintext' });
    const lone = await verifyPassword('\ud800', '\ud800', { scheme: 'plaintext' });

    // Assess
    expect([replaced.ok, lone.ok]).toEqual([true, false]);
  });

  it('never takes part in default identification, only when named', () => {
    // Act / Assess
    expect(identifyHash('hunter2')).toBeUndefined();
    expect(identifyHash('hunter2', { schemes: ['plaintext'] })).toBe('plaintext');
    expect(identifyHash('', { schemes: ['plaintext'] })).toBe('plaintext');
  });
});

describe('Scheme: ldap_plaintext', () => {
  it.each(['password', UNICODE, '{}bar', '{F-O}bar', '{FOO}a\nb', '\n{FOO}a'])(
    'matches %j, which passlib does not take for an RFC 2307 {SCHEME} value',
    async (password) => {
      // Act
      const result = await verifyPassword(password, password, { scheme: 'ldap_plaintext' });

      // Assess
      expect(result).toEqual({ ok: true, scheme: 'ldap_plaintext', needsUpdate: false });
    },
  );

  it.each(['', '{FOO}bar', '{FOO}', '{FOO}\n', '{F_1}a', '{FÖO}a', '{SSHA}abc'])(
    'rejects %j (empty or {SCHEME}-prefixed) with MalformedHashError',
    async (hash) => {
      // Act / Assess
      await expect(verifyPassword(hash, hash, { scheme: 'ldap_plaintext' })).rejects.toBeInstanceOf(MalformedHashError);
    },
  );

  it('identifies only when named, and never a {SCHEME} value', () => {
    // Act / Assess
    expect(identifyHash('password', { schemes: ['ldap_plaintext'] })).toBe('ldap_plaintext');
    expect(identifyHash('{MD5}X03MO1qnZdYdgyfeuILPmQ==', { schemes: ['ldap_plaintext'] })).toBeUndefined();
    expect(identifyHash('password')).toBeUndefined();
  });
});

describe('Scheme: roundup_plaintext', () => {
  it.each(['', 'sekrit', UNICODE])('matches {plaintext}%s', async (password) => {
    // Act
    const result = await verifyPassword(password, `{plaintext}${password}`, { scheme: 'roundup_plaintext' });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'roundup_plaintext', needsUpdate: false });
  });

  it('refuses a near miss', async () => {
    // Act
    const result = await verifyPassword('xsekrit', '{plaintext}sekrit', { scheme: 'roundup_plaintext' });

    // Assess
    expect(result.ok).toBe(false);
  });

  it.each(['', 'sekrit', '{PLAINTEXT}sekrit', ' {plaintext}sekrit'])(
    'rejects %j (prefix missing or in another case) with MalformedHashError',
    async (hash) => {
      // Act / Assess
      await expect(verifyPassword('sekrit', hash, { scheme: 'roundup_plaintext' })).rejects.toBeInstanceOf(
        MalformedHashError,
      );
    },
  );

  it('identifies only when named', () => {
    // Act / Assess
    expect(identifyHash('{plaintext}sekrit')).toBeUndefined();
    expect(identifyHash('{plaintext}sekrit', { schemes: ['roundup_plaintext'] })).toBe('roundup_plaintext');
  });
});

describe('Scheme: unix_disabled', () => {
  it.each(['', '!', '*', '!$1$abc$def', '*LK*'])('recognises %j and rejects every password', async (hash) => {
    // Act
    const answers = await Promise.all(
      ['', '!', hash, 'password'].map(async (password) => verifyPassword(password, hash, { scheme: 'unix_disabled' })),
    );

    // Assess
    expect(answers.every((answer) => !answer.ok && answer.scheme === 'unix_disabled' && !answer.needsUpdate)).toBe(
      true,
    );
  });

  it.each(['abc', '$1$xxx', '{SHA}xxx', ' !'])(
    'rejects %j (not a disabled marker) with MalformedHashError',
    async (hash) => {
      // Act / Assess
      await expect(verifyPassword('password', hash, { scheme: 'unix_disabled' })).rejects.toBeInstanceOf(
        MalformedHashError,
      );
    },
  );

  it('identifies only when named', () => {
    // Act / Assess
    expect(identifyHash('!')).toBeUndefined();
    expect(identifyHash('!', { schemes: ['unix_disabled'] })).toBe('unix_disabled');
    expect(identifyHash('', { schemes: ['unix_disabled'] })).toBe('unix_disabled');
  });
});

describe('Scheme: django_disabled', () => {
  it.each(['!', '!CzhGQcJgMBTOv8mLb7iVWEskDv06OLLSvtyGaMHL'])(
    'recognises %j and rejects every password',
    async (hash) => {
      // Act
      const answers = await Promise.all(
        ['', '!', hash, 'password'].map(
          async (password) => (await verifyPassword(password, hash, { scheme: 'django_disabled' })).ok,
        ),
      );

      // Assess
      expect(answers).toEqual([false, false, false, false]);
    },
  );

  it.each(['', '*', 'abc', ' !'])('rejects %j with MalformedHashError', async (hash) => {
    // Act / Assess
    await expect(verifyPassword('password', hash, { scheme: 'django_disabled' })).rejects.toBeInstanceOf(
      MalformedHashError,
    );
  });

  it('identifies only when named', () => {
    // Act / Assess
    expect(identifyHash('!CzhGQcJgMBTOv8mLb7iVWEskDv06OLLSvtyGaMHL')).toBeUndefined();
    expect(identifyHash('!x', { schemes: ['django_disabled'] })).toBe('django_disabled');
  });
});
