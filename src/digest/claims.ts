export type ClaimStatus = 'claimed' | 'posted' | 'failed';

export interface ClaimRow {
  guild: string;
  day: string;
  owner: string;
  claimedAt: number;
  messageId: string | null;
  status: ClaimStatus;
  detail: string | null;
}

export type ClaimResult =
  /** Ours to post. */
  | { won: true; recovered: false }
  /** A claim left by a process that died before saying whether it posted: ours now, but look before posting. */
  | { won: true; recovered: true }
  | { won: false; row: ClaimRow };

/** A claim older than this without a result means its process died (a post takes seconds, not minutes). */
export const STALE_CLAIM_MS = 2 * 60 * 1000;

/**
 * One record per (server, local date), claimed atomically before a digest is sent and marked with the message id
 * after, in the database every bot process shares: two processes never both win the same day. A claim left
 * `claimed` for `staleAfterMs` is taken over by compare-and-set on its claim time, so only one process takes it.
 */
export interface DigestClaims {
  get(guild: string, day: string): Promise<ClaimRow | null>;
  claim(guild: string, day: string, owner: string, now: number): Promise<ClaimResult>;
  markPosted(guild: string, day: string, messageId: string): Promise<void>;
  markFailed(guild: string, day: string, detail: string): Promise<void>;
  /** Gives back a claim that was not used (nothing was sent), so a later run may take it. */
  release(guild: string, day: string, owner: string): Promise<void>;
  /** Clears a failed day so that it can be tried again (by a moderator, once the cause is fixed). */
  forgetFailed(guild: string, day: string): Promise<void>;
  rows(guild: string): Promise<ClaimRow[]>;
  close(): Promise<void>;
}

export interface ClaimOptions {
  /** How long a claim without a result stands before another process may take it over. */
  staleAfterMs?: number;
}
