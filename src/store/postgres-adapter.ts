import { EventEmitter } from 'node:events';
import type pg from 'pg';

/**
 * Keyv's store on a pg pool the bot owns. @keyv/postgres keeps one module-wide pool with no 'error' listener, so a
 * PostgreSQL restart (an idle connection closed by the server) is an unhandled error that ends the process; it also
 * cannot share its pool with the digest claims. This adapter reads and writes the same table as @keyv/postgres
 * (`keyv`, key and value), so settings kept there before are found again.
 */
export class PostgresAdapter extends EventEmitter {
  readonly opts = { dialect: 'postgres' };
  namespace?: string;
  private readonly ready: Promise<void>;

  constructor(private readonly pool: pg.Pool) {
    super();
    this.ready = pool.query('CREATE TABLE IF NOT EXISTS keyv (key VARCHAR(255) PRIMARY KEY, value TEXT)').then(
      () => undefined,
      // Two processes creating the table at once: the loser's unique violation means it exists.
      (e: Error & { code?: string }) => {
        if (e.code !== '23505' && e.code !== '42P07') throw e;
      },
    );
  }

  private async query<T extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<pg.QueryResult<T>> {
    await this.ready;
    return this.pool.query<T>(sql, values);
  }

  async get(key: string): Promise<string | undefined> {
    const { rows } = await this.query<{ value: string }>('SELECT value FROM keyv WHERE key = $1', [key]);
    return rows[0]?.value;
  }

  async getMany(keys: string[]): Promise<Array<string | undefined>> {
    const { rows } = await this.query<{ key: string; value: string }>('SELECT key, value FROM keyv WHERE key = ANY($1)', [keys]);
    const byKey = new Map(rows.map((r) => [r.key, r.value]));
    return keys.map((k) => byKey.get(k));
  }

  async set(key: string, value: string): Promise<boolean> {
    await this.query('INSERT INTO keyv (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
    return true;
  }

  async delete(key: string): Promise<boolean> {
    const { rowCount } = await this.query('DELETE FROM keyv WHERE key = $1', [key]);
    return (rowCount ?? 0) > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    const { rowCount } = await this.query('DELETE FROM keyv WHERE key = ANY($1)', [keys]);
    return (rowCount ?? 0) > 0;
  }

  async has(key: string): Promise<boolean> {
    const { rows } = await this.query('SELECT 1 FROM keyv WHERE key = $1', [key]);
    return rows.length > 0;
  }

  async clear(): Promise<void> {
    await this.query("DELETE FROM keyv WHERE key LIKE $1 ESCAPE '\\'", [`${(this.namespace ?? '').replace(/[\\%_]/g, '\\$&')}:%`]);
  }

  async disconnect(): Promise<void> {
    await this.pool.end();
  }
}
