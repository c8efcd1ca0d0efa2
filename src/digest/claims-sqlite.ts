import { mkdirSync } from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { STALE_CLAIM_MS, type ClaimOptions, type ClaimResult, type ClaimRow, type ClaimStatus, type DigestClaims } from './claims.ts';

/**
 * The claims in the SQLite file beside the settings: INSERT OR IGNORE and a compare-and-set UPDATE make this safe
 * across processes sharing the file (one machine).
 */
export class SqliteClaims implements DigestClaims {
  private constructor(
    private readonly db: sqlite3.Database,
    private readonly staleAfterMs: number,
  ) {}

  static async open(file: string, options: ClaimOptions = {}): Promise<SqliteClaims> {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const d = new sqlite3.Database(file, (e) => (e ? reject(new Error(`Cannot open the database ${file}: ${e.message}`, { cause: e })) : resolve(d)));
    });
    db.configure('busyTimeout', 5_000);
    // One statement at a time on this connection: a read still open while the same connection writes would hold a
    // shared lock that another process's commit waits on, and both would time out (SQLITE_BUSY).
    db.serialize();
    const claims = new SqliteClaims(db, options.staleAfterMs ?? STALE_CLAIM_MS);
    // SQLite opens lazily: a corrupt or unreadable file shows up on the first statement, so name it there too.
    await claims.run(
      `CREATE TABLE IF NOT EXISTS lectern_digest_claims (
        guild TEXT NOT NULL, day TEXT NOT NULL, owner TEXT NOT NULL, claimed_at INTEGER NOT NULL,
        message_id TEXT, status TEXT NOT NULL, detail TEXT, PRIMARY KEY (guild, day))`,
    ).catch(async (e: unknown) => {
      await new Promise<void>((resolve) => db.close(() => resolve()));
      throw new Error(`Cannot open the database ${file}: ${(e as Error).message}`, { cause: e });
    });
    return claims;
  }

  private run(sql: string, ...params: unknown[]): Promise<number> {
    return new Promise((resolve, reject) => {
      this.db.run(sql, params, function (this: sqlite3.RunResult, e: Error | null) {
        if (e) reject(e);
        else resolve(this.changes);
      });
    });
  }

  async get(guild: string, day: string): Promise<ClaimRow | null> {
    const row = await new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
      this.db.get('SELECT * FROM lectern_digest_claims WHERE guild = ? AND day = ?', [guild, day], (e, r) => (e ? reject(e) : resolve(r as Record<string, unknown> | undefined)));
    });
    if (!row) return null;
    return {
      guild: String(row.guild),
      day: String(row.day),
      owner: String(row.owner),
      claimedAt: Number(row.claimed_at),
      messageId: row.message_id ? String(row.message_id) : null,
      status: row.status as ClaimStatus,
      detail: row.detail ? String(row.detail) : null,
    };
  }

  async claim(guild: string, day: string, owner: string, now: number): Promise<ClaimResult> {
    const inserted = await this.run(`INSERT OR IGNORE INTO lectern_digest_claims (guild, day, owner, claimed_at, status) VALUES (?, ?, ?, ?, 'claimed')`, guild, day, owner, now);
    if (inserted === 1) return { won: true, recovered: false };
    const row = await this.get(guild, day);
    if (!row) return this.claim(guild, day, owner, now);
    if (row.status === 'claimed' && now - row.claimedAt >= this.staleAfterMs) {
      // Take over only if nobody else did in between (compare-and-set on the old claim time).
      const taken = await this.run(
        `UPDATE lectern_digest_claims SET owner = ?, claimed_at = ? WHERE guild = ? AND day = ? AND status = 'claimed' AND claimed_at = ?`,
        owner,
        now,
        guild,
        day,
        row.claimedAt,
      );
      if (taken === 1) return { won: true, recovered: true };
    }
    return { won: false, row: (await this.get(guild, day)) ?? row };
  }

  async markPosted(guild: string, day: string, messageId: string): Promise<void> {
    await this.run(`UPDATE lectern_digest_claims SET status = 'posted', message_id = ?, detail = NULL WHERE guild = ? AND day = ?`, messageId, guild, day);
  }

  async markFailed(guild: string, day: string, detail: string): Promise<void> {
    await this.run(`UPDATE lectern_digest_claims SET status = 'failed', detail = ? WHERE guild = ? AND day = ?`, detail, guild, day);
  }

  async release(guild: string, day: string, owner: string): Promise<void> {
    await this.run(`DELETE FROM lectern_digest_claims WHERE guild = ? AND day = ? AND owner = ? AND status = 'claimed'`, guild, day, owner);
  }

  async forgetFailed(guild: string, day: string): Promise<void> {
    await this.run(`DELETE FROM lectern_digest_claims WHERE guild = ? AND day = ? AND status = 'failed'`, guild, day);
  }

  async rows(guild: string): Promise<ClaimRow[]> {
    const days = await new Promise<Array<{ day: string }>>((resolve, reject) => {
      this.db.all('SELECT day FROM lectern_digest_claims WHERE guild = ? ORDER BY day', [guild], (e, r) => (e ? reject(e) : resolve(r as Array<{ day: string }>)));
    });
    const out: ClaimRow[] = [];
    for (const d of days) {
      const row = await this.get(guild, d.day);
      if (row) out.push(row);
    }
    return out;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((e) => (e ? reject(e) : resolve())));
  }
}
