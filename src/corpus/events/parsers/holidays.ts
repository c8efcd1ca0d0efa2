// Named days: "Thanksgiving Day", "Christmas Eve", "last Thanksgiving", "Election Day". chrono knows none of them.
import type { Parser, ParsingContext } from 'chrono-node';
import { yearFor } from '../direction.ts';

type DayOf = (year: number) => { month: number; day: number };

/** The n-th (1-based; -1 the last) given weekday (0 Sunday) of a month. */
const nthWeekday = (month: number, weekday: number, n: number): DayOf => (year) => {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return { month, day: 1 + ((weekday - first + 7) % 7) + (n - 1) * 7 };
  }
  const lastDay = new Date(Date.UTC(year, month, 0));
  return { month, day: lastDay.getUTCDate() - ((lastDay.getUTCDay() - weekday + 7) % 7) };
};

const fixed = (month: number, day: number): DayOf => () => ({ month, day });

/** Western Easter Sunday (the anonymous Gregorian computus). */
const easter = (shiftDays: number): DayOf => (year) => {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const date = new Date(Date.UTC(year, Math.floor((h + l - 7 * m + 114) / 31) - 1, ((h + l - 7 * m + 114) % 31) + 1 + shiftDays));
  return { month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};

/** US Election Day: the Tuesday after the first Monday of November. */
const electionDay: DayOf = (year) => ({ month: 11, day: (nthWeekday(11, 1, 1)(year).day) + 1 });

export const HOLIDAYS: Record<string, DayOf> = {
  'new year\'s day': fixed(1, 1),
  'new year\'s eve': fixed(12, 31),
  'valentine\'s day': fixed(2, 14),
  'st. patrick\'s day': fixed(3, 17),
  'good friday': easter(-2),
  easter: easter(0),
  'easter sunday': easter(0),
  'easter monday': easter(1),
  'may day': fixed(5, 1),
  'memorial day': nthWeekday(5, 1, -1),
  'independence day': fixed(7, 4),
  'bastille day': fixed(7, 14),
  'labor day': nthWeekday(9, 1, 1),
  halloween: fixed(10, 31),
  'election day': electionDay,
  'veterans day': fixed(11, 11),
  'armistice day': fixed(11, 11),
  thanksgiving: nthWeekday(11, 4, 4),
  'thanksgiving day': nthWeekday(11, 4, 4),
  'christmas eve': fixed(12, 24),
  christmas: fixed(12, 25),
  'christmas day': fixed(12, 25),
  'boxing day': fixed(12, 26),
};

/** Tag that tells the direction refiner this date moves with its year. */
export const HOLIDAY_TAG = 'lectern/holiday';

const NAMES = Object.keys(HOLIDAYS).sort((a, b) => b.length - a.length).map((n) => n.replace(/[.']/g, (c) => `\\${c}`).replace(/ /g, '\\s+'));
const PATTERN = new RegExp(`\\b(?:(last|this|next|on)\\s+)?(${NAMES.join('|')})(?![\\w'])`, 'i');

export const holidayParser: Parser = {
  pattern: () => PATTERN,
  extract(context: ParsingContext, match: RegExpMatchArray) {
    const name = (match[2] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const dayOf = HOLIDAYS[name];
    // "Christmas" and "Easter" are names of people and places too: only the capitalised word is the day.
    if (!dayOf || !/^[A-Z]/.test(match[2] ?? '')) return null;
    // "Easter week", "the Christmas holidays": a season named after the day, not the day.
    const after = context.text.slice((match.index ?? 0) + match[0].length);
    if (/^\s+(?:week|weekend|season|holidays?|period|break|recess|truce)\b/i.test(after)) return null;
    const modifier = match[1]?.toLowerCase();
    const ref = context.refDate;
    let year: number | null = null;
    if (modifier === 'last') year = yearFor((y) => dayOf(y), new Date(ref.getFullYear(), ref.getMonth(), ref.getDate() - 1), 'past');
    else if (modifier === 'next') year = yearFor((y) => dayOf(y), new Date(ref.getFullYear(), ref.getMonth(), ref.getDate() + 1), 'future');
    else if (modifier === 'this') year = ref.getFullYear();
    const components = context.createParsingComponents();
    const at = dayOf(year ?? ref.getFullYear());
    components.assign('month', at.month).assign('day', at.day);
    if (year !== null) components.assign('year', year);
    else components.imply('year', ref.getFullYear());
    const result = context.createParsingResult(match.index ?? 0, match[0], components);
    return result.addTag(`${HOLIDAY_TAG}:${name}`);
  },
};
