// Months that chrono reads without the words around them: "February this year", "June last year", "last March",
// "mid-June", "late November", and seasons ("last autumn" is a year: TimeML gives seasons no finer value).
import type { Parser, ParsingContext } from 'chrono-node';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec';
const monthNumber = (word: string) => MONTHS.findIndex((m) => m.startsWith(word.toLowerCase().replace(/\.$/, '').slice(0, 3))) + 1;

/** "early October this year", "June last year", "April of next year". */
const MONTH_RELATIVE_YEAR = new RegExp(
  String.raw`\b((?:early|late|mid)[- ]?)?(${MONTH_NAMES})\.?(?:\s+of)?\s+(this|last|next) year\b`,
  'i',
);
// "June the previous year" counts from the date just mentioned: left to the anchored expressions.
const YEAR_OFFSET: Record<string, number> = { this: 0, last: -1, next: 1 };

export const monthRelativeYearParser: Parser = {
  pattern: () => MONTH_RELATIVE_YEAR,
  extract(context: ParsingContext, match: RegExpMatchArray) {
    const word = match[2] ?? '';
    // Lower-case "may" and "march" are verbs.
    if (word === word.toLowerCase()) return null;
    const offset = YEAR_OFFSET[(match[3] ?? '').toLowerCase()];
    if (offset === undefined) return null;
    return context.createParsingComponents({ year: context.refDate.getFullYear() + offset, month: monthNumber(word) });
  },
};

/** "last March" is the latest March before this month; "next March" the first after it; "this March" this year's. */
const MODIFIED_MONTH = new RegExp(String.raw`\b(last|next|this|past)\s+(${MONTH_NAMES})\b\.?(?:\s+(\d{1,2})\b(?!:|\s*,?\s*\d{4}))?`, 'i');

export const modifiedMonthParser: Parser = {
  pattern: () => MODIFIED_MONTH,
  extract(context: ParsingContext, match: RegExpMatchArray) {
    const word = match[2] ?? '';
    if (word === word.toLowerCase()) return null;
    const month = monthNumber(word);
    const refMonth = context.refDate.getMonth() + 1;
    const modifier = (match[1] ?? '').toLowerCase();
    let year = context.refDate.getFullYear();
    if ((modifier === 'last' || modifier === 'past') && month >= refMonth) year--;
    if (modifier === 'next' && month <= refMonth) year++;
    // "last Oct. 23": the day too.
    const day = match[3] ? Number(match[3]) : undefined;
    return context.createParsingComponents(day && day <= 31 ? { year, month, day } : { year, month });
  },
};

/** "mid-June", "early December", "late-November": a month (the direction refiner picks its year). */
const PART_OF_MONTH = new RegExp(String.raw`\b(early|late|mid)[- ]?(${MONTH_NAMES})\b\.?(?!\s*\d)`, 'i');

export const partOfMonthParser: Parser = {
  pattern: () => PART_OF_MONTH,
  extract(context: ParsingContext, match: RegExpMatchArray) {
    const word = match[2] ?? '';
    if (word === word.toLowerCase()) return null;
    const components = context.createParsingComponents({ month: monthNumber(word) });
    components.imply('year', context.refDate.getFullYear()).imply('day', 1);
    return components;
  },
};

/** "last autumn", "this summer", "next spring": the year of that season. Winter straddles two years and is left out. */
const SEASON = /\b(last|this|next|past)\s+(spring|summer|autumn|fall)\b/i;
const SEASON_START: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9 };

export const seasonParser: Parser = {
  pattern: () => SEASON,
  extract(context: ParsingContext, match: RegExpMatchArray) {
    const start = SEASON_START[(match[2] ?? '').toLowerCase()] ?? 1;
    const modifier = (match[1] ?? '').toLowerCase();
    const refMonth = context.refDate.getMonth() + 1;
    let year = context.refDate.getFullYear();
    // A season is "last" once it has ended (three months after it began).
    if ((modifier === 'last' || modifier === 'past') && refMonth < start + 3) year--;
    if (modifier === 'next' && refMonth >= start) year++;
    return context.createParsingComponents({ year });
  },
};
