import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_POLICY } from '../../../../src/constants.js';
import {
  HashPolicyError,
  identifyHash,
  MalformedHashError,
  PasswordValueError,
  verifyPassword,
} from '../../../../src/index.js';
import { djangoBcryptSha256 } from '../../../../src/schemes/bcrypt/django-bcrypt-sha256.js';
import { djangoBcrypt } from '../../../../src/schemes/bcrypt/prefixed-bcrypt.js';

const UPASS_TABLE = 't\u00e1\u0411\u2113\u0259';
/** passlib 1.7.4: bcrypt.using(rounds=4, salt="5Hg1DKFqPE8C2aflZ5vVoe").hash("correct horse") */
const BCRYPT = '$2b$04$5Hg1DKFqPE8C2aflZ5vVoexRCJLJ3d2vR/z4sBTKxfNlcqiWXlGrm';
/** passlib's BAD1: "test" with padding bits set in the last salt character ("c" for "O"). */
const BAD_SALT_2A = '$2a$04$yjDgE74RJkeqC0/1NheSScrvKeu9IbKDpcQf/Ox3qsrRS/Kw42qIS';

/** needsUpdate is known once the hash is parsed, before any hashing: costs no test could wait for. */
const djangoBcryptNeedsUpdate = (hash: string) =>
  djangoBcrypt.prepare(hash, { policy: DEFAULT_COST_POLICY }).needsUpdate;
const djangoBcryptSha256NeedsUpdate = (hash: string) =>
  djangoBcryptSha256.prepare(hash, { policy: DEFAULT_COST_POLICY }).needsUpdate;

describe('Scheme: django_bcrypt', () => {
  const verifyDjangoBcrypt = (password: string, hash: string, policy = {}) =>
    verifyPassword(password, hash, { scheme: 'django_bcrypt', policy });

  it.each([
    // passlib's tests/test_handlers_django.py.
    ['', 'bcrypt$$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.'],
    ['abcdefghijklmnopqrstuvwxyz', 'bcrypt$$2a$10$fVH8e28OQRj9tqiDXs1e1uxpsjN0c7II7YPKXua2NAKYvM6iQk7dq'],
    [UPASS_TABLE, 'bcrypt$$2a$05$Z17AXnnlpzddNUvnC6cZNOSwMA/8oNiKnHTHTwLlBijfucQQlHjaG'],
    // passlib 1.7.4: django_bcrypt.using(rounds=4, salt="5Hg1DKFqPE8C2aflZ5vVoe").hash(password)
    ['correct horse', `bcrypt$${BCRYPT}`],
    ['pässwörd😀', 'bcrypt$$2b$04$5Hg1DKFqPE8C2aflZ5vVoeCiAflXT8eXTum23dh6XBF9JhahQ.eae'],
    ['', 'bcrypt$$2b$04$5Hg1DKFqPE8C2aflZ5vVoef.VsZQs3G79.TTY/XL/7shwWML6s2Dy'],
  ])('verifies %j against %s, and refuses a near miss', async (password, hash) => {
    // Act
    const right = await verifyDjangoBcrypt(password, hash);
    const wrong = await verifyDjangoBcrypt(`${password}x`, hash);

    // Assess
    expect(right).toMatchObject({ ok: true, scheme: 'django_bcrypt' });
    expect(wrong.ok).toBe(false);
  });

  it('rejects a password with a NUL byte with PasswordValueError, as bcrypt does', async () => {
    // Act / Assess
    await expect(verifyDjangoBcrypt('correct\0horse', `bcrypt$${BCRYPT}`)).rejects.toBeInstanceOf(PasswordValueError);
  });

  it.each([
    ['$2x$', `bcrypt$${BCRYPT.replace('$2b$', '$2x$')}`],
    ['an unpadded cost', `bcrypt$${BCRYPT.replace('$04$', '$4$')}`],
    ['a missing $ after the prefix', `bcrypt${BCRYPT.slice(1)}`],
    ['an uppercase prefix', `BCRYPT$${BCRYPT}`],
    ['a trailing newline', `bcrypt$${BCRYPT}\n`],
    ['a bare bcrypt hash', BCRYPT],
  ])('rejects %s with MalformedHashError', async (_, hash) => {
    // Act / Assess
    await expect(verifyDjangoBcrypt('correct horse', hash)).rejects.toBeInstanceOf(MalformedHashError);
  });

  it('refuses cost 17 with HashPolicyError before any hashing', async () => {
    // Prepare
    const started = performance.now();

    // Act
    const attempt = verifyDjangoBcrypt('correct horse', `bcrypt$${BCRYPT.replace('$04$', '$17$')}`);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(HashPolicyError);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("follows Django's must_update: any work factor but 12, whatever the policy floor", async () => {
    // Prepare: the same hash of "correct horse" at cost 12 and 13 cannot be made cheaply; the cost field is
    // read before any hashing, so a wrong password shows needsUpdate as well as a right one.
    const atCost = (cost: string) => `bcrypt$${BCRYPT.replace('$04$', `$${cost}$`)}`;

    // Act / Assess
    await expect(verifyDjangoBcrypt('correct horse', `bcrypt$${BCRYPT}`, { bcryptMinCost: 4 })).resolves.toEqual({
      ok: true,
      scheme: 'django_bcrypt',
      needsUpdate: true,
    });
    await expect(verifyDjangoBcrypt('test', `bcrypt$${BAD_SALT_2A}`, { bcryptMinCost: 4 })).resolves.toMatchObject({
      ok: true,
      needsUpdate: true,
    });
    expect(djangoBcryptNeedsUpdate(atCost('12'))).toBe(false);
    expect(djangoBcryptNeedsUpdate(atCost('13'))).toBe(true);
  });

  it('is named by identifyHash only when a whole bcrypt hash follows bcrypt$', () => {
    // Act / Assess
    expect(identifyHash(`bcrypt$${BCRYPT}`)).toBe('django_bcrypt');
    expect(identifyHash('bcrypt$$2x$')).toBeUndefined();
    expect(identifyHash(`bcrypt$${BCRYPT.slice(0, -1)}`)).toBeUndefined();
    expect(identifyHash(`bcrypt${BCRYPT.slice(1)}`)).toBeUndefined();
  });
});

describe('Scheme: django_bcrypt_sha256', () => {
  const verifyDjangoBcryptSha256 = (password: string, hash: string, policy = {}) =>
    verifyPassword(password, hash, { scheme: 'django_bcrypt_sha256', policy });

  it.each([
    // passlib's tests/test_handlers_django.py (made by Django 1.6's hasher).
    ['', 'bcrypt_sha256$$2a$06$/3OeRpbOf8/l6nPPRdZPp.nRiyYqPobEZGdNRBWihQhiFDh1ws1tu'],
    ['l\u00e8tmein', 'bcrypt_sha256$$2a$08$NDjSAIcas.EcoxCRiArvT.MkNiPYVhrsrnJsRkLueZOoV1bsQqlmC'],
    [UPASS_TABLE, 'bcrypt_sha256$$2a$06$kCXUnRFQptGg491siDKNTu8RxjBGSjALHRuvhPYNFsa4Ea5d9M48u'],
    // passlib 1.7.4: django_bcrypt_sha256.using(rounds=4, ident=…, salt="5Hg1DKFqPE8C2aflZ5vVoe").hash(password)
    ['correct horse', 'bcrypt_sha256$$2b$04$5Hg1DKFqPE8C2aflZ5vVoehCF8CvEW.MGu2sKrJ9oARH6Y4ZKzOH2'],
    ['correct horse', 'bcrypt_sha256$$2$04$5Hg1DKFqPE8C2aflZ5vVoeeT5FYfcf7P1vcSVOM/xGwWOdxpYig.G'],
    ['pässwörd😀', 'bcrypt_sha256$$2b$04$5Hg1DKFqPE8C2aflZ5vVoeCWZc8hUYH7jVo8NGID4P0H/RtgHh1Hu'],
  ])('verifies %j against %s, and refuses a near miss', async (password, hash) => {
    // Act
    const right = await verifyDjangoBcryptSha256(password, hash);
    const wrong = await verifyDjangoBcryptSha256(`${password}x`, hash);

    // Assess
    expect(right).toMatchObject({ ok: true, scheme: 'django_bcrypt_sha256' });
    expect(wrong.ok).toBe(false);
  });

  it('uses every byte of a long password, unlike bcrypt (passlib vectors)', async () => {
    // Prepare: repeat_string("abc123", 72), then with "qwr" appended.
    const base = 'abc123'.repeat(12);
    const salt = 'bcrypt_sha256$$2a$06$Tg/oYyZTyAf.Nb3qSgN61O';

    // Act / Assess
    await expect(verifyDjangoBcryptSha256(base, `${salt}ySmyXA8FoY4PjGizjE1QSDfuL5MXNni`)).resolves.toMatchObject({
      ok: true,
    });
    await expect(
      verifyDjangoBcryptSha256(`${base}qwr`, `${salt}cy0BEz1RK6xslSNi8PlaLX2pe7x/KQG`),
    ).resolves.toMatchObject({ ok: true });
    await expect(verifyDjangoBcryptSha256(base, `${salt}cy0BEz1RK6xslSNi8PlaLX2pe7x/KQG`)).resolves.toMatchObject({
      ok: false,
    });
  });

  it('accepts a password with a NUL byte, which only reaches bcrypt through its hex digest', async () => {
    // Act / Assess
    await expect(
      verifyDjangoBcryptSha256(
        'correct\0horse',
        'bcrypt_sha256$$2b$04$5Hg1DKFqPE8C2aflZ5vVoehCF8CvEW.MGu2sKrJ9oARH6Y4ZKzOH2',
      ),
    ).resolves.toMatchObject({ ok: false });
  });

  it.each([
    // passlib's known_malformed_hashers: data in the Django salt field.
    ['data between the two $', 'bcrypt_sha256$xyz$2a$06$/3OeRpbOf8/l6nPPRdZPp.nRiyYqPobEZGdNRBWihQhiFDh1ws1tu'],
    ['a missing $ before the bcrypt ident', `bcrypt_sha256$${BCRYPT.slice(1)}`],
    ['$2x$', `bcrypt_sha256$${BCRYPT.replace('$2b$', '$2x$')}`],
    ['an unknown ident', `bcrypt_sha256$${BCRYPT.replace('$2b$', '$2z$')}`],
    ['cost 32', `bcrypt_sha256$${BCRYPT.replace('$04$', '$32$')}`],
    ['a trailing newline', `bcrypt_sha256$${BCRYPT}\n`],
    ['the bare prefix', 'bcrypt_sha256$'],
    ['a bare bcrypt hash', BCRYPT],
  ])('rejects %s with MalformedHashError', async (_, hash) => {
    // Act / Assess
    await expect(verifyDjangoBcryptSha256('correct horse', hash)).rejects.toBeInstanceOf(MalformedHashError);
  });

  it('refuses cost 17 with HashPolicyError before any hashing', async () => {
    // Prepare
    const started = performance.now();

    // Act
    const attempt = verifyDjangoBcryptSha256('correct horse', `bcrypt_sha256$${BCRYPT.replace('$04$', '$17$')}`);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(HashPolicyError);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("reports Django's must_update: a work factor other than 12, whatever the policy floor or padding", async () => {
    // Prepare: a Django hash of "test" carrying passlib's bad-padding salt (no real password matches).
    const badSalt = `bcrypt_sha256$${BAD_SALT_2A}`;

    // Act / Assess
    await expect(verifyDjangoBcryptSha256('test', badSalt, { bcryptMinCost: 4 })).resolves.toMatchObject({
      needsUpdate: true,
    });
    expect(djangoBcryptSha256NeedsUpdate(badSalt.replace('$04$', '$12$'))).toBe(false);
  });

  it('is named by identifyHash only when a whole bcrypt hash follows the prefix', () => {
    // Act / Assess
    expect(identifyHash(`bcrypt_sha256$${BCRYPT}`)).toBe('django_bcrypt_sha256');
    expect(identifyHash('bcrypt_sha256$xyz')).toBeUndefined();
  });
});
