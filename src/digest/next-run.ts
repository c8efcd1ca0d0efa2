import { Cron } from 'croner';
import { WEEKDAYS, type GuildSettings } from '../settings/schema.ts';

/** Croner counts Sunday as 0. */
const CRON_DAY: Record<(typeof WEEKDAYS)[number], number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
/** Even with catch-up 0, a digest a few minutes late (a slow start) is still today's. */
const MIN_WINDOW_MS = 15 * 60_000;

/** The cron pattern of a server's digest: its local time on its weekdays. */
export function digestPattern(digest: GuildSettings['digest']): string {
  const [hour, minute] = digest.time.split(':').map(Number);
  return `${minute} ${hour} * * ${digest.weekdays.map((d) => CRON_DAY[d]).join(',')}`;
}

const cronOf = (digest: GuildSettings['digest']) => new Cron(digestPattern(digest), { timezone: digest.timeZone, paused: true });

/** The local calendar date of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** Something that stops the digest, and the command that fixes it. */
export interface Blocker {
  why: string;
  fix: string;
}

/** What in the settings stops the digest from posting, in the order a moderator would fix it. */
export function digestBlockers(settings: GuildSettings): Blocker[] {
  const blockers: Blocker[] = [];
  if (settings.digest.state === 'off') blockers.push({ why: 'the digest is off', fix: '`/digest resume` or `/config set digest state:on`' });
  if (settings.digest.state === 'paused') blockers.push({ why: 'the digest is paused', fix: '`/digest resume`' });
  if (!settings.digest.channelId) blockers.push({ why: 'no channel is set', fix: '`/config set digest-channel`' });
  return blockers;
}

/** The latest due time at or before `now`, when it is still within the catch-up window (or null). */
export function dueNow(settings: GuildSettings, now: Date): { due: Date; day: string } | null {
  if (digestBlockers(settings).length) return null;
  const previous = cronOf(settings.digest).previousRuns(1, new Date(now.getTime() + 1))[0];
  if (!previous) return null;
  const window = Math.max(settings.digest.catchUpHours * 3600_000, MIN_WINDOW_MS);
  if (now.getTime() - previous.getTime() > window) return null;
  return { due: previous, day: localDate(previous, settings.digest.timeZone) };
}

/** The next moment the digest is due after `from`, in the server's time zone (daylight saving included). */
export function nextDigestTime(digest: GuildSettings['digest'], from: Date): Date | null {
  return cronOf(digest).nextRun(from);
}

export type DigestStatus =
  | { kind: 'stopped'; blockers: Blocker[] }
  /** Due already (a catch-up after a restart): the scheduler posts it within a minute. */
  | { kind: 'due'; day: string }
  | { kind: 'next'; at: Date };

export interface DigestFacts {
  settings: GuildSettings;
  now: Date;
  /** How many documents the server reads: a digest of nothing is not posted. */
  documents: number;
  /** Whether today's digest (the server's local date) is already claimed: posted, being posted, or refused by Discord. */
  todayClaimed: boolean;
}

/** When the next digest really posts, or everything that stops it. */
export function digestStatus(f: DigestFacts): DigestStatus {
  const blockers = digestBlockers(f.settings);
  if (f.documents === 0) blockers.push({ why: 'the reading list is empty', fix: '`/library add` or `/library enable`' });
  if (blockers.length) return { kind: 'stopped', blockers };
  const today = localDate(f.now, f.settings.digest.timeZone);
  const due = dueNow(f.settings, f.now);
  if (due && !(due.day === today && f.todayClaimed)) return { kind: 'due', day: due.day };
  let next = nextDigestTime(f.settings.digest, f.now);
  // One digest a day: once today's is claimed (say by `/digest now`), today's time is skipped.
  if (next && f.todayClaimed && localDate(next, f.settings.digest.timeZone) === today) next = nextDigestTime(f.settings.digest, next);
  // The weekdays are never empty (the schema requires one), so a cron pattern always has a next run.
  return next ? { kind: 'next', at: next } : { kind: 'stopped', blockers: [{ why: 'no day matches', fix: '`/config set digest-days`' }] };
}
