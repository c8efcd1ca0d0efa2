import * as chrono from 'chrono-node';
import { SPEECH_VERBS } from '../speakers/vocabulary.ts';
import { fromUtc, shift, toUtc, type PartialDate, type Unit } from './calendar.ts';
import { allMatches } from '../text/matches.ts';

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
  /\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(today|yesterday|tomorrow|ago|earlier|later|before|after|next|last|previous|following|day|week|month|year|decade|tonight|this)\b/i;

/** What chrono can read at all: digits, month and weekday names, and the casual words. chrono is the slow part. */
const CHRONO_MAYBE =
  /\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(today|yesterday|tomorrow|tonight|ago|last|next|this (?:week|month|year|morning|afternoon|evening))\b/i;

const MONTH_WORD = /\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b/i;
const WEEKDAY_ABBREVIATION = /^(sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat)\.?$/i;
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100 };

const FUTURE = /\b(will|shall|won't|is (?:expected|scheduled|set|due|going) to|are (?:expected|scheduled|set|due|going) to|plans? to|next)\b/i;
const PAST = /\b(was|were|had|did|ago|last|previously|earlier|\w+ed)\b/i;

export type Tense = 'past' | 'future' | 'neutral';
export function tenseOf(sentence: string): Tense {
  if (FUTURE.test(sentence)) return 'future';
  if (PAST.test(sentence)) return 'past';
  return 'neutral';
}

/** Expressions that count from the date just mentioned rather than from today. */
const RELATIVE_TO_PREVIOUS = new RegExp(
  String.raw`\b(?:(the )?(day|week|month|year) (before|after|earlier|later)|the (next|following|previous|preceding) (day|week|month|year)|(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|\d+) (days?|weeks?|months?|years?|decades?) (earlier|later|before|after|afterwards|on))\b(?! (?:the|that|this|his|her|its|their|a|an)\b)`,
  'gi',
);

/** Every form of RELATIVE_TO_PREVIOUS names its unit: a cheap test first. */
const RELATIVE_UNIT = /day|week|month|year|decade/i;

/** A bare year after a preposition ("in 1944", "since 2014"); chrono leaves these alone. */
const BARE_YEAR = /\b(?:in|since|by|during|until|till|before|after|from|around|circa|throughout|of|early|late|mid-?)\s+(?:(?:early|late|mid-?)\s*)?((?:1[0-9]|20)[0-9]{2})\b(?!\s*(?:km|kilometers|kilometres|miles|people|troops|soldiers|men|units|%|percent|dollars|euros|tons|tonnes|m\b|s\b))/gi;

/** BARE_YEAR's year, looked for before the whole pattern. */
const YEAR_DIGITS = /[12][0-9]{3}/;

/**
 * Dates in one sentence, resolved against `reference` (today for the text) and `previous` (the date just
 * mentioned, for "the day before" and "five years earlier").
 */
export function findDates(sentence: string, reference: PartialDate | null, previous: () => PartialDate | null, parse: ChronoParse = parseChrono): DateMention[] {
  if (!MAYBE_DATE.test(sentence)) return [];
  // Worked out only when chrono finds something to resolve: most sentences that get this far have no date.
  let tense: Tense | undefined;
  const out: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (a: number, b: number) => taken.some(([s, e]) => a < e && b > s);

  // Relative to the previous date: resolved in order, so each may chain on the one before.
  const relative: Array<{ index: number; text: string; amount: number; unit: Unit }> = [];
  for (const m of RELATIVE_UNIT.test(sentence) ? allMatches(RELATIVE_TO_PREVIOUS, sentence) : []) {
    const text = m[0];
    const lower = text.toLowerCase();
    const backwards = /\b(before|earlier|previous|preceding)\b/.test(lower);
    let amount = 1;
    let unit: Unit;
    const counted = /^(\S+) (day|week|month|year|decade)s?/.exec(lower);
    // "the day before" counts one; only a number word or digits give another amount.
    if (counted && counted[1] !== 'the') {
      amount = NUMBER_WORDS[counted[1] ?? ''] ?? Number(counted[1]);
      unit = counted[2] as Unit;
    } else unit = (/(day|week|month|year)/.exec(lower)?.[1] ?? 'day') as Unit;
    if (!Number.isFinite(amount)) continue;
    relative.push({ index: m.index ?? 0, text, amount: backwards ? -amount : amount, unit });
    taken.push([m.index ?? 0, (m.index ?? 0) + text.length]);
  }

  const parsed = !CHRONO_MAYBE.test(sentence) ? [] : parse(sentence, reference);
  for (const r of parsed) {
    const text = r.text.replace(/[\s,.;:]+$/, '');
    const start = r.index;
    if (overlaps(start, start + text.length)) continue;
    const date = resolveChrono(r, text, reference, saidWhen(sentence, start, start + text.length) ? 'past' : (tense ??= tenseOf(sentence)));
    if (!date) continue;
    out.push({ index: start, text, date, statesToday: false });
    taken.push([start, start + text.length]);
  }

  for (const m of YEAR_DIGITS.test(sentence) ? allMatches(BARE_YEAR, sentence) : []) {
    const yearAt = (m.index ?? 0) + m[0].lastIndexOf(m[1] ?? '');
    if (overlaps(yearAt, yearAt + 4)) continue;
    out.push({ index: m.index ?? 0, text: m[0], date: { year: Number(m[1]), granularity: 'year' }, statesToday: false });
    taken.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
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

const parseChrono: ChronoParse = (text, reference) => (reference ? chrono.parse(text, toUtcNoon(reference)) : chrono.parse(text));

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

const PAST_SPEECH = [...SPEECH_VERBS].filter((v) => /ed$/.test(v) || ['said', 'told', 'wrote'].includes(v)).join('|');
const SAID_BEFORE = new RegExp(String.raw`\b(?:${PAST_SPEECH})\s+$`);
const SAID_AFTER = new RegExp(String.raw`^\s*,?\s*(?:also\s+)?(?:${PAST_SPEECH})\b`);

/** "the IMF said on Tuesday that it will …": the date is when it was said, in the past whatever the clause's tense. */
function saidWhen(sentence: string, start: number, end: number): boolean {
  return SAID_BEFORE.test(sentence.slice(Math.max(0, start - 20), start)) || SAID_AFTER.test(sentence.slice(end));
}

function toUtcNoon(d: PartialDate): Date {
  const date = toUtc(d);
  return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 12);
}

function resolveChrono(r: chrono.ParsedResult, text: string, reference: PartialDate | null, tense: Tense): PartialDate | null {
  const c = r.start;
  const lowerText = text.toLowerCase();
  // "march" and "may" in lower case are verbs; "Sun" alone is a newspaper more often than a Sunday.
  const month = MONTH_WORD.exec(text);
  if (month && month[0] === month[0].toLowerCase()) return null;
  if (WEEKDAY_ABBREVIATION.test(text)) return null;
  // "the day before the vote": relative to an event, not to today; the previous-date rule handles the rest.
  if (/^(the )?(day|week|month|year) (before|after)$/i.test(text)) return null;
  if (/\bweek(end)?s?\b/.test(lowerText)) return null;
  // "in just one month", "within two years": a duration, not a date.
  if (/^(in|within|for|over)\b/.test(lowerText) && /\b(days?|months?|years?|hours?|minutes?)$/.test(lowerText)) return null;
  const certain = (k: 'year' | 'month' | 'day' | 'weekday') => c.isCertain(k);
  const casual = /\b(today|yesterday|tomorrow|tonight|ago|last|next|this)\b/.test(lowerText);
  if (!certain('day') && !certain('month') && !certain('weekday') && !casual) return null;
  if (!reference && !certain('year')) return null;
  // "yesterday" in an undated document has no date (chrono would count from the machine's clock).
  if (!reference && casual) return null;

  const y = c.get('year') ?? reference?.year ?? 0;
  const m = c.get('month') ?? 1;
  const d = c.get('day') ?? 1;

  if (certain('weekday') && !certain('day') && reference) {
    const ref = toUtc(reference);
    const target = c.get('weekday') ?? 0;
    const diff = (target - ref.getUTCDay() + 7) % 7;
    if (tense === 'future') ref.setUTCDate(ref.getUTCDate() + diff);
    else if (tense === 'past') ref.setUTCDate(ref.getUTCDate() - ((7 - diff) % 7));
    else ref.setUTCDate(ref.getUTCDate() + (diff <= 3 ? diff : diff - 7));
    return fromUtc(ref, 'day');
  }

  if (/\b(last|next|this) year\b/.test(lowerText)) return { year: y, granularity: 'year' };
  if (/\b(last|next|this) month\b/.test(lowerText) || /\b(end|start|beginning|middle|mid) of\b/.test(lowerText)) {
    return adjustYear({ year: y, month: m, granularity: 'month' }, certain('year'), reference, tense);
  }
  const granularity = certain('day') ? 'day' : certain('month') ? 'month' : 'year';
  if (granularity === 'year' && !certain('year')) return null;
  const date: PartialDate = granularity === 'day' ? { year: y, month: m, day: d, granularity } : granularity === 'month' ? { year: y, month: m, granularity } : { year: y, granularity };
  return adjustYear(date, certain('year') || casual, reference, tense);
}

/** A month or day written without a year: the tense says whether it is the last one or the next one. */
function adjustYear(date: PartialDate, yearKnown: boolean, reference: PartialDate | null, tense: Tense): PartialDate {
  if (yearKnown || !reference) return date;
  const ref = toUtc(reference).getTime();
  const at = toUtc(date).getTime();
  if (tense === 'past' && at > ref) return { ...date, year: date.year - 1 };
  if (tense === 'future' && at < ref && date.granularity === 'day') return { ...date, year: date.year + 1 };
  if (tense === 'future' && date.granularity === 'month' && (date.year < reference.year || (date.year === reference.year && (date.month ?? 0) < (reference.month ?? 0)))) return { ...date, year: date.year + 1 };
  return date;
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
