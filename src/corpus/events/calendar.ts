import type { DateGranularity } from '../types.ts';

/** A date at the granularity the text supports. Month and day are 1-based; absent below the granularity. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  granularity: DateGranularity;
}

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatDate(d: PartialDate): string {
  if (d.granularity === 'year') return pad(d.year, 4);
  if (d.granularity === 'month') return `${pad(d.year, 4)}-${pad(d.month ?? 1)}`;
  return `${pad(d.year, 4)}-${pad(d.month ?? 1)}-${pad(d.day ?? 1)}`;
}

export function parseIsoDate(iso: string): PartialDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[3]) return { year, month: Number(m[2]), day: Number(m[3]), granularity: 'day' };
  if (m[2]) return { year, month: Number(m[2]), granularity: 'month' };
  return { year, granularity: 'year' };
}

export function toUtc(d: PartialDate): Date {
  return new Date(Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1));
}

export function fromUtc(date: Date, granularity: DateGranularity = 'day'): PartialDate {
  const full = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  if (granularity === 'year') return { year: full.year, granularity };
  if (granularity === 'month') return { year: full.year, month: full.month, granularity };
  return { ...full, granularity };
}

export type Unit = 'day' | 'week' | 'month' | 'year' | 'decade';

/** Moves a date by whole units; the result keeps the coarser of the two granularities. */
export function shift(d: PartialDate, amount: number, unit: Unit): PartialDate {
  const date = toUtc(d);
  if (unit === 'day') date.setUTCDate(date.getUTCDate() + amount);
  if (unit === 'week') date.setUTCDate(date.getUTCDate() + amount * 7);
  if (unit === 'month') date.setUTCMonth(date.getUTCMonth() + amount);
  if (unit === 'year') date.setUTCFullYear(date.getUTCFullYear() + amount);
  if (unit === 'decade') date.setUTCFullYear(date.getUTCFullYear() + amount * 10);
  const unitGranularity: DateGranularity = unit === 'day' || unit === 'week' ? 'day' : unit === 'month' ? 'month' : 'year';
  const order: DateGranularity[] = ['year', 'month', 'day'];
  const coarser = order[Math.min(order.indexOf(d.granularity), order.indexOf(unitGranularity))] ?? 'year';
  return fromUtc(date, coarser);
}

/** Whether `inner` lies within `outer` (a day inside its month, a month inside its year). */
export function within(inner: PartialDate, outer: PartialDate): boolean {
  if (inner.year !== outer.year) return false;
  if (outer.granularity === 'year') return true;
  if (inner.month !== outer.month) return false;
  if (outer.granularity === 'month') return inner.granularity !== 'year';
  return inner.granularity === 'day' && inner.day === outer.day;
}
