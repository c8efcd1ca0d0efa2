import type pg from 'pg';
import { STALE_CLAIM_MS, type ClaimOptions, type ClaimResult, type ClaimRow, type ClaimStatus, type DigestClaims } from './claims.ts';

interface Row {
  guild: string;
  day: string;
  owner: string;
  claimed_at: string;
  message_id: string | null;
  status: string;
  detail: string | null;
}

const toClaim = (r: Row): ClaimRow => ({
  guild: r.guild,
  day: r.day,
  owner: r.owner,
  claimedAt: Number(r.claimed_at),
  messageId: r.message_id,
  status: r.status as ClaimStatus,
  detail: r.detail,
});

/**
 * The claims in a PostgreSQL table that every bot process shares: `INSERT … ON CONFLICT DO NOTHING` wins a day for
 * exactly one process, and a stale claim is taken over by an UPDATE that matches its old claim time.
 */
export class PostgresClaims implements DigestClaims {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly staleAfterMs: number,
  ) {}

  static async open(pool: pg.Pool, options: ClaimOptions = {}): Promise<PostgresClaims> {
    await pool
      .query(
        `CREATE TABLE IF NOT EXISTS lectern_digest_claims (
          guild TEXT NOT NULL, day TEXT NOT NULL, owner TEXT NOT NULL, claimed_at BIGINT NOT NULL,
          message_id TEXT, status TEXT NOT NULL, detail TEXT, PRIMARY KEY (guild, day))`,
      )
      .catch((e: Error & { code?: string }) => {
        // Two processes starting at once: the loser of the race to create the table finds it made.
        if (e.code !== '23505' && e.code !== '42P07') throw e;
      });
    return new PostgresClaims(pool, options.staleAfterMs ?? STALE_CLAIM_MS);
  }

  async get(guild: string, day: string): Promise<ClaimRow | null> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM lectern_digest_claims WHERE guild = $1 AND day = $2', [guild, day]);
    return rows[0] ? toClaim(rows[0]) : null;
  }

  async claim(guild: string, day: string, owner: string, now: number): Promise<ClaimResult> {
    const inserted = await this.pool.query(
      `INSERT INTO lectern_digest_claims (guild, day, owner, claimed_at, status) VALUES ($1, $2, $3, $4, 'claimed') ON CONFLICT (guild, day) DO NOTHING`,
      [guild, day, owner, now],
    );
    if (inserted.rowCount === 1) return { won: true, recovered: false };
    const row = await this.get(guild, day);
    if (!row) return this.claim(guild, day, owner, now);
    if (row.status === 'claimed' && now - row.claimedAt >= this.staleAfterMs) {
      const taken = await this.pool.query(
        `UPDATE lectern_digest_claims SET owner = $1, claimed_at = $2 WHERE guild = $3 AND day = $4 AND status = 'claimed' AND claimed_at = $5`,
        [owner, now, guild, day, row.claimedAt],
      );
      if (taken.rowCount === 1) return { won: true, recovered: true };
    }
    return { won: false, row: (await this.get(guild, day)) ?? row };
  }

  async markPosted(guild: string, day: string, messageId: string): Promise<void> {
    await this.pool.query(`UPDATE lectern_digest_claims SET status = 'posted', message_id = $1, detail = NULL WHERE guild = $2 AND day = $3`, [messageId, guild, day]);
  }

  async markFailed(guild: string, day: string, detail: string): Promise<void> {
    await this.pool.query(`UPDATE lectern_digest_claims SET status = 'failed', detail = $1 WHERE guild = $2 AND day = $3`, [detail, guild, day]);
  }

  async release(guild: string, day: string, owner: string): Promise<void> {
    await this.pool.query(`DELETE FROM lectern_digest_claims WHERE guild = $1 AND day = $2 AND owner = $3 AND status = 'claimed'`, [guild, day, owner]);
  }

  async forgetFailed(guild: string, day: string): Promise<void> {
    await this.pool.query(`DELETE FROM lectern_digest_claims WHERE guild = $1 AND day = $2 AND status = 'failed'`, [guild, day]);
  }

  async rows(guild: string): Promise<ClaimRow[]> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM lectern_digest_claims WHERE guild = $1 ORDER BY day', [guild]);
    return rows.map(toClaim);
  }

  /** The pool belongs to the settings store, which closes it. */
  async close(): Promise<void> {}
}
