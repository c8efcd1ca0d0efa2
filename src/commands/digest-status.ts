import { digestStatus, localDate, type Blocker, type DigestStatus } from '../digest/next-run.ts';
import { localTime } from '../reply/local-time.ts';
import type { ReplyItem } from '../reply/reply.ts';
import { channel, rich, time, type RichText } from '../reply/rich-text.ts';
import type { GuildSettings } from '../settings/schema.ts';
import type { Invoker, Services } from './command.ts';

/** "Sat, 29 Aug 2026, 08:00 EEST (in an hour)": the server's clock, and how far off that is. */
export function formatWhen(date: Date, timeZone: string): RichText {
  return rich(`${localTime(date, timeZone)} (`, time(date, 'relative', timeZone), ')');
}

/** The status of one server's digest from everything that decides it: settings, reading list, today's claim. */
export async function statusOf(services: Services, invoker: Invoker, settings: GuildSettings): Promise<DigestStatus> {
  const now = services.now();
  const today = localDate(now, settings.digest.timeZone);
  return digestStatus({
    settings,
    now,
    documents: services.corpus.scopeFor(invoker.guildId, settings).size,
    todayClaimed: (await services.digest?.claimed(invoker.guildId, today)) ?? false,
  });
}

/** "the digest is off (`/digest resume` …) and no channel is set (`/config set digest-channel`)" */
export function blockersText(blockers: Blocker[]): string {
  return blockers.map((b) => `${b.why} (${b.fix})`).join(' and ');
}

/** The status in words: when and where the next digest posts, or each thing that stops it with its fix. */
export function describeStatus(status: DigestStatus, settings: GuildSettings): RichText {
  const where = settings.digest.channelId ? rich(' in ', channel(settings.digest.channelId)) : '';
  if (status.kind === 'due') return rich(`now: ${status.day}'s digest is due and posts`, where, ' within a minute');
  if (status.kind === 'next') return rich(formatWhen(status.at, settings.digest.timeZone), where);
  return `none, because ${blockersText(status.blockers)}`;
}

/** The "next digest" line every answer about the digest ends with. */
export async function nextDigestItem(services: Services, invoker: Invoker, settings?: GuildSettings): Promise<ReplyItem> {
  const current = settings ?? (await services.settings.get(invoker.guildId));
  return { heading: 'next digest', text: describeStatus(await statusOf(services, invoker, current), current) };
}
