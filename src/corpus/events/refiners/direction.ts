// Dates that do not say which way they look — a weekday alone, a month or day without a year, a holiday — take
// their direction from the clause around them (clause-tense.ts): "said on Tuesday" is the last Tuesday, "will travel
// on Saturday" the next Saturday, "payable Nov. 30" in October this November.
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { tagText, type Token } from '../../tag/tag-text.ts';
import { tenseAt, type Tense } from '../clause-tense.ts';
import { weekdayFrom, yearFor, yearForMonth } from '../direction.ts';
import { HOLIDAYS, HOLIDAY_TAG } from '../parsers/holidays.ts';
import { BARE_WEEKEND_TAG } from '../parsers/weeks.ts';

const MODIFIED = /\b(last|next|this|past|coming)\b/i;

const needsDirection = (r: ParsingResult): boolean => {
  const c = r.start;
  if (r.tags().has(BARE_WEEKEND_TAG)) return true;
  if (c.isCertain('year') || MODIFIED.test(r.text)) return false;
  if (c.isCertain('weekday') && c.isCertain('day')) return true;
  if (c.isCertain('weekday') && !c.isCertain('day')) return true;
  return c.isCertain('month');
};

/** The last sentence tagged: the refiner runs once per parse, and the parse is remembered per sentence. */
let tagged: { text: string; tokens: Token[] } | null = null;
function tokensOf(text: string): Token[] {
  if (tagged?.text !== text) tagged = { text, tokens: tagText(text) };
  return tagged.tokens;
}

function redirect(r: ParsingResult, tense: Tense, ref: Date): void {
  const c = r.start;
  if (r.tags().has(BARE_WEEKEND_TAG)) {
    // The parser chose the weekend just past when there was one; a clause looking ahead means the coming one.
    if (tense !== 'future' || c.date() > ref) return;
    for (const part of [r.start, r.end]) {
      if (!part) continue;
      const moved = new Date(part.get('year') ?? 0, (part.get('month') ?? 1) - 1, (part.get('day') ?? 1) + 7, 12);
      part.assign('year', moved.getFullYear()).assign('month', moved.getMonth() + 1).assign('day', moved.getDate());
    }
    return;
  }
  if (c.isCertain('weekday') && !c.isCertain('day')) {
    const day = weekdayFrom(c.get('weekday') ?? 0, ref, tense);
    c.assign('year', day.getFullYear()).assign('month', day.getMonth() + 1).assign('day', day.getDate());
    return;
  }
  const month = c.get('month') ?? 1;
  // "Monday, Oct. 26": the year in which that day is that weekday, the nearest one.
  if (c.isCertain('weekday') && c.isCertain('day')) {
    const day = c.get('day') ?? 1;
    const years = [0, -1, 1].map((k) => ref.getFullYear() + k);
    const year = years.find((y) => new Date(y, month - 1, day, 12).getDay() === c.get('weekday'));
    if (year !== undefined) {
      c.assign('year', year);
      return;
    }
  }
  const holiday = [...r.tags()].find((t) => t.startsWith(`${HOLIDAY_TAG}:`))?.slice(HOLIDAY_TAG.length + 1);
  const dayOf = holiday ? HOLIDAYS[holiday] : undefined;
  if (dayOf) {
    const year = yearFor(dayOf, ref, tense);
    const at = dayOf(year);
    c.assign('year', year).assign('month', at.month).assign('day', at.day);
  } else if (c.isCertain('day')) {
    const day = c.get('day') ?? 1;
    c.assign('year', yearFor(() => ({ month, day }), ref, tense));
  } else {
    c.assign('year', yearForMonth(month, ref, tense));
  }
}

export const directionRefiner: Refiner = {
  refine(context: ParsingContext, results: ParsingResult[]) {
    const open = results.filter(needsDirection);
    if (!open.length) return results;
    const tokens = tokensOf(context.text);
    for (const r of open) redirect(r, tenseAt(tokens, r.index, r.index + r.text.length), context.refDate);
    return results;
  },
};
