/** More than this many commands from one member within the window is faster than a person reads. */
export const COOLDOWN_LIMIT = 10;
export const COOLDOWN_WINDOW_MS = 10_000;
/** Members remembered at once; the least recently active is forgotten first. */
const MAX_MEMBERS = 10_000;

/**
 * A sliding window per member: their own commands are counted, nobody else's, so one member's flood slows no one
 * else. Kept in the process: a member's interactions in a server reach the process of that server's shard.
 */
export class Cooldown {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly limit = COOLDOWN_LIMIT,
    private readonly windowMs = COOLDOWN_WINDOW_MS,
  ) {}

  /** Counts one command; returns 0 when it may be answered, else the milliseconds until the member may ask again. */
  hit(memberId: string, now: number): number {
    const since = now - this.windowMs;
    const times = (this.recent.get(memberId) ?? []).filter((t) => t > since);
    this.recent.delete(memberId);
    if (times.length >= this.limit) {
      this.recent.set(memberId, times);
      return (times[times.length - this.limit] ?? now) + this.windowMs - now;
    }
    times.push(now);
    this.recent.set(memberId, times);
    if (this.recent.size > MAX_MEMBERS) this.recent.delete(this.recent.keys().next().value as string);
    return 0;
  }
}

export const cooldownMessage = (waitMs: number) =>
  `You are sending commands faster than I can answer them well. Please wait ${Math.max(1, Math.ceil(waitMs / 1000))} seconds, then ask again.`;
