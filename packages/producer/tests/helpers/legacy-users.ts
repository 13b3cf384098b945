import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PASSLIB_VECTORS_FILE } from '@hashbridge/testing';
import pg from 'pg';

/** The schemes of `PASSLIB_HASHES`, in the same order. */
const PASSLIB_SCHEMES = [
  'bcrypt',
  'argon2',
  'pbkdf2_sha256',
  'sha512_crypt',
  'django_pbkdf2_sha256',
  'phpass',
  'md5_crypt',
] as const;

/** The known-answer vector each `PASSLIB_HASHES` entry comes from: its password, and whether it matches. */
const PASSLIB_VECTORS: readonly { hash: string; password: string; expected: boolean }[] = (() => {
  const { vectors } = JSON.parse(readFileSync(PASSLIB_VECTORS_FILE, 'utf8')) as {
    vectors: { scheme: string; hash: string; password: string; expected: boolean }[];
  };
  return PASSLIB_SCHEMES.map(
    (scheme) => vectors.find((vector) => vector.scheme === scheme) ?? { hash: '', password: '', expected: false },
  );
})();

/** Real passlib hashes of several schemes (from @hashbridge/core's known-answer vectors), reused across users. */
const PASSLIB_HASHES: readonly string[] = PASSLIB_VECTORS.map((vector) => vector.hash);

interface SeededUser {
  readonly id: number;
  readonly email: string;
  readonly hash: string;
  readonly profile: Record<string, unknown> | null;
  readonly updatedAt: Date;
}

/** Rows the producer must refuse, each for a different reason. */
const BAD_ROWS = [
  { email: null, hash: PASSLIB_HASHES[0], reason: 'invalid-email' },
  { email: 'not an email', hash: PASSLIB_HASHES[0], reason: 'invalid-email' },
  { email: 'empty-hash@example.com', hash: '', reason: 'invalid-hash' },
  { email: 'garbage-hash@example.com', hash: 'not-a-hash', reason: 'unidentified' },
  // A bcrypt prefix and a cut hash: the producer finds it now, not the user at sign-in.
  { email: 'cut-hash@example.com', hash: '$2b$12$GhvMmNVjRW29ulnudl', reason: 'unidentified' },
  { email: 'Twin@Example.com', hash: PASSLIB_HASHES[1], reason: 'email-collision' },
  { email: ' twin@example.com', hash: PASSLIB_HASHES[2], reason: 'email-collision' },
] as const;

/**
 * Creates a legacy users table (unique name) in the stack's PostgreSQL with `count` good users whose hashes
 * span several schemes, plus the bad rows above, all in the default column layout.
 */
const seedLegacyUsers = async (databaseUrl: string, count: number, { withBadRows = true } = {}) => {
  const table = `users_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `CREATE TABLE ${table} (id bigserial PRIMARY KEY, email text, password_hash text, profile jsonb, updated_at timestamptz)`,
    );
    await client.query(
      `INSERT INTO ${table} (email, password_hash, profile, updated_at)
       SELECT 'User' || i || '@Example.com', ($1::text[])[1 + i % array_length($1::text[], 1)],
              CASE WHEN i % 3 = 0 THEN NULL ELSE jsonb_build_object('given_name', 'User ' || i) END,
              timestamptz '2024-01-01' + i * interval '1 second'
       FROM generate_series(1, $2::int) AS i`,
      [PASSLIB_HASHES, count],
    );
    if (withBadRows) {
      for (const row of BAD_ROWS) {
        await client.query(`INSERT INTO ${table} (email, password_hash, updated_at) VALUES ($1, $2, now())`, [
          row.email,
          row.hash,
        ]);
      }
    }
    const { rows } = await client.query<SeededUser>(
      `SELECT id::int, email, password_hash AS hash, profile, updated_at AS "updatedAt" FROM ${table} ORDER BY id`,
    );
    return { table, rows };
  } finally {
    await client.end();
  }
};

export type { SeededUser };
export { BAD_ROWS, PASSLIB_HASHES, PASSLIB_SCHEMES, PASSLIB_VECTORS, seedLegacyUsers };
