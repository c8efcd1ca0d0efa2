import { validIso } from '../load/dates.ts';

/** A date as a person asks for it: any part may be missing ("Aug-29" has no year and matches every year). */
export interface AskedDate {
  year?: number;
  month?: number;
  day?: number;
}

/** A range asked the wrong way round ("Aug 31 - Aug 1") is read in order, with `swapped` set to say so. */
export type DateQuery = { kind: 'point'; date: AskedDate } | { kind: 'range'; from: AskedDate; to: AskedDate; swapped?: true };
export type NumericOrder = 'month-first' | 'day-first';

/** An empty question, or text that is not a date (`asked`, trimmed). */
export type DateQueryResult = { ok: true; query: DateQuery } | { ok: false; reason: { kind: 'no-date-given' } | { kind: 'unreadable-date'; asked: string } };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "Aug", "aug.", "August", "Sept" → 8 or 9; at least three letters of the month's name. */
function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  if (w === 'sept') return 9;
  const i = MONTHS.findIndex((m) => m.startsWith(w));
  return i >= 0 ? i + 1 : undefined;
}

const YEAR = /^\d{4}$/;

function valid(d: AskedDate): boolean {
  if (d.year !== undefined && (d.year < 1 || d.year > 9999)) return false;
  if (d.month !== undefined && (d.month < 1 || d.month > 12)) return false;
  if (d.day !== undefined) {
    if (d.month === undefined) return false;
    // A day without a year must exist in some year (Feb 29 does).
    return validIso(d.year ?? 2024, d.month, d.day) !== null;
  }
  return true;
}

/** One date: ISO forms, month names with or without a year, numeric d/m forms, or a bare year. */
export function parseAskedDate(input: string, order: NumericOrder = 'month-first'): AskedDate | null {
  const text = input.trim().replace(/,/g, ' ').replace(/\s+/g, ' ');
  if (!text) return null;
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text);
  if (m) return check({ year: Number(m[1]), month: Number(m[2]), ...(m[3] ? { day: Number(m[3]) } : {}) });
  if (YEAR.test(text)) return check({ year: Number(text) });
  m = /^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : undefined;
    const [month, day] = order === 'month-first' ? [a, b] : [b, a];
    const withYear = year !== undefined ? { year } : {};
    // Read the other way round when the first reading has no month 13 or more: 29/8 is the 29th of August.
    return check({ month, day, ...withYear }) ?? (month > 12 ? check({ month: day, day: month, ...withYear }) : null);
  }
  // Words and numbers in any order: "Aug-29", "29 Aug 2025", "August 2025", "Aug 29th".
  const parts = text.split(/[\s-]+/).filter(Boolean);
  let month: number | undefined;
  let day: number | undefined;
  let year: number | undefined;
  for (const part of parts) {
    const asMonth = monthOf(part);
    const num = /^(\d{1,4})(st|nd|rd|th)?$/i.exec(part);
    if (asMonth !== undefined && month === undefined) month = asMonth;
    else if (num && YEAR.test(num[1] ?? '') && year === undefined) year = Number(num[1]);
    else if (num && (num[1]?.length ?? 0) <= 2 && day === undefined) day = Number(num[1]);
    else return null;
  }
  if (month === undefined) return null;
  return check({ month, ...(day !== undefined ? { day } : {}), ...(year !== undefined ? { year } : {}) });
}

function check(d: AskedDate): AskedDate | null {
  return valid(d) ? d : null;
}

/** A date or a range ("Aug 1 - Aug 31", "2025-08-01..2025-08-31", "from May to July"). */
export function parseDateQuery(input: string, order: NumericOrder = 'month-first'): DateQueryResult {
  const text = input.trim();
  const fail = (): DateQueryResult => ({ ok: false, reason: { kind: 'unreadable-date', asked: text } });
  if (!text) return { ok: false, reason: { kind: 'no-date-given' } };
  if (text.length > 60) return fail();
  // "1939-1944": two years joined by a dash are a range (a dash after a year is otherwise an ISO date's).
  const range = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(text) ?? /^(?:from\s+)?(.+?)\s*(?:\.\.|\s+-\s+|\s+to\s+|\s+until\s+|–)\s*(.+)$/i.exec(text);
  if (range) {
    const from = parseAskedDate(range[1] ?? '', order);
    let to = parseAskedDate(range[2] ?? '', order);
    // "Aug 1 - 31": the second half borrows the first half's month and year.
    if (!to && from?.month && /^\d{1,2}$/.test((range[2] ?? '').trim())) to = check({ ...from, day: Number(range[2]) });
    if (from && to) {
      if (to.year === undefined && from.year !== undefined) to.year = from.year;
      if (from.year === undefined && to.year !== undefined) from.year = to.year;
      return { ok: true, query: startKey(from) > endKey(to) ? { kind: 'range', from: to, to: from, swapped: true } : { kind: 'range', from, to } };
    }
    // "2025-08-29" contains dashes but is a single date; fall through.
  }
  const date = parseAskedDate(text, order);
  return date ? { ok: true, query: { kind: 'point', date } } : fail();
}

// Comparable keys for an asked date's first and last day (both sides of a range have a year, or neither).
const startKey = (d: AskedDate) => (d.year ?? 0) * 10_000 + (d.month ?? 1) * 100 + (d.day ?? 1);
const endKey = (d: AskedDate) => (d.year ?? 0) * 10_000 + (d.month ?? 12) * 100 + (d.day ?? 31);
