import { localTime } from '../reply/local-time.ts';
import { drawText, type RichText, type Span } from '../reply/rich-text.ts';

/** Names the console can give ids (a server's channels and roles); an id it cannot name is written out as an id. */
export interface ServerNames {
  channel?(id: string): string | undefined;
  role?(id: string): string | undefined;
  user?(id: string): string | undefined;
}

export interface ConsoleView {
  names?: ServerNames;
  /** What relative times count from (the clock when absent). */
  now?: () => Date;
}

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];
const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "in 1 hour", "tomorrow", "3 days ago": the largest unit the distance reaches, as Discord's relative times do. */
export function relativeTime(at: number, now: number): string {
  const diff = at - now;
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(diff) >= ms) ?? ['second', 1000];
  return RELATIVE.format(Math.round(diff / size), unit);
}

function drawSpan(span: Span, view: ConsoleView): string {
  const names = view.names ?? {};
  if (span.kind === 'channel') {
    const name = names.channel?.(span.id);
    return name ? `#${name}` : `channel ${span.id}`;
  }
  if (span.kind === 'role') {
    const name = names.role?.(span.id);
    return name ? `@${name}` : `role ${span.id}`;
  }
  if (span.kind === 'user') {
    const name = names.user?.(span.id) ?? span.name;
    return name ? `@${name}` : `user ${span.id}`;
  }
  if (span.style === 'full') return localTime(span.at, span.timeZone);
  return relativeTime(span.at, (view.now?.() ?? new Date()).getTime());
}

/** A reply's text for the terminal: names where the console knows them, times on the server's clock. */
export const consoleText = (text: RichText, view: ConsoleView = {}): string => drawText(text, (span) => drawSpan(span, view));
