import { describe, expect, it } from 'vitest';
import { parseAskedDate, parseDateQuery } from '../../../src/corpus/query/date-query.ts';

describe('date queries', () => {
  it.each([
    ['Aug-29', { month: 8, day: 29 }],
    ['August 29', { month: 8, day: 29 }],
    ['29 Aug', { month: 8, day: 29 }],
    ['aug 29th', { month: 8, day: 29 }],
    ['2025-08-29', { year: 2025, month: 8, day: 29 }],
    ['August 2025', { year: 2025, month: 8 }],
    ['2025', { year: 2025 }],
    ['1944', { year: 1944 }],
    ['Sept 3, 2025', { year: 2025, month: 9, day: 3 }],
    ['8/29', { month: 8, day: 29 }],
    ['Feb 29', { month: 2, day: 29 }],
  ])('reads %s', (text, expected) => {
    expect(parseAskedDate(text)).toEqual(expected);
  });

  it('reads numeric dates day-first when asked to', () => {
    expect(parseAskedDate('29/8', 'day-first')).toEqual({ month: 8, day: 29 });
    // Month first, unless the first number cannot be a month.
    expect(parseAskedDate('29/8', 'month-first')).toEqual({ month: 8, day: 29 });
    expect(parseAskedDate('8/29', 'day-first')).toEqual({ month: 8, day: 29 });
    expect(parseAskedDate('5/8', 'day-first')).toEqual({ month: 8, day: 5 });
    expect(parseAskedDate('29.08.2025')).toEqual({ year: 2025, month: 8, day: 29 });
    expect(parseAskedDate('29/13')).toBeNull();
  });

  it.each(['Feb-30', '0000-00-00', '2025-13-01', 'yesterday-ish', 'Aug 32', ''])('rejects %j, saying whether a date was given', (text) => {
    const result = parseDateQuery(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toEqual(text ? { kind: 'unreadable-date', asked: text } : { kind: 'no-date-given' });
  });

  it('reads ranges in several spellings', () => {
    expect(parseDateQuery('Aug 1 - Aug 31')).toEqual({ ok: true, query: { kind: 'range', from: { month: 8, day: 1 }, to: { month: 8, day: 31 } } });
    expect(parseDateQuery('2025-08-01..2025-08-31')).toEqual({
      ok: true,
      query: { kind: 'range', from: { year: 2025, month: 8, day: 1 }, to: { year: 2025, month: 8, day: 31 } },
    });
    expect(parseDateQuery('May to July 2025')).toEqual({ ok: true, query: { kind: 'range', from: { month: 5, year: 2025 }, to: { month: 7, year: 2025 } } });
  });

  it('reads two years joined by a dash as a range', () => {
    expect(parseDateQuery('1939-1944')).toEqual({ ok: true, query: { kind: 'range', from: { year: 1939 }, to: { year: 1944 } } });
    expect(parseDateQuery('1939 – 1944')).toEqual({ ok: true, query: { kind: 'range', from: { year: 1939 }, to: { year: 1944 } } });
  });

  it('reads a range given the wrong way round in order, and says it was swapped', () => {
    expect(parseDateQuery('Aug 31 - Aug 1')).toEqual({ ok: true, query: { kind: 'range', from: { month: 8, day: 1 }, to: { month: 8, day: 31 }, swapped: true } });
    expect(parseDateQuery('1944-1939')).toEqual({ ok: true, query: { kind: 'range', from: { year: 1939 }, to: { year: 1944 }, swapped: true } });
    // A day inside the month that ends the range is not the wrong way round.
    expect(parseDateQuery('Aug 15 - August')).toEqual({ ok: true, query: { kind: 'range', from: { month: 8, day: 15 }, to: { month: 8 } } });
  });

  it('keeps an ISO date with dashes a single date, not a range', () => {
    expect(parseDateQuery('2025-08-29')).toEqual({ ok: true, query: { kind: 'point', date: { year: 2025, month: 8, day: 29 } } });
  });
});
