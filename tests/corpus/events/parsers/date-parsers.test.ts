import { describe, expect, it } from 'vitest';
import { findDates } from '../../../../src/corpus/events/date-expressions.ts';
import { formatDate, type PartialDate } from '../../../../src/corpus/events/calendar.ts';
import { HOLIDAYS } from '../../../../src/corpus/events/parsers/holidays.ts';

// 2000-01-12 is a Wednesday.
const JAN_12: PartialDate = { year: 2000, month: 1, day: 12, granularity: 'day' };
const found = (sentence: string, published: PartialDate = JAN_12, previous: PartialDate | null = null) =>
  findDates(sentence, published, () => previous).map((d) => `${formatDate(d.date)} ${d.text}`);
const datesOf = (sentence: string, published: PartialDate = JAN_12) => found(sentence, published).map((d) => d.split(' ')[0]);

describe('holidays', () => {
  it('knows the days that move with the year', () => {
    expect(HOLIDAYS.thanksgiving?.(1999)).toEqual({ month: 11, day: 25 });
    expect(HOLIDAYS['election day']?.(1998)).toEqual({ month: 11, day: 3 });
    expect(HOLIDAYS.easter?.(2000)).toEqual({ month: 4, day: 23 });
    expect(HOLIDAYS['good friday']?.(2025)).toEqual({ month: 4, day: 18 });
    expect(HOLIDAYS['memorial day']?.(2025)).toEqual({ month: 5, day: 26 });
  });

  it.each([
    ['The boy was found at sea on Thanksgiving Day.', '1999-11-25'],
    ['He was rescued last Thanksgiving.', '1999-11-25'],
    ['The family will gather on Christmas Eve.', '2000-12-24'],
    ['Shops were shut on New Year\'s Day.', '2000-01-01'],
    ['Voters will choose a governor on Election Day.', '2000-11-07'],
  ])('%s → %s', (sentence, date) => {
    expect(datesOf(sentence)).toEqual([date]);
  });

  it('leaves seasons named after a day and lower-case words alone', () => {
    expect(found('Protesters prayed as Easter week began.')).toEqual([]);
    expect(found('The Christmas holidays were quiet.')).toEqual([]);
  });
});

describe('months with the words around them', () => {
  it.each([
    ['The process began in February this year.', '2000-02'],
    ['The lower house approved it in early October last year.', '1999-10'],
    ['They will join in April next year.', '2001-04'],
    ['The plant closed last March.', '1999-03'],
    ['He was shot last Oct. 23 at his home.', '1999-10-23'],
    ['Fighting resumed in mid-December.', '1999-12'],
    ['Talks will resume in mid-June.', '2000-06'],
    ['It was rescued off the coast in late November.', '1999-11'],
    ['The summit is held on April 24 and 25.', '2000-04-24 2000-04-25'],
  ])('%s → %s', (sentence, dates) => {
    expect(datesOf(sentence).join(' ')).toBe(dates);
  });

  it('gives a season the year it falls in', () => {
    expect(datesOf('The league collapsed last autumn.')).toEqual(['1999']);
    expect(datesOf('The bridge will open next summer.')).toEqual(['2000']);
  });

  it('does not read a month\'s name that names something else', () => {
    expect(found('Thousands joined the annual March for Life.')).toEqual([]);
    expect(found('She led the March of the Mothers through the city.')).toEqual([]);
  });
});

describe('weeks and weekends', () => {
  it('dates a week or a weekend by its month when it lies in one month', () => {
    // The week before 2000-01-12 ran from 3 to 9 January; the next one from 17 to 23.
    expect(found('Last week, the FBI joined the inquiry.')).toEqual(['2000-01 Last week']);
    expect(found('The committee meets next week.')).toEqual(['2000-01 next week']);
    expect(found('Riots broke out over the weekend.', { year: 2000, month: 4, day: 24, granularity: 'day' })).toEqual(['2000-04 the weekend']);
  });

  it('gives no date to a week that straddles two months', () => {
    // 2000-02-02: the week before ran from 24 to 30 January, this week from 31 January to 6 February.
    expect(found('This week the talks stalled.', { year: 2000, month: 2, day: 2, granularity: 'day' })).toEqual([]);
  });

  it('does not read the week before an event, or a duration, as a week', () => {
    expect(found('The week before the vote was calm.')).toEqual([]);
    expect(found('Prices rose over the past week.')).toEqual([]);
  });
});

describe('years on their own', () => {
  it.each([
    ['He is charged in the 1996 Olympic bombing.', '1996'],
    ['A 1996 law strengthened the 1959 embargo.', '1996 1959'],
    ['Four doctors were shot between 1994 and 1997.', '1994 1997'],
    ['He was convicted twice from 1991 to 1997.', '1991 1997'],
    ['The post-1959 politics split families.', '1959'],
    ['Finland lost Karelia in 1944.', '1944'],
  ])('%s → %s', (sentence, dates) => {
    expect(datesOf(sentence).join(' ')).toBe(dates);
  });

  it.each([
    'Prices have risen since 2019.',
    'The 2028 election will be close.',
    'Candidates are preparing for the 2026 World Cup.',
    'The army sent 1500 troops.',
    'The trail is 2000 miles long.',
    'Unrest grew in the 1990s.',
    'It costs $1999 a year.',
  ])('not a dated year: %s', (sentence) => {
    expect(datesOf(sentence)).toEqual([]);
  });
});

describe('dates counted from the date just mentioned', () => {
  const oct23: PartialDate = { year: 1998, month: 10, day: 23, granularity: 'day' };
  it.each([
    ['Earlier that day, the family sent a fax.', '1998-10-23 Earlier that day'],
    ['Later that day the police arrived.', '1998-10-23 Later that day'],
    ['The same day, the clinic closed.', '1998-10-23 The same day'],
    ['He appeared in court the next morning.', '1998-10-24 the next morning'],
    ['Later that year he moved away.', '1998 Later that year'],
  ])('%s', (sentence, expected) => {
    expect(found(sentence, JAN_12, oct23)).toEqual([expected]);
  });

  it('does not count from an event ("the day before authorities issued a warrant")', () => {
    expect(found('He was last seen the day before authorities issued a warrant.', JAN_12, oct23)).toEqual([]);
    expect(found('Less than a decade after exchanging communist rule, they joined.', JAN_12, oct23)).toEqual([]);
  });
});

describe('what dates no event', () => {
  it.each([
    'The market opens every Saturday.',
    'Each Monday the committee meets.',
    'Prices have fallen since March.',
    'Sales doubled over the last three years.',
    'Talks will go on for the next few days.',
    'The agreement must be ratified within two months.',
    'The ruling is now final.',
    'Retaliating 13 days after the bombings, the navy fired missiles.',
    'Just over an hour later, he was declared dead.',
    'She will spend 5 1/2 hours in Nairobi.',
    "The case is for today's youth what the blockade was for their parents.",
  ])('%s', (sentence) => {
    expect(found(sentence)).toEqual([]);
  });

  it('keeps the end of a range that starts now ("from now to Election Day")', () => {
    expect(datesOf('It will be our theme from now to Election Day.', { year: 1998, month: 10, day: 26, granularity: 'day' })).toEqual(['1998-11-03']);
  });

  it('keeps a span chrono counts from a date it read ("the day before last Tuesday")', () => {
    expect(datesOf('The day before last Tuesday\'s hearing, he went to the house.', { year: 2000, month: 2, day: 24, granularity: 'day' })).toEqual(['2000-02-21']);
  });

  it('reads the date of "the night of Oct. 23", not today', () => {
    expect(datesOf('He was shot on the night of Friday, Oct. 23.', { year: 1998, month: 11, day: 21, granularity: 'day' })).toEqual(['1998-10-23']);
  });
});
