import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tenseAt } from '../../../src/corpus/events/clause-tense.ts';
import { saidJustBefore } from '../../../src/corpus/events/refiners/direction.ts';
import { tagText } from '../../../src/corpus/tag/tag-text.ts';
import { findDates } from '../../../src/corpus/events/date-expressions.ts';
import { formatDate, type PartialDate } from '../../../src/corpus/events/calendar.ts';
import { weekdayFrom, yearFor, yearForMonth } from '../../../src/corpus/events/direction.ts';

// 2025-10-15 is a Wednesday.
const OCT_15: PartialDate = { year: 2025, month: 10, day: 15, granularity: 'day' };
const dates = (sentence: string, published: PartialDate = OCT_15) => findDates(sentence, published, () => null).map((d) => formatDate(d.date));

describe('a weekday alone takes its direction from the clause', () => {
  it.each([
    ['The minister said on Tuesday that talks had stalled.', '2025-10-14'],
    ['Police arrested two men Saturday.', '2025-10-11'],
    ['The ministers will travel to Geneva on Saturday.', '2025-10-18'],
    ['Tickets go on sale next Monday.', '2025-10-20'],
    ['The team planned to leave Nairobi on Thursday.', '2025-10-16'],
    ['Protesters planned a march on Saturday and were planning to block the airport on Monday.', '2025-10-18 2025-10-20'],
    ['The bridge could fall by Monday, engineers warned.', '2025-10-20'],
    ['On Sunday, the company said it had found the fault.', '2025-10-12'],
    ['Until Thursday, investigators had not named a suspect.', '2025-10-09'],
    ['The relatives vowed to fight Monday\'s ruling.', '2025-10-13'],
    // A plan told in the past: the coming Saturday.
    ['A concert planned for Saturday was cancelled.', '2025-10-18'],
    ['Officials postponed until Tuesday any decision on the merger.', '2025-10-21'],
  ])('%s → %s', (sentence, expected) => {
    expect(dates(sentence).join(' ')).toBe(expected);
  });

  it('gives a "Monday, Oct. 26" the year in which that day is a Monday', () => {
    expect(dates('The paper said in an editorial on Monday, Oct. 26:', { year: 1998, month: 10, day: 25, granularity: 'day' })).toEqual(['1998-10-26']);
  });
});

describe('a month or day without a year takes its year from the clause and the calendar', () => {
  it.each([
    ['The dividend is payable Nov. 30.', '2025-11-30'],
    ['The factory opened in November.', '2024-11'],
    ['The vote will take place in March.', '2026-03'],
    ['The alliance has decided to admit the three countries in early March.', '2026-03'],
    ['The hearing was scheduled for January, officials said.', '2026-01'],
    ['The opening was scheduled for August, but the builders were late.', '2025-08'],
    ['The boy must be returned to his father by Oct. 20.', '2025-10-20'],
    // A deadline gone by a day or two is the story's own, written before it ran; a month gone by is next year's.
    ['The boy must be returned to his father by Oct. 13.', '2025-10-13'],
    ['The boy must be returned to his father by Sept. 15.', '2026-09-15'],
    ['The Aug. 7 bombings killed 257 people.', '2025-08-07'],
    ['Investigators have been searching for him since shortly after the Feb. 23 shooting.', '2025-02-23'],
    ['The factory was supposed to open at the end of August.', '2025-08'],
  ])('%s → %s', (sentence, expected) => {
    expect(dates(sentence).join(' ')).toBe(expected);
  });

  it('reads a present tense with a date as a timetable', () => {
    expect(dates('The trial opens on Monday.')).toEqual(['2025-10-20']);
    expect(dates('The summit is held on April 24.')).toEqual(['2026-04-24']);
  });
});

describe('the calendar choices', () => {
  const ref = new Date(2025, 9, 15, 12);
  it('picks the last or the next occurrence of a yearly day', () => {
    expect(yearFor(() => ({ month: 11, day: 30 }), ref, 'past')).toBe(2024);
    expect(yearFor(() => ({ month: 11, day: 30 }), ref, 'future')).toBe(2025);
    // Nothing in the clause: the past up to about nine months back, otherwise the next one.
    expect(yearFor(() => ({ month: 3, day: 1 }), ref, 'either')).toBe(2025);
    expect(yearFor(() => ({ month: 11, day: 30 }), ref, 'either')).toBe(2025);
    expect(yearFor(() => ({ month: 10, day: 20 }), ref, 'past')).toBe(2024);
    // A plan told in the past: whichever is nearer.
    expect(yearFor(() => ({ month: 1, day: 10 }), ref, 'prospect')).toBe(2026);
    expect(yearFor(() => ({ month: 8, day: 30 }), ref, 'prospect')).toBe(2025);
  });

  it('counts a month as begun from its first day', () => {
    expect(yearForMonth(10, ref, 'past')).toBe(2025);
    expect(yearForMonth(10, ref, 'future')).toBe(2025);
    expect(yearForMonth(12, ref, 'past')).toBe(2024);
    expect(yearForMonth(2, ref, 'future')).toBe(2026);
  });

  it('finds a weekday today, back or forward', () => {
    const day = (d: Date) => `${d.getMonth() + 1}-${d.getDate()}`;
    expect(day(weekdayFrom(3, ref, 'past'))).toBe('10-15');
    expect(day(weekdayFrom(1, ref, 'past'))).toBe('10-13');
    expect(day(weekdayFrom(1, ref, 'future'))).toBe('10-20');
    expect(day(weekdayFrom(5, ref, 'either'))).toBe('10-17');
    expect(day(weekdayFrom(0, ref, 'either'))).toBe('10-12');
  });
});

describe('the fast path for "said Friday"', () => {
  const SUBJECTS = ['Police', 'The minister', 'Officials in Kenya', 'She', 'The company, which makes drones,'];
  const VERBS = ['said', 'told reporters', 'announced', 'had said', 'has said', 'confirmed', 'will say', 'denied'];
  const DATES = ['Friday', 'on Friday', 'Nov. 3', 'on Nov. 3', "Friday's"];
  const RESTS = [' that the talks would resume.', '.', ' the ruling was wrong.', ', and left.'];
  it('agrees with the tagged clause wherever it answers', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SUBJECTS), fc.constantFrom(...VERBS), fc.constantFrom(...DATES), fc.constantFrom(...RESTS), (subject, verb, date, rest) => {
        const sentence = `${subject} ${verb} ${date}${rest}`;
        const bare = date.replace(/^on /, '').replace(/'s$/, '');
        const index = sentence.indexOf(bare);
        if (saidJustBefore(sentence, { index, text: bare })) expect(tenseAt(tagText(sentence), index, index + bare.length)).toBe('past');
      }),
      { numRuns: 300 },
    );
  });

  it('answers for a past speech verb right before the date, and not otherwise', () => {
    const at = (sentence: string, date: string) => saidJustBefore(sentence, { index: sentence.indexOf(date), text: date });
    expect(at('Police said Friday they had found the car.', 'Friday')).toBe(true);
    expect(at('Police said on Friday they had found the car.', 'Friday')).toBe(true);
    expect(at('Police have said Friday is too late.', 'Friday')).toBe(false);
    expect(at("Police said Friday's raid was legal.", 'Friday')).toBe(false);
    expect(at('Police will say on Friday what they found.', 'Friday')).toBe(false);
  });
});

describe('more cues from the clause', () => {
  const SEP_24: PartialDate = { year: 2025, month: 9, day: 24, granularity: 'day' };
  it.each([
    ['The club will sign him in the January transfer window.', '2026-01'],
    ['The club signed him in the January transfer window.', '2025-01'],
    ['Clubs are preparing ahead of the January transfer window.', '2026-01'],
    ['The fire is linked to the August 7 bombings.', '2025-08-07'],
    ['Ministers are meeting on Friday.', '2025-09-26'],
    ['He left three weeks ago.', '2025-09'],
  ])('%s → %s', (sentence, expected) => {
    expect(dates(sentence, SEP_24).join(' ')).toBe(expected);
  });

  it('gives no month to a week ago that straddles two months', () => {
    // A week before 2025-10-08 is 1 October, in the week of 29 September to 5 October.
    expect(dates('He left a week ago.', { year: 2025, month: 10, day: 8, granularity: 'day' })).toEqual([]);
  });
});
