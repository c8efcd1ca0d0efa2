import type * as chrono from 'chrono-node';
import { fromUtc, shift, toUtc, type PartialDate } from './calendar.ts';
import { anchoredExpressions } from './anchored.ts';
import { NEWS_CHRONO } from './news-chrono.ts';
import { SPAN_TAG } from './parsers/weeks.ts';

/** A date expression found in a sentence, resolved (or to be resolved against the previous date). */
export interface DateMention {
  index: number;
  text: string;
  date: PartialDate;
  /** "today, August 29": the sentence states the date of its own writing. */
  statesToday: boolean;
}

/** Cheap test before running the parsers: most sentences carry no date at all. */
const MAYBE_DATE =
  /\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(today|yesterday|tomorrow|ago|earlier|later|before|after|next|last|previous|following|day|week|weekend|month|year|decade|tonight|this|christmas|easter|halloween|valentine's)\b/i;

/**
 * What chrono can read at all: month and weekday names, the casual words, and the figures that can be dates (a
 * year, a time of day, a numeric date, an ordinal day, a count of units). chrono is the slow part of dating, and
 * news is full of figures that date nothing ("60 percent", "$915 million").
 */
const CHRONO_MAYBE =
  /\b(?:1\d{3}|20\d{2})|'\d\d\b|\d\s*(?::\s*\d\d|[ap]\.?m\b|o'clock)|\d[/-]\d|\d{1,2}\.\d{1,2}\.\d|\d(?:st|nd|rd|th)\b|\d+(?:\s+|-)(?:sec|min|hour|hr|day|week|fortnight|month|quarter|year|yr|decade|centur)|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(today|yesterday|tomorrow|tonight|ago|last|next|this (?:week|month|year|morning|afternoon|evening|spring|summer|autumn|fall)|weekend|christmas|easter|thanksgiving|halloween|new year|valentine|(?:election|labor|memorial|veterans|armistice|independence|boxing|bastille|may|patrick's) day)\b/i;

const MONTH_WORD = /\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b/i;
const WEEKDAY_ABBREVIATION = /^(sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat)\.?$/i;
/**
 * Dates in one sentence, resolved against `reference` (today for the text) and `previous` (the date just
 * mentioned, for "the day before" and "five years earlier").
 */
export function findDates(sentence: string, reference: PartialDate | null, previous: () => PartialDate | null, parse: ChronoParse = parseChrono): DateMention[] {
  if (!MAYBE_DATE.test(sentence)) return [];
  const out: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (a: number, b: number) => taken.some(([s, e]) => a < e && b > s);

  // Relative to the previous date: resolved in order, so each may chain on the one before.
  const relative = anchoredExpressions(sentence);
  for (const r of relative) taken.push([r.index, r.index + r.text.length]);

  const parsed = !CHRONO_MAYBE.test(sentence) ? [] : parse(sentence, reference);
  for (const r of parsed) {
    const text = r.text.replace(/[\s,.;:]+$/, '');
    const start = r.index;
    if (overlaps(start, start + text.length)) continue;
    const date = resolveChrono(r, text, reference);
    if (!date) continue;
    out.push({ index: start, text, date, statesToday: false });
    taken.push([start, start + text.length]);
  }

  // "today, August 29": one expression, the explicit date wins and tells us the writer's today.
  out.sort((a, b) => a.index - b.index);
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i];
    const b = out[i + 1];
    if (!a || !b) continue;
    const between = sentence.slice(a.index + a.text.length, b.index);
    if (/^today$/i.test(a.text) && /^\s*,?\s*$/.test(between)) {
      out.splice(i, 2, { index: a.index, text: sentence.slice(a.index, b.index + b.text.length), date: b.date, statesToday: true });
    }
  }

  const resolved: DateMention[] = [];
  const all = [...out.map((o) => ({ kind: 'abs' as const, o })), ...relative.map((r) => ({ kind: 'rel' as const, r }))].sort(
    (x, y) => (x.kind === 'abs' ? x.o.index : x.r.index) - (y.kind === 'abs' ? y.o.index : y.r.index),
  );
  let last: PartialDate | null = null;
  for (const item of all) {
    if (item.kind === 'abs') {
      resolved.push(withPreposition(sentence, item.o));
      last = item.o.date;
      continue;
    }
    const anchor = last ?? previous();
    if (!anchor) continue;
    if (item.r.unit === 'day' && anchor.granularity !== 'day') continue;
    const date = shift(anchor, item.r.amount, item.r.unit);
    resolved.push(withPreposition(sentence, { index: item.r.index, text: item.r.text, date, statesToday: false }));
    last = date;
  }
  return resolved;
}

/** chrono on one text against a reference day (or, without one, against the clock). */
export type ChronoParse = (text: string, reference: PartialDate | null) => chrono.ParsedResult[];

const parseChrono: ChronoParse = (text, reference) => (reference ? NEWS_CHRONO.parse(text, toUtcNoon(reference)) : NEWS_CHRONO.parse(text));

/**
 * chrono for one document, remembering its answers: a quoted block's introducing line is read to date the
 * block and again for its own events, and articles repeat sentences. Results are only read, never changed,
 * so they can be shared.
 */
export function documentChrono(): ChronoParse {
  // By reference day, then by text (a nested map spares building a key from every sentence).
  const seen = new Map<string, Map<string, chrono.ParsedResult[]>>();
  return (text, reference) => {
    // Without a reference chrono counts from the clock, which moves: not remembered.
    if (!reference) return parseChrono(text, reference);
    const day = `${reference.year}-${reference.month ?? 0}-${reference.day ?? 0}`;
    let byText = seen.get(day);
    if (!byText) {
      byText = new Map();
      seen.set(day, byText);
    }
    let results = byText.get(text);
    if (!results) {
      results = parseChrono(text, reference);
      byText.set(text, results);
    }
    return results;
  };
}

function toUtcNoon(d: PartialDate): Date {
  const date = toUtc(d);
  return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 12);
}

/** A chrono result at the granularity its text supports, or null when it dates nothing we can place. */
function resolveChrono(r: chrono.ParsedResult, text: string, reference: PartialDate | null): PartialDate | null {
  const c = r.start;
  const lowerText = text.toLowerCase();
  // "march" and "may" in lower case are verbs; "Sun" alone is a newspaper more often than a Sunday.
  const month = MONTH_WORD.exec(text);
  if (month && month[0] === month[0].toLowerCase()) return null;
  if (WEEKDAY_ABBREVIATION.test(text)) return null;
  // "the day before the vote": relative to an event, not to today; the previous-date rule handles the rest.
  if (/^(the )?(day|week|month|year) (before|after)$/i.test(text)) return null;
  const certain = (k: 'year' | 'month' | 'day' | 'weekday') => c.isCertain(k);
  const casual = /\b(today|yesterday|tomorrow|tonight|ago|last|next|this)\b/.test(lowerText);
  if (!reference && !certain('year')) return null;
  // "yesterday" in an undated document has no date (chrono would count from the machine's clock).
  if (!reference && casual) return null;
  // A week or a weekend is an event of its month when it lies inside one month.
  if (r.tags().has(SPAN_TAG)) {
    const end = r.end;
    if (!end || end.get('month') !== c.get('month') || end.get('year') !== c.get('year')) return null;
    return { year: c.get('year') ?? 0, month: c.get('month') ?? 1, granularity: 'month' };
  }
  // "three weeks ago": that week, as its month when it lies in one month.
  if (/\bweeks? ago$/.test(lowerText) && certain('day')) return monthOfWeek(c.get('year') ?? 0, c.get('month') ?? 1, c.get('day') ?? 1);
  // chrono's own weeks ("in the past week") are durations or spans without a one-month reading.
  if (/\bweek(end)?s?\b/.test(lowerText)) return null;
  if (!certain('day') && !certain('month') && !certain('weekday') && !certain('year') && !casual) return null;

  const y = c.get('year') ?? reference?.year ?? 0;
  const m = c.get('month') ?? 1;
  const d = c.get('day') ?? 1;
  if (/\b(last|next|this) year\b/.test(lowerText) && !certain('month')) return { year: y, granularity: 'year' };
  if (/\b(last|next|this) month\b/.test(lowerText) || /\b(end|start|beginning|middle|mid) of\b/.test(lowerText)) return { year: y, month: m, granularity: 'month' };
  // "last Friday": chrono has placed the weekday itself.
  if (certain('weekday') && !certain('day')) return { year: y, month: m, day: d, granularity: 'day' };
  const granularity = certain('day') ? 'day' : certain('month') ? 'month' : 'year';
  if (granularity === 'year' && !certain('year')) return null;
  return granularity === 'day' ? { year: y, month: m, day: d, granularity } : granularity === 'month' ? { year: y, month: m, granularity } : { year: y, granularity };
}

/** The month of the Monday-to-Sunday week holding a day, when the whole week lies in that month. */
function monthOfWeek(year: number, month: number, day: number): PartialDate | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  const monday = new Date(date);
  monday.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  const sunday = new Date(monday);
  sunday.setUTCDate(monday.getUTCDate() + 6);
  if (monday.getUTCMonth() !== sunday.getUTCMonth()) return null;
  return { year: monday.getUTCFullYear(), month: monday.getUTCMonth() + 1, granularity: 'month' };
}

/** Keeps the preposition that gives the date its sense ("throughout July", "By August 11", "On Thursday"). */
function withPreposition(sentence: string, m: DateMention): DateMention {
  const before = sentence.slice(0, m.index);
  const prep = /(?:^|\s)((?:[Ii]n|[Oo]n|[Bb]y|[Tt]hroughout|[Ss]ince|[Uu]ntil|[Dd]uring|[Bb]efore|[Aa]fter|[Ff]rom|[Aa]t the (?:end|start|beginning) of|[Ee]arly|[Ll]ate)\s+)$/.exec(before);
  if (!prep || /^(on|in|by|at)\s/i.test(m.text)) return m;
  const extra = prep[1] ?? '';
  return { ...m, index: m.index - extra.length, text: extra + m.text };
}

export { fromUtc };
