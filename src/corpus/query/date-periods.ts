import type { PartialDate } from '../events/calendar.ts';
import type { AskedDate } from './date-query.ts';

export const DAY = 86_400_000;

/** The first day of an asked date, as a UTC timestamp (a date without a year is read in 2000). */
export function startOf(d: AskedDate): number {
  return Date.UTC(d.year ?? 2000, (d.month ?? 1) - 1, d.day ?? 1);
}

/** The last day of an asked date. */
export function endOf(d: AskedDate): number {
  if (d.day !== undefined) return startOf(d);
  if (d.month !== undefined) return Date.UTC(d.year ?? 2000, d.month, 0);
  return Date.UTC(d.year ?? 2000, 11, 31);
}

/** The first and last day of an event's date (in `year` instead of its own, when given). */
export function periodOf(p: PartialDate, year?: number): [number, number] {
  const asked: AskedDate = { year: year ?? p.year, ...(p.month ? { month: p.month } : {}), ...(p.day ? { day: p.day } : {}) };
  return [startOf(asked), endOf(asked)];
}
