// Expressions that count from the date just mentioned rather than from today: "the day before", "five years
// earlier", "the previous year", "later that day", "the same day", "the next morning". chrono would count them
// from today; the extractor resolves them in order against the date the text gave last.
import type { Unit } from './calendar.ts';
import { allMatches } from '../text/matches.ts';

/** An anchored expression: `amount` units from the date just mentioned (0 for "that day", negative back). */
export interface AnchoredExpression {
  index: number;
  text: string;
  amount: number;
  unit: Unit;
}

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100 };

/** Expressions that count from the date just mentioned rather than from today. */
const RELATIVE_TO_PREVIOUS = new RegExp(
  String.raw`\b(?:(?:(?:later|earlier) )?that (?:same )?(?:day|morning|afternoon|evening|night)|(?:later|earlier) that (year|month)|the same (day|month|year)|the (?:next|following) (?:morning|afternoon|evening|night)|(the )?(day|week|month|year) (before|after|earlier|later)|the (next|following|previous|preceding) (day|week|month|year)|(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|\d+) (days?|weeks?|months?|years?|decades?) (earlier|later|before|after|afterwards|on))\b`,
  'gi',
);

/** Every form of RELATIVE_TO_PREVIOUS names its unit: a cheap test first. */
const RELATIVE_UNIT = /day|week|month|year|decade|morning|afternoon|evening|night/i;

/** "that day", "later that year", "the same day": the date just mentioned itself. */
const SAME_AS_PREVIOUS = /\bthat\b|\bsame\b/i;
/** "the next morning": the day after it. */
const PART_OF_NEXT_DAY = /^the (?:next|following) (?:morning|afternoon|evening|night)$/i;

/** The anchored expressions of a sentence, in order. */
export function anchoredExpressions(sentence: string): AnchoredExpression[] {
  const out: AnchoredExpression[] = [];
  if (!RELATIVE_UNIT.test(sentence)) return out;
  for (const m of allMatches(RELATIVE_TO_PREVIOUS, sentence)) {
    const text = m[0];
    const lower = text.toLowerCase();
    // "the day before authorities issued a warrant", "a decade after exchanging": counted from an event, not a date.
    if (/\b(?:before|after)$/.test(lower) && /^\s+[\w$]/.test(sentence.slice((m.index ?? 0) + text.length))) continue;
    const backwards = /\b(before|earlier|previous|preceding)\b/.test(lower);
    let amount = 1;
    let unit: Unit;
    const counted = /^(\S+) (day|week|month|year|decade)s?/.exec(lower);
    if (SAME_AS_PREVIOUS.test(lower)) {
      amount = 0;
      unit = (/(month|year)/.exec(lower)?.[1] ?? 'day') as Unit;
    } else if (PART_OF_NEXT_DAY.test(lower)) unit = 'day';
    // "the day before" counts one; only a number word or digits give another amount.
    else if (counted && counted[1] !== 'the') {
      amount = NUMBER_WORDS[counted[1] ?? ''] ?? Number(counted[1]);
      unit = counted[2] as Unit;
    } else unit = (/(day|week|month|year)/.exec(lower)?.[1] ?? 'day') as Unit;
    if (!Number.isFinite(amount)) continue;
    out.push({ index: m.index ?? 0, text, amount: backwards && amount ? -amount : amount, unit });
  }
  return out;
}
