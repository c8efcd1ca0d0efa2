// "last week", "this week", "next week", "this weekend", "over the weekend": a span of days, which is an event of its
// month when it lies inside one month (and no event at all when it straddles two).
import type { Parser, ParsingContext } from 'chrono-node';

/** Tag for a result whose start and end bound a span rather than name one day. */
export const SPAN_TAG = 'lectern/span';
/** "the weekend" with no "last" or "next": the direction refiner chooses between the two. */
export const BARE_WEEKEND_TAG = 'lectern/bare-weekend';

// "the week before/after" and "the next week" count from another date, and "the past week" is a duration.
const WEEK = /\b(last|this|next|the)\s+(week|weekend)\b(?!\s+(?:before|after|earlier|later|of)\b)(?!')/i;

const day = (ref: Date, offset: number) => new Date(ref.getFullYear(), ref.getMonth(), ref.getDate() + offset, 12);

export const weekParser: Parser = {
  pattern: () => WEEK,
  extract(context: ParsingContext, match: RegExpMatchArray) {
    const modifier = (match[1] ?? '').toLowerCase();
    const weekend = (match[2] ?? '').toLowerCase() === 'weekend';
    if (modifier === 'the' && !weekend) return null;
    const ref = context.refDate;
    // Weeks run Monday to Sunday.
    const monday = -((ref.getDay() + 6) % 7);
    const shift = modifier === 'last' ? -7 : modifier === 'next' ? 7 : 0;
    let start = monday + shift;
    let end = start + 6;
    if (weekend) {
      start += 5;
      end = start + 1;
      // "the weekend" on a weekday before Friday is the one just past; the direction refiner may move it on.
      if (modifier === 'the' && ref.getDay() >= 1 && ref.getDay() <= 4) {
        start -= 7;
        end -= 7;
      }
    }
    const from = day(ref, start);
    const to = day(ref, end);
    const result = context.createParsingResult(
      match.index ?? 0,
      match[0],
      { year: from.getFullYear(), month: from.getMonth() + 1, day: from.getDate() },
      { year: to.getFullYear(), month: to.getMonth() + 1, day: to.getDate() },
    );
    result.addTag(SPAN_TAG);
    if (modifier === 'the') result.addTag(BARE_WEEKEND_TAG);
    return result;
  },
};
