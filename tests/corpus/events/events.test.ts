import { describe, expect, it } from 'vitest';
import { findDates } from '../../../src/corpus/events/date-expressions.ts';
import { formatDate, type PartialDate } from '../../../src/corpus/events/calendar.ts';
import { analyse, eventList } from '../helpers.ts';

// 2025-09-04 is a Thursday.
const PUBLISHED: PartialDate = { year: 2025, month: 9, day: 4, granularity: 'day' };
const dates = (sentence: string, previous: PartialDate | null = null) =>
  findDates(sentence, PUBLISHED, () => previous).map((d) => `${formatDate(d.date)} ${d.text}`);

describe('explicit dates', () => {
  it.each([
    ['The treaty was signed on March 3, 2021.', '2021-03-03'],
    ['The treaty was signed on 3 March 2021.', '2021-03-03'],
    ['The treaty was signed on 2021-03-03.', '2021-03-03'],
    ['The treaty was signed on Mar. 3, 2021, in Oslo.', '2021-03-03'],
    ['The treaty was signed on Wednesday, March 3, 2021.', '2021-03-03'],
    ['The ceasefire began on August 12.', '2025-08-12'],
    ['Elections are due on November 2.', '2025-11-02'],
    ['The war ended in May 1945.', '1945-05'],
    ['The strikes were conducted throughout July.', '2025-07'],
    ['The vote will take place in December.', '2025-12'],
    ['Finland lost Karelia in 1944.', '1944'],
  ])('%s → %s', (sentence, date) => {
    expect(dates(sentence).map((d) => d.split(' ')[0])).toEqual([date]);
  });

  it('keeps the preposition with the expression ("throughout July", "in 1944")', () => {
    expect(dates('The strikes were conducted throughout July.')).toEqual(['2025-07 throughout July']);
    expect(dates('Finland lost Karelia in 1944.')).toEqual(['1944 in 1944']);
  });

  it('puts a past month without a year in the last such month, a future one in the next', () => {
    expect(dates('The factory opened in October.')).toEqual(['2024-10 in October']);
    expect(dates('The factory will open in March.')).toEqual(['2026-03 in March']);
  });
});

describe('dates relative to the publication date', () => {
  it.each([
    ['The minister resigned yesterday.', '2025-09-03'],
    ['The report is published today.', '2025-09-04'],
    ['The leaders will meet tomorrow.', '2025-09-05'],
    ['The minister resigned on Monday.', '2025-09-01'],
    ['The leaders will meet on Monday.', '2025-09-08'],
    ['The summit opened on Thursday.', '2025-09-04'],
    ['Rutte on Wednesday also said the talks had stalled.', '2025-09-03'],
    ['The leaders will meet on Friday.', '2025-09-05'],
    ['The minister resigned two days ago.', '2025-09-02'],
    ['Inflation peaked last year.', '2024'],
    ['The IMF said on Tuesday that the economy will shrink.', '2025-09-02'],
    ['Talks will resume on Tuesday, the union said.', '2025-09-09'],
  ])('%s → %s', (sentence, date) => {
    expect(dates(sentence).map((d) => d.split(' ')[0])).toEqual([date]);
  });
});

describe('dates relative to the date just mentioned', () => {
  const aug29: PartialDate = { year: 2025, month: 8, day: 29, granularity: 'day' };
  it('resolves "the day before" and "the day after" against the previous date, not today', () => {
    expect(dates('The day before, missiles hit the workshops.', aug29)).toEqual(['2025-08-28 The day before']);
    expect(dates('The day after, the fire was put out.', aug29)).toEqual(['2025-08-30 The day after']);
  });

  it('resolves "three days later" and "five years earlier"', () => {
    expect(dates('Three days later, the talks resumed.', aug29)).toEqual(['2025-09-01 Three days later']);
    expect(dates('The Soviet Union had attacked it five years earlier.', { year: 1944, granularity: 'year' })).toEqual(['1939 five years earlier']);
  });

  it('chains on a date in the same sentence', () => {
    expect(dates('The plant was hit on June 3 and again two weeks later.')).toEqual(['2025-06-03 on June 3', '2025-06-17 two weeks later']);
  });

  it('does not resolve a day-relative expression against a year', () => {
    expect(dates('The day before, the troops withdrew.', { year: 1944, granularity: 'year' })).toEqual([]);
  });

  it('does not read "the day before the vote" as a date', () => {
    expect(dates('The day before the vote, nobody campaigned.', aug29)).toEqual([]);
  });
});

describe('words that are not dates', () => {
  it.each([
    'Officials may announce new measures soon.',
    'Protesters plan to march on the capital.',
    'Sales could double in two months.',
    'The deal was agreed within three years of talks.',
    'Weapons worth $1.5 billion were delivered to 2000 soldiers.',
    'The missile has a range of 1944 kilometres.',
    'Every week brings new attacks.',
  ])('%s', (sentence) => {
    expect(dates(sentence)).toEqual([]);
  });
});

describe('figures that cannot be dates are not given to chrono', () => {
  // chrono is the slow part of dating: a sentence whose only figures are amounts and shares is passed over.
  const chronoReads = (sentence: string) => {
    const read: string[] = [];
    findDates(sentence, PUBLISHED, () => null, (text) => {
      read.push(text);
      return [];
    });
    return read.length > 0;
  };
  it.each([
    'Prices rose 60 percent to $915 million.',
    'The bill passed 52 to 47.',
    'About 2.5 million people voted for the 14 candidates.',
  ])('passes over "%s"', (sentence) => {
    expect(chronoReads(sentence)).toBe(false);
  });
  it.each([
    'The plant closed in 1995.',
    'The plant closed in the 1990s.',
    'The vote is at 11:30 a.m.',
    'The vote is at 9 pm.',
    'The vote was held on 9/12.',
    'The vote was held on the 14th.',
    'The vote comes in 10 days.',
    'It was the class of \'16.',
  ])('reads "%s"', (sentence) => {
    expect(chronoReads(sentence)).toBe(true);
  });
});

describe('events in a document', () => {
  it('anchors "the day before" to the date the text just gave, across sentences', () => {
    const a = analyse('Fire broke out at the plant on August 29. The day before, several missiles hit it.');
    expect(eventList(a)).toEqual(['2025-08-29 on August 29', '2025-08-28 The day before']);
    expect(a.events[1]?.text).toBe('The day before, several missiles hit it.');
  });

  it('uses a "Month day, year" first line as the publication date', () => {
    const a = analyse('March 10, 2024\nThe talks collapsed yesterday.', 'txt', 'talks.txt');
    expect(a.published).toBe('2024-03-10');
    expect(eventList(a)).toEqual(['2024-03-09 yesterday']);
  });

  it('cites the source line of each event and the sentence that holds it', () => {
    const a = analyse('Nothing happened in the first week.\n\nThe port reopened on Tuesday. Ships left at once.');
    expect(a.events.map((e) => [e.line, e.date, e.text])).toEqual([[3, '2025-09-02', 'The port reopened on Tuesday.']]);
  });

  it('resolves dates inside a quoted block against the source\'s own date', () => {
    const text = ['As the Herald wrote on August 20:', 'The bridge closed yesterday. Repairs will take weeks.', 'I doubt it.'].join('\n');
    expect(eventList(analyse(text))).toContain('2025-08-19 yesterday');
  });

  it('takes no event from a wire dateline, and counts the story\'s weekdays from its date', () => {
    // Published on Saturday 8 August 1998; the dateline says the story was written on Friday the 7th.
    const a = analyse(['August 8, 1998', 'Embassy Bombed', 'NAIROBI, August 7 (Xinhua) --', 'Police arrested two men yesterday.'].join('\n'), 'txt', 'wire.txt');
    expect(eventList(a)).toEqual(['1998-08-06 yesterday']);
  });

  it('takes no event from a dateline on the same line as the story', () => {
    const a = analyse(['March 12, 1999', 'WASHINGTON, March 12 (AP) -- The ministers signed the treaty today.'].join('\n'), 'txt', 'wire.txt');
    expect(eventList(a)).toEqual(['1999-03-12 today']);
  });

  it('finds no event in an undated document without absolute dates', () => {
    const a = analyse('The talks collapsed yesterday.', 'txt', 'notes.txt');
    expect(a.published).toBeNull();
    expect(a.events).toEqual([]);
  });
});
