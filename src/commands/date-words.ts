// Dates in the words of the answers: the forms /event reads, and an asked date said back.
import type { AskedDate, DateQuery } from '../corpus/query/date-query.ts';

export const DATE_EXAMPLES = '`Aug-29`, `August 29`, `29 Aug`, `2025-08-29`, `8/29`, `29.08.2025`, `August 2025`, `2025`, `Aug 1 - Aug 31`, `2025-08-01..2025-08-31`, `1939-1944`';

/** Human words for an asked date ("29 August", "August 2025", "2025"). */
export function describeAskedDate(d: AskedDate): string {
  const monthName = d.month ? new Date(Date.UTC(2000, d.month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }) : '';
  return [d.day, monthName, d.year].filter((x) => x !== undefined && x !== '').join(' ');
}

/** "on 29 August", "in August 2025", "in 2025", "between 1939 and 1944": the asked date after a count. */
export function describeDateQuery(q: DateQuery): string {
  if (q.kind === 'range') return `between ${describeAskedDate(q.from)} and ${describeAskedDate(q.to)}`;
  return `${q.date.day !== undefined ? 'on' : 'in'} ${describeAskedDate(q.date)}`;
}
