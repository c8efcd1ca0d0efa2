import type { RedisClientType } from '@redis/client';
import { STALE_CLAIM_MS, type ClaimOptions, type ClaimResult, type ClaimRow, type ClaimStatus, type DigestClaims } from './claims.ts';

/** A day's claim is kept long after its day (for `/config show` and the catch-up window), then expires. */
const KEEP_MS = 40 * 24 * 3600 * 1000;
const PREFIX = 'lectern:digest-claim:';
const keyOf = (guild: string, day: string) => `${PREFIX}${guild}:${day}`;

/**
 * The stored record: the claim time as a string, so the compare-and-set script compares exactly what was written,
 * and '' for "none" (cjson would drop a null field from the record).
 */
interface Stored {
  guild: string;
  day: string;
  owner: string;
  claimedAt: string;
  messageId: string;
  status: ClaimStatus;
  detail: string;
}

/**
 * Compare-and-set in one script (Redis runs a script atomically): the record is changed only while it is still the
 * one the caller saw. ARGV[1] is the expected status, ARGV[2] the expected claim time ('' for any), ARGV[3] the
 * expected owner ('' for any); ARGV[4] 'delete', or a JSON object of fields to set.
 */
const COMPARE_AND_SET = `
local v = redis.call('GET', KEYS[1])
if not v then return 0 end
local row = cjson.decode(v)
if row.status ~= ARGV[1] then return 0 end
if ARGV[2] ~= '' and row.claimedAt ~= ARGV[2] then return 0 end
if ARGV[3] ~= '' and row.owner ~= ARGV[3] then return 0 end
if ARGV[4] == 'delete' then redis.call('DEL', KEYS[1]) return 1 end
for k, value in pairs(cjson.decode(ARGV[4])) do row[k] = value end
redis.call('SET', KEYS[1], cjson.encode(row), 'KEEPTTL')
return 1`;

/** The same script changing any status: for marking a claim posted or failed. */
const UPDATE = COMPARE_AND_SET.replace("if row.status ~= ARGV[1] then return 0 end", "if ARGV[1] ~= '' and row.status ~= ARGV[1] then return 0 end");

const toClaim = (s: Stored): ClaimRow => ({ ...s, claimedAt: Number(s.claimedAt), messageId: s.messageId || null, detail: s.detail || null });

/**
 * The claims in Redis, shared by every bot process: `SET NX PX` wins a day for exactly one process, and a scripted
 * compare-and-set takes over a stale claim or marks its result.
 */
export class RedisClaims implements DigestClaims {
  private readonly staleAfterMs: number;

  constructor(
    private readonly client: RedisClientType,
    options: ClaimOptions = {},
  ) {
    this.staleAfterMs = options.staleAfterMs ?? STALE_CLAIM_MS;
  }

  private async cas(guild: string, day: string, expect: { status: string; claimedAt?: string; owner?: string }, change: Record<string, string> | 'delete', script = COMPARE_AND_SET): Promise<boolean> {
    const done = await this.client.eval(script, {
      keys: [keyOf(guild, day)],
      arguments: [expect.status, expect.claimedAt ?? '', expect.owner ?? '', change === 'delete' ? 'delete' : JSON.stringify(change)],
    });
    return done === 1;
  }

  async get(guild: string, day: string): Promise<ClaimRow | null> {
    const v = await this.client.get(keyOf(guild, day));
    return v ? toClaim(JSON.parse(v) as Stored) : null;
  }

  async claim(guild: string, day: string, owner: string, now: number): Promise<ClaimResult> {
    const record: Stored = { guild, day, owner, claimedAt: String(now), messageId: '', status: 'claimed', detail: '' };
    const set = await this.client.set(keyOf(guild, day), JSON.stringify(record), { condition: 'NX', expiration: { type: 'PX', value: KEEP_MS } });
    if (set === 'OK') return { won: true, recovered: false };
    const row = await this.get(guild, day);
    if (!row) return this.claim(guild, day, owner, now);
    if (row.status === 'claimed' && now - row.claimedAt >= this.staleAfterMs) {
      if (await this.cas(guild, day, { status: 'claimed', claimedAt: String(row.claimedAt) }, { owner, claimedAt: String(now) })) return { won: true, recovered: true };
    }
    return { won: false, row: (await this.get(guild, day)) ?? row };
  }

  async markPosted(guild: string, day: string, messageId: string): Promise<void> {
    await this.cas(guild, day, { status: '' }, { status: 'posted', messageId, detail: '' }, UPDATE);
  }

  async markFailed(guild: string, day: string, detail: string): Promise<void> {
    await this.cas(guild, day, { status: '' }, { status: 'failed', detail }, UPDATE);
  }

  async release(guild: string, day: string, owner: string): Promise<void> {
    await this.cas(guild, day, { status: 'claimed', owner }, 'delete');
  }

  async forgetFailed(guild: string, day: string): Promise<void> {
    await this.cas(guild, day, { status: 'failed' }, 'delete');
  }

  async rows(guild: string): Promise<ClaimRow[]> {
    const keys: string[] = [];
    for await (const batch of this.client.scanIterator({ MATCH: `${PREFIX}${guild}:*`, COUNT: 200 })) keys.push(...batch);
    const rows: ClaimRow[] = [];
    for (const key of keys.sort()) {
      const v = await this.client.get(key);
      if (v) rows.push(toClaim(JSON.parse(v) as Stored));
    }
    return rows;
  }

  /** The client belongs to the settings store, which closes it. */
  async close(): Promise<void> {}
}
