import type { LegacySourceRow, LegacyUserSource } from '@hashbridge/core';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { SourceReadError } from '../errors.js';

/**
 * Where the legacy users are: a table and its columns, or the operator's own SELECT whose columns carry the
 * mapped names; optionally one shard of N.
 */
interface PostgresSourceSettings {
  readonly table: string;
  readonly idColumn: string;
  readonly emailColumn: string;
  readonly hashColumn: string;
  /** jsonb (arrives parsed) or text holding JSON; may be null. */
  readonly profileColumn: string;
  /** A timestamp: a later export of a user supersedes an earlier one. */
  readonly versionColumn: string;
  readonly query?: string | undefined;
  /** A boolean column, true for an account the legacy application has disabled; none by default. */
  readonly disabledColumn?: string | undefined;
  readonly shard?: { readonly index: number; readonly count: number } | undefined;
}

const ident = (name: string): string => pg.escapeIdentifier(name);

/**
 * The rows to export as `(id, email, hash, profile, version, disabled)`, from the table or the operator's
 * query. `disabled` is NULL without a disabled column: the source does not say.
 */
const baseRelation = (settings: PostgresSourceSettings): string => {
  const source = settings.query === undefined ? ident(settings.table) : `(${settings.query})`;
  const disabled =
    settings.disabledColumn === undefined ? 'NULL::boolean' : `${ident(settings.disabledColumn)}::boolean`;
  return `SELECT ${ident(settings.idColumn)} AS id, ${ident(settings.emailColumn)} AS email,
      ${ident(settings.hashColumn)} AS hash, ${ident(settings.profileColumn)} AS profile,
      ${ident(settings.versionColumn)} AS updated_at, ${disabled} AS disabled
    FROM ${source} AS legacy`;
};

/** Rows of this shard only: a stable hash of the id, so every run splits the table the same way. */
const shardFilter = (settings: PostgresSourceSettings): string =>
  settings.shard === undefined
    ? 'TRUE'
    : `mod(abs(hashtext(id::text)), ${settings.shard.count}) = ${settings.shard.index}`;

/**
 * Reads the legacy users in keyset order (by id, after the checkpoint) inside one REPEATABLE READ, READ ONLY
 * transaction, so the whole export sees one consistent snapshot, however long it runs. Emails that collide
 * once normalised are found first, in the same snapshot, by one GROUP BY; only the colliding ones are kept in
 * memory (a handful in real data), so the cursor itself is a plain scan in id order that starts at once.
 */
class PostgresUserSource implements LegacyUserSource {
  readonly #client: pg.Client;
  readonly #settings: PostgresSourceSettings;

  private constructor(client: pg.Client, settings: PostgresSourceSettings) {
    this.#client = client;
    this.#settings = settings;
  }

  /** Connects, opens the snapshot and finds colliding emails; throws `SourceReadError` saying why it could not. */
  public static async open(databaseUrl: string, settings: PostgresSourceSettings): Promise<PostgresUserSource> {
    const client = new pg.Client({ connectionString: databaseUrl, application_name: 'hashbridge-producer' });
    try {
      await client.connect();
      // JIT compiling pays off for long analytic queries, not for a cursor read in batches: it only adds up to
      // a second of compiling before the first row.
      await client.query('SET jit = off');
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const source = new PostgresUserSource(client, settings);
      await source.#detectIdType();
      await source.#findCollisions();
      return source;
    } catch (error) {
      // A missing table or column, say: close the connection, or it keeps the process alive after the error.
      await client.end().catch(() => undefined);
      throw new SourceReadError(
        `cannot read the legacy users (${error instanceof Error ? error.message : String(error)})`,
        { cause: error },
      );
    }
  }

  /** Normalised emails (SQL `lower(btrim(…))`) that more than one row of the whole source has. */
  #collisions = new Set<string>();

  async #findCollisions(): Promise<void> {
    const { rows } = await this.#client.query<{ normalised: string }>(
      `${this.#relation()}
      SELECT lower(btrim(email::text)) AS normalised FROM source
      WHERE email IS NOT NULL GROUP BY 1 HAVING count(*) > 1`,
    );
    this.#collisions = new Set(rows.map((row) => row.normalised));
  }

  /** The id column's SQL type, so keyset and order use it natively (and its index), not its text form. */
  #idType = 'text';

  async #detectIdType(): Promise<void> {
    const { rows } = await this.#client.query<{ type: string }>(
      `SELECT pg_typeof(id)::text AS type FROM (${baseRelation(this.#settings)}) AS probe LIMIT 1`,
    );
    const type = rows[0]?.type;
    // Only plain type names are trusted into the SQL text; anything else keeps the text ordering.
    if (type !== undefined && /^[a-z][a-z0-9 _]*$/.test(type)) this.#idType = type;
  }

  #relation(): string {
    return `WITH source AS NOT MATERIALIZED (${baseRelation(this.#settings)}),
      shard AS NOT MATERIALIZED (SELECT * FROM source WHERE ${shardFilter(this.#settings)})`;
  }

  /** Rows left after `afterId` (all rows when undefined), for the progress bar's total. */
  public async count(afterId: string | undefined): Promise<number> {
    const { rows } = await this.#client.query<{ n: string }>(
      `${this.#relation()} SELECT count(*) AS n FROM shard WHERE $1::text IS NULL OR id > $1::text::${this.#idType}`,
      [afterId ?? null],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Batches of at most `batchSize` rows, ordered by id, strictly after `afterId`. */
  public async *batches(afterId: string | undefined, batchSize: number): AsyncGenerator<LegacySourceRow[]> {
    // Only a source with collisions needs each row's normalised email; the others are spared computing,
    // sending and parsing it for every row.
    const normalised = this.#collisions.size > 0 ? 'lower(btrim(shard.email::text))' : 'NULL::text';
    const cursor = this.#client.query(
      new Cursor(
        `${this.#relation()}
        SELECT shard.id::text AS id, shard.email, shard.hash, shard.profile,
          COALESCE(floor(extract(epoch FROM shard.updated_at) * 1000000)::bigint, 0)::text AS version,
          ${normalised} AS normalised, shard.disabled
        FROM shard
        WHERE $1::text IS NULL OR shard.id > $1::text::${this.#idType}
        -- Qualified: a bare "id" would be the text column of the select list, sorting in another order.
        ORDER BY shard.id`,
        [afterId ?? null],
        // Arrays, not objects: one allocation less per row, on the thread that is the producer's bottleneck.
        { rowMode: 'array' },
      ),
    );
    try {
      for (;;) {
        const rows = await cursor.read(batchSize);
        if (rows.length === 0) return;
        yield rows.map(
          ([id, email, hash, profile, version, normalised, disabled]: unknown[]): LegacySourceRow => ({
            id: id as string,
            email,
            hash,
            profile,
            version: Number(version),
            collides: typeof normalised === 'string' && this.#collisions.has(normalised),
            ...(disabled === null ? {} : { disabled: disabled === true }),
          }),
        );
      }
    } finally {
      await cursor.close();
    }
  }

  public async close(): Promise<void> {
    await this.#client.query('COMMIT').catch(() => {});
    await this.#client.end();
  }
}

export type { PostgresSourceSettings };
export { PostgresUserSource };
