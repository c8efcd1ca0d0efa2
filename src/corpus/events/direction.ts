// Calendar choices once the sentence has said which way a date looks: which year a "Nov. 30" or a "Thanksgiving"
// is in, which week a bare "Friday" is in.
import type { Tense } from './clause-tense.ts';

const DAY = 86_400_000;
/** With no tense to go by, a date up to this far back is read as past; beyond it, as the next one. */
const PAST_WINDOW_DAYS = 275;
/** A future date that went by this recently is the one the story meant (news runs a day or two after it is written). */
const JUST_GONE_DAYS = 3;

/** The year of a yearly date (`dayIn(year)` gives its month and day that year) as seen from `reference`. */
export function yearFor(dayIn: (year: number) => { month: number; day: number }, reference: Date, tense: Tense): number {
  const ref = Date.UTC(reference.getFullYear(), reference.getMonth(), reference.getDate());
  const at = (year: number) => {
    const { month, day } = dayIn(year);
    return Date.UTC(year, month - 1, day);
  };
  const year = reference.getFullYear();
  const past = at(year) <= ref ? year : year - 1;
  const future = at(year) >= ref ? year : year + 1;
  const back = (ref - at(past)) / DAY;
  const ahead = (at(future) - ref) / DAY;
  if (tense === 'past') return past;
  // "Must be returned by Jan. 14" in a story dated Jan. 15 was written before it ran: a date gone by a few days
  // is that one, not next year's.
  if (back <= JUST_GONE_DAYS) return past;
  if (tense === 'future') return future;
  if (tense === 'prospect') return back < ahead ? past : future;
  return back <= PAST_WINDOW_DAYS ? past : future;
}

/** A month named without a year: the whole month counts as "already begun" once its first day has come. */
export function yearForMonth(month: number, reference: Date, tense: Tense): number {
  const year = reference.getFullYear();
  const refMonth = reference.getMonth() + 1;
  const past = month <= refMonth ? year : year - 1;
  const future = month >= refMonth ? year : year + 1;
  if (tense === 'past') return past;
  if (tense === 'future') return future;
  const back = (refMonth - month + 12) % 12;
  if (tense === 'prospect') return back <= 12 - back ? past : future;
  return back * 30.5 <= PAST_WINDOW_DAYS ? past : future;
}

/** A weekday without a date: the last one (today included) looking back, the next one (today included) looking forward. */
export function weekdayFrom(weekday: number, reference: Date, tense: Tense): Date {
  const ahead = (weekday - reference.getDay() + 7) % 7;
  const offset = tense === 'future' || tense === 'prospect' ? ahead : tense === 'past' ? -((7 - ahead) % 7) : ahead <= 3 ? ahead : ahead - 7;
  return new Date(reference.getFullYear(), reference.getMonth(), reference.getDate() + offset, 12);
}
