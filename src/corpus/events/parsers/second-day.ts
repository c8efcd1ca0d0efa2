// "on April 24 and 25": the second day of the month just named, which chrono reads only as the first.
import type { Parser, ParsingContext } from 'chrono-node';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const SECOND = /\b(?:and|or|&)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?=\s*(?:[,.;:)]|$)|\s+(?:in|at|on|when|as|to|for)\b)/i;
const FIRST_DAY_BEFORE = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s+$/;

export const secondDayParser: Parser = {
  pattern: () => SECOND,
  extract(context: ParsingContext, match: RegExpMatchArray) {
    const at = match.index ?? 0;
    const first = FIRST_DAY_BEFORE.exec(context.text.slice(Math.max(0, at - 20), at));
    const day = Number(match[1]);
    if (!first || day > 31 || day <= Number(first[2])) return null;
    const month = MONTHS.indexOf((first[1] ?? '').slice(0, 3).toLowerCase()) + 1;
    const components = context.createParsingComponents({ month, day });
    components.imply('year', context.refDate.getFullYear());
    return components;
  },
};
