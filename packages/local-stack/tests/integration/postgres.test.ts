import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

describe('Service: PostgreSQL', () => {
  const env = inject('stackEnv');
  const client = new pg.Client({ connectionString: env.DATABASE_URL ?? '' });

  beforeAll(async () => {
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });

  it('is a real PostgreSQL server', async () => {
    // Act
    const { rows } = await client.query<{ version: string }>('SELECT version()');

    // Assess
    expect(rows[0]?.version).toMatch(/^PostgreSQL \d+/);
  });

  it('round-trips rows through SQL, Unicode included', async () => {
    // Prepare
    await client.query('CREATE TEMP TABLE smoke_users (id bigserial PRIMARY KEY, email text NOT NULL, profile jsonb)');

    // Act
    await client.query('INSERT INTO smoke_users (email, profile) VALUES ($1, $2), ($3, $4)', [
      'ada@example.com',
      { name: 'Ada' },
      'zoë@example.com',
      { name: 'Zoë' },
    ]);
    const { rows } = await client.query('SELECT email, profile FROM smoke_users ORDER BY id');

    // Assess
    expect(rows).toEqual([
      { email: 'ada@example.com', profile: { name: 'Ada' } },
      { email: 'zoë@example.com', profile: { name: 'Zoë' } },
    ]);
  });
});
