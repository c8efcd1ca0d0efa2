import { cite } from '../commands/cite.ts';
import type { CorpusQuery, DocumentRef } from '../corpus/query/corpus-query.ts';
import type { DatedEvent, Quote } from '../corpus/types.ts';
import { answer, type Reply, type ReplyItem } from '../reply/reply.ts';
import type { GuildSettings } from '../settings/schema.ts';

/** What a server has already been shown, so the rotations do not repeat until everything has had its turn. */
export interface RotationState {
  quotes: string[];
  sections: string[];
}

export interface DigestInput {
  query: CorpusQuery;
  documents: ReadonlySet<string>;
  content: GuildSettings['digest']['content'];
  /** The server's local date, YYYY-MM-DD. */
  localDate: string;
  state: RotationState;
}

export interface ComposedDigest {
  reply: Reply;
  state: RotationState;
  /** Nothing to show (an empty reading list): no message is posted. */
  empty: boolean;
}

const QUOTE_MAX = 600;

/** Picks the first item not yet shown; when all have been, starts a new round. */
function rotate<T>(items: T[], key: (t: T) => string, shown: string[]): { item: T | null; shown: string[] } {
  if (!items.length) return { item: null, shown };
  const seen = new Set(shown);
  const fresh = items.find((i) => !seen.has(key(i)));
  if (fresh) return { item: fresh, shown: [...shown, key(fresh)] };
  const first = items[0] as T;
  return { item: first, shown: [key(first)] };
}

const monthDay = (date: string) => date.slice(5, 10);

/**
 * A day's digest for one server: a quote of the day, what happened on this day in any year (or the next
 * anniversary to come), and a section in the spotlight. Pure: the same input gives the same digest.
 */
export function composeDigest(input: DigestInput): ComposedDigest {
  const docs = input.query.documents({ documents: input.documents });
  const items: ReplyItem[] = [];
  let state = input.state;
  const refOf = (d: (typeof docs)[number]): DocumentRef => ({ id: d.id, file: d.file, title: d.title, published: d.published });

  if (input.content.quote) {
    // Words someone said are the best quote of the day; long quoted passages are not.
    const all = docs.flatMap((d) => d.quotes.filter((q) => q.kind !== 'block' && q.text.length <= QUOTE_MAX).map((q) => ({ q, d })));
    const direct = all.filter((x) => x.q.kind === 'direct');
    const pool = direct.length ? direct : all;
    const key = (x: { q: Quote; d: (typeof docs)[number] }) => `${x.d.id}:${x.q.line}:${x.q.text.slice(0, 40)}`;
    const picked = rotate(pool, key, state.quotes);
    state = { ...state, quotes: picked.shown };
    if (picked.item) {
      const { q, d } = picked.item;
      const speaker = input.query.index.speakers.find((s) => s.id === q.speakerId)?.name ?? q.speakerId;
      items.push({ heading: `Quote of the day — ${speaker}`, text: q.kind === 'direct' ? `“${q.text}”` : q.text, citation: cite(refOf(d), q.line) });
    }
  }

  if (input.content.onThisDay) {
    const events = docs.flatMap((d) => d.events.filter((e) => e.granularity === 'day').map((e) => ({ e, d })));
    const today = monthDay(input.localDate);
    const same = events.filter((x) => monthDay(x.e.date) === today);
    // Otherwise the nearest anniversary still to come this year (or, past the year's last one, next year's first).
    const upcoming = [...events].sort((a, b) => monthDay(a.e.date).localeCompare(monthDay(b.e.date)));
    const nextDay = upcoming.find((x) => monthDay(x.e.date) > today) ?? upcoming[0];
    const chosen: Array<{ e: DatedEvent; d: (typeof docs)[number] }> = same.length ? same.slice(0, 3) : nextDay ? upcoming.filter((x) => monthDay(x.e.date) === monthDay(nextDay.e.date)).slice(0, 3) : [];
    for (const { e, d } of chosen) {
      items.push({ heading: same.length ? `On this day — ${e.date}` : `Coming anniversary — ${e.date}`, text: e.text, citation: cite(refOf(d), e.line) });
    }
  }

  if (input.content.section) {
    const sections = docs.flatMap((d) => d.sections.map((s, i) => ({ s, i, d })));
    const picked = rotate(sections, (x) => `${x.d.id}#${x.i}`, state.sections);
    state = { ...state, sections: picked.shown };
    if (picked.item) {
      const { s, d } = picked.item;
      const summary = input.query.sentenceTexts(d.id, s.summaries.short);
      items.push({
        heading: `Section spotlight — ${s.label}`,
        text: summary.map((x) => x.text).join(' ') || s.keywords.join(', '),
        citation: cite(refOf(d), s.lines[0], s.lines[1]),
      });
    }
  }

  return { reply: answer(`Daily digest — ${input.localDate}`, items, 'From this server’s reading list.'), state, empty: items.length === 0 };
}
