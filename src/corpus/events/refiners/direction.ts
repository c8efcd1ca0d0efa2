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

/**
 * How much of the sentence around its dates is tagged: the clause that governs a date lies close to it, and the
 * tagger costs in proportion to what it reads (most of what dating a document costs).
 */
const LEFT_CHARS = 100;
const RIGHT_CHARS = 80;

/** Results in order, in groups whose neighbours lie within one window of each other. */
function nearby(results: ParsingResult[]): ParsingResult[][] {
  const groups: ParsingResult[][] = [];
  let end = -Infinity;
  for (const r of [...results].sort((a, b) => a.index - b.index)) {
    const last = groups[groups.length - 1];
    if (last && r.index - end <= LEFT_CHARS + RIGHT_CHARS) last.push(r);
    else groups.push([r]);
    end = Math.max(end, r.index + r.text.length);
  }
  return groups;
}

/** Tokens of the part of `text` around [from, to), with offsets into `text`. */
function tokensAround(text: string, from: number, to: number): Token[] {
  let start = Math.max(0, from - LEFT_CHARS);
  let end = Math.min(text.length, to + RIGHT_CHARS);
  // Whole words only: cut at a space.
  if (start > 0) start = text.indexOf(' ', start) + 1 || from;
  if (end < text.length) end = text.lastIndexOf(' ', end) > to ? text.lastIndexOf(' ', end) : to;
  return tagText(text.slice(start, end)).map((t) => ({ ...t, start: t.start + start, end: t.end + start }));
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

/** Whether the clause's tense can change the date: not for today's weekday, this month, or today. */
function tenseMatters(r: ParsingResult, ref: Date): boolean {
  const back = r.clone();
  const ahead = r.clone();
  redirect(back, 'past', ref);
  redirect(ahead, 'future', ref);
  return back.start.date().getTime() !== ahead.start.date().getTime();
}

/**
 * "Police said Friday": a past speech verb right before the date is the verb the tagger would find (tested against
 * it in date-direction.test.ts). Tagging is most of what dates cost, and news dates its statements this way.
 */
const SAID_JUST_BEFORE = /(?<!\b(?:has|have|'ve|having)\s)\b(?:said|told|announced|reported|added|confirmed|denied|warned|wrote|stated|declared|testified)\s+(?:on\s+)?$/i;
export function saidJustBefore(text: string, r: { index: number; text: string }): boolean {
  return SAID_JUST_BEFORE.test(text.slice(Math.max(0, r.index - 30), r.index)) && !/^['’]s?\b/.test(text.slice(r.index + r.text.length));
}

export const directionRefiner: Refiner = {
  refine(context: ParsingContext, results: ParsingResult[]) {
    const ref = context.refDate;
    const open: ParsingResult[] = [];
    for (const r of results) {
      if (!needsDirection(r)) continue;
      if (!tenseMatters(r, ref) || saidJustBefore(context.text, r)) redirect(r, 'past', ref);
      else open.push(r);
    }
    if (!open.length) return results;
    // One tagging per stretch of nearby open dates (one per sentence, but for run-on "sentences" such as tables).
    for (const group of nearby(open)) {
      const tokens = tokensAround(context.text, group[0]?.index ?? 0, Math.max(...group.map((r) => r.index + r.text.length)));
      for (const r of group) redirect(r, tenseAt(tokens, r.index, r.index + r.text.length), ref);
    }
    return results;
  },
};
