// A year on its own: "in 1944", "the 1996 Olympic bombing", "between 1994 and 1997", "post-1959". chrono reads none.
// Not a year: counts and measures ("2000 soldiers", "1944 kilometres"), decades ("1990s"), open ranges ("since 1990",
// a duration rather than a date) and a year used as a name ("the 2028 election": an edition, not when it happened).
import type { Parser, ParsingContext } from 'chrono-node';

const YEAR = /\b((?:1[0-9]|20)[0-9]{2})\b(?![.,]?\d|s\b|'s\b|-\d)/;

/** What may stand before a year that is a date. */
const PREPOSITION = /\b(in|by|during|until|till|before|after|from|around|circa|throughout|of|to|through|early|late|mid|between|and|or|year|spring|summer|autumn|fall|winter|the|a|an|its|his|her|their|our|this|that)\s+$/i;
const PREFIXED = /\b(post|pre|mid)-$/i;
/** After a year: a measure or a count, so the number is no year. */
const COUNTED = /^\s*(?:km|kilomet(?:er|re)s?|miles?|metres?|meters?|feet|people|persons|troops|soldiers|men|women|children|units|%|percent|per cent|dollars|euros|pounds|tons|tonnes|votes|jobs|cases|deaths|members|pages|m\b|ft\b)/i;
/** Nouns a year names an edition of. */
const NAMED_EDITION = /^\s*(?:presidential |general |midterm |mid-term |parliamentary |local |olympic |winter |summer )?(?:elections?|olympics|games|world cup|cup|season|budget|census|model|target|targets|edition|championships?|class|campaign|race|primar(?:y|ies))\b/i;
const OPEN_RANGE = /\bsince\s+$/i;
const RANGE_START = /\b(?:1[0-9]|20)[0-9]{2},?\s+(?:and|or)\s+$/i;

export const yearParser: Parser = {
  pattern: () => YEAR,
  extract(context: ParsingContext, match: RegExpMatchArray) {
    const at = match.index ?? 0;
    const year = match[1] ?? '';
    const before = context.text.slice(Math.max(0, at - 40), at);
    const after = context.text.slice(at + year.length, at + year.length + 40);
    if (OPEN_RANGE.test(before) || COUNTED.test(after) || /[$€£#]$|\d[.,]$/.test(before)) return null;
    const preposition = PREPOSITION.exec(before) ?? PREFIXED.exec(before);
    if (!preposition) return null;
    const word = (preposition[1] ?? '').toLowerCase();
    const determiner = ['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that'].includes(word);
    if (determiner && NAMED_EDITION.test(after)) return null;
    // "and 1997" is a year only as the end of a range or a list of years ("between 1994 and 1997", "in 1994, 1995
    // and 1997"); "to" and "through" also end a span from an event ("dating to 1994").
    if ((word === 'and' || word === 'or') && !RANGE_START.test(before)) return null;
    // Round hundreds after a determiner are more often counts ("the 2000 soldiers") than years.
    if (determiner && /00$/.test(year) && /^\s+[a-z]+s\b/.test(after)) return null;
    // The expression keeps the word that gives it its sense ("in 1944", "the 1996"), as the other parsers do (and
    // chrono drops a result that is a bare number).
    const start = at - preposition[0].length;
    const text = context.text.slice(start, at + year.length);
    return context.createParsingResult(start, text, { year: Number(year) });
  },
};
