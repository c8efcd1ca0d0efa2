// Expressions chrono reads as dates that date no event: habits ("every Saturday"), open ranges ("since March"),
// durations ("the last three years", "within two months"), the moment of writing ("now"), and spans counted from
// another event ("13 days after the bombings", "an hour later"), which chrono would count from today.
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

const NOW_TAG = 'casualReference/now';
const NOWADAYS = /^['\u2019]s\s+(?:youth|young|world|society|generation|generations|children|teenagers|standards|culture|politics|economy|technology|media)\b/i;
const HABIT = /\b(?:every|each)\s+(?:other\s+)?$/i;
const OPEN_RANGE = /\bsince\s+$/i;
const COUNT = String.raw`(?:few|several|couple of|\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)`;
const DURATION = new RegExp(String.raw`\b(?:last|past|next|coming|previous|first)\s+${COUNT}\s+(?:days|weeks|months|years|decades)\b|^(?:in|within|for|over)\b.*\b(?:days?|weeks?|months?|years?|hours?|minutes?)$`, 'i');
/**
 * "three days later", "an hour after", "after three days": counted from an event the sentence names, never from
 * today. (chrono's "the day before last Tuesday" counts from a date it read, and stays.)
 */
const FROM_ANOTHER = /\b(?:later|after|afterwards|before|earlier)$|^(?:after|before)\s/i;
const TIME_UNIT = /\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b/i;

function datesNothing(context: ParsingContext, r: ParsingResult): boolean {
  const before = context.text.slice(Math.max(0, r.index - 20), r.index);
  const text = r.text;
  if (HABIT.test(before) || OPEN_RANGE.test(before) || /^since\b/i.test(text)) return true;
  if (DURATION.test(text)) return true;
  // "today's youth", "today's world": nowadays, not this day.
  if (/^today$/i.test(text) && NOWADAYS.test(context.text.slice(r.index + text.length))) return true;
  if (r.tags().has(NOW_TAG) || /^now$/i.test(text)) return true;
  // "5 1/2 hours": a fraction.
  if (/^\d{1,2}\/\d{1,2}$/.test(text) && /\d\s$/.test(before)) return true;
  // "the March for Life", "the March of the Mothers": a month's name naming something else.
  const c = r.start;
  if (c.isCertain('month') && !c.isCertain('day') && !c.isCertain('year') && /^\s*(?:of|for)\s+(?:the\s+)?[A-Z]/.test(context.text.slice(r.index + text.length))) return true;
  if (/\bof$/i.test(text) && c.isCertain('month') && !c.isCertain('year')) return true;
  return TIME_UNIT.test(text) && FROM_ANOTHER.test(text);
}

/** "from now to Election Day": the range's end is the date; its start is the moment of writing. */
function endOfRangeFromNow(context: ParsingContext, r: ParsingResult): ParsingResult {
  if (!r.end) return r;
  const end = NEW_RANGE_END.exec(r.text);
  if (!end) return r;
  const shifted = context.createParsingResult(r.index + end[0].length, r.text.slice(end[0].length), r.end);
  // The holiday's tag goes with it; "now"'s stays behind.
  shifted.addTags([...r.tags()].filter((t) => t !== NOW_TAG && !t.startsWith('parser/ENCasualDate')));
  return shifted;
}
const NEW_RANGE_END = /^(?:from\s+)?now\s+(?:to|until|till|through)\s+/i;

export const notEventsRefiner: Refiner = {
  refine: (context, results) => results.map((r) => endOfRangeFromNow(context, r)).filter((r) => !datesNothing(context, r)),
};
