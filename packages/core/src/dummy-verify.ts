import { randomBytes } from 'node:crypto';
import { findScheme } from './registry.js';
import type { SchemeName } from './scheme-names.js';
import type { CostPolicy } from './types/policy.js';
import { verifyPassword } from './verify-password.js';

/**
 * Hashes of throwaway random passwords, made by passlib 1.7.4 at its default cost for each scheme.
 * Verifying against them costs what a real verify of that scheme costs, and can never succeed.
 */
const DUMMY_HASHES: Partial<Record<SchemeName, string>> = {
  bcrypt: '$2b$12$LuUyD5ab9dKRrO77WMnkpuUMeVt5AnNMQn7.xdQRvmk4D9u7Ejrnm',
  bcrypt_sha256: '$bcrypt-sha256$v=2,t=2b,r=12$E4wF1L18ljFhqahL8tgySe$wiNjLRc..FJ9ZpoEF9WtxUXrLECStZy',
  argon2: '$argon2id$v=19$m=65536,t=3,p=4$0Lq3lhJC6D3H2BsDAACAsA$nFvF9Y7ikK8R1yQvOQhZew/t75OaIJCXNuHqbAzCHYk',
  pbkdf2_sha1: '$pbkdf2$131000$lBIiBOA8Z6yV0hqD0PofYw$aVUeQUBrTTNzGx.qDvjA1vxGVzg',
  pbkdf2_sha256: '$pbkdf2-sha256$29000$5zxH6J1Tai1lzPn/31vrXQ$OcOdd4tPWr5LFdDaI.MIyinE/WbyhkEAkA2Dfv4IZe4',
  pbkdf2_sha512:
    '$pbkdf2-sha512$25000$qZXSuvfeu/d.r1VqrXVubQ$GT03dKwUiXcgPVWG5RTBdZ.14Am3v98pAZbH9hiiMOq/FYB1Al1GGTgPL8C4x.CV0uUzzUfLCTfAQ8RKTFSbOg',
  django_pbkdf2_sha256: 'pbkdf2_sha256$29000$94D8CZwNaWSl$HfrR4NjSXu7Y2hh6/dBuS9231ACLk8armEdstbaUNEg=',
  sha256_crypt: '$5$rounds=535000$18p3WPoYJRmXn/eK$3rkcShSDOlsicM58mgqnDZtbG3CaiESmNXWk0q6li25',
  sha512_crypt:
    '$6$rounds=656000$JzJlMXqUOPxz/vvB$op85WYQIbWqnWed8pRCAV8KOoIpSeFmt8PlQ/97dP6r7vT0VvxCWvebFT.49kqyQIQrmx8YgkWRbi70OOhu9T/',
  scrypt: '$scrypt$ln=16,r=8,p=1$wrjXOqd0Tinl3LvXWksJYQ$8EPKq+gFeT4CIojZHl3H362IiZ5C3lqUxY0hatjjHFA',
  md5_crypt: '$1$o6tiL.tM$hyLvfcqVxQo57FNDeXjJx.',
  phpass: '$P$HkHYwhwgM8IkT3Qe88UXjwlOImpHVr1',
};

interface DummyVerifyOptions {
  /** The scheme whose cost to spend; the one most of your users' hashes use. Default: bcrypt. */
  readonly scheme?: SchemeName;
  readonly policy?: Partial<CostPolicy>;
}

/**
 * Spends the time of one real verify and answers `false`. Call it for a user who does not exist, so that
 * "no such user" and "wrong password" take the same time and nobody can tell them apart.
 *
 * @example
 * ```ts
 * const staged = await store.get(email);
 * const ok = staged === undefined ? await dummyVerify({ scheme: 'bcrypt' }) : (await verifyPassword(pw, staged.hash)).ok;
 * ```
 */
const dummyVerify = async (options: DummyVerifyOptions = {}): Promise<false> => {
  const wanted = options.scheme ?? 'bcrypt';
  const scheme = DUMMY_HASHES[wanted] !== undefined && findScheme(wanted) !== undefined ? wanted : 'bcrypt';
  const hash = DUMMY_HASHES[scheme] ?? '';
  await verifyPassword(randomBytes(18).toString('base64url'), hash, {
    scheme,
    ...(options.policy === undefined ? {} : { policy: options.policy }),
  });
  return false;
};

export type { DummyVerifyOptions };
export { DUMMY_HASHES, dummyVerify };
