import { Cron } from 'croner';
import { WEEKDAYS, type GuildSettings } from '../settings/schema.ts';

/** Croner counts Sunday as 0. */
const CRON_DAY: Record<(typeof WEEKDAYS)[number], number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/** The cron pattern of a server's digest: its local time on its weekdays. */
export function digestPattern(digest: GuildSettings['digest']): string {
  const [hour, minute] = digest.time.split(':').map(Number);
  return `${minute} ${hour} * * ${digest.weekdays.map((d) => CRON_DAY[d]).join(',')}`;
}

/** The next moment the digest is due after `from`, in the server's time zone (daylight saving included). */
export function nextDigestTime(digest: GuildSettings['digest'], from: Date): Date | null {
  return new Cron(digestPattern(digest), { timezone: digest.timeZone, paused: true }).nextRun(from);
}

/** Why no digest is scheduled, or null when one is. */
export function digestBlocker(settings: GuildSettings): string | null {
  if (!settings.digest.enabled) return 'the digest is off (`/config set digest enabled:on`)';
  if (!settings.digest.channelId) return 'no channel is set (`/config set digest-channel`)';
  if (settings.digest.paused) return 'the digest is paused (`/digest resume`)';
  return null;
}
