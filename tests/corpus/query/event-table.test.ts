import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/corpus/events/calendar.ts';
import { endOf, periodOf, startOf } from '../../../src/corpus/query/date-periods.ts';
import { parseDateQuery } from '../../../src/corpus/query/date-query.ts';
import { DocumentLookup } from '../../../src/corpus/query/document-lookup.ts';
import { buildEventTable, matcher, scopeMask } from '../../../src/corpus/query/event-table.ts';
import { Nearest } from '../../../src/corpus/query/nearest.ts';
import { smallIndex } from './small-corpus.ts';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const docs = smallIndex().documents;
const table = buildEventTable(docs, new DocumentLookup(docs));

/** The dates of the table's events that the asked date matches. */
function matching(text: string): string[] {
  const parsed = parseDateQuery(text);
  if (!parsed.ok) throw new Error(text);
  const matches = matcher(parsed.query);
  return table.entries.filter((_, i) => matches(table, i)).map((e) => e.event.date);
}

describe('date periods', () => {
  it('run from the first to the last day of what was asked, a missing year read as 2000', () => {
    expect([startOf({ year: 2024, month: 2 }), endOf({ year: 2024, month: 2 })]).toEqual([day('2024-02-01'), day('2024-02-29')]);
    expect([startOf({ year: 1998 }), endOf({ year: 1998 })]).toEqual([day('1998-01-01'), day('1998-12-31')]);
    expect([startOf({ month: 3, day: 5 }), endOf({ month: 3, day: 5 })]).toEqual([day('2000-03-05'), day('2000-03-05')]);
    const march = parseIsoDate('2023-03');
    expect(march && [periodOf(march), periodOf(march, 2000)]).toEqual([
      [day('2023-03-01'), day('2023-03-31')],
      [day('2000-03-01'), day('2000-03-31')],
    ]);
  });
});

describe('the event table', () => {
  it('keeps events in answer order: date, then document, then line', () => {
    expect(table.entries.map((e) => `${e.event.date} ${e.doc.id}`)).toEqual(['1998 mill.txt', '2023-03-05 mill.txt', '2024-03-03 harbour.txt', '2024-03-05 harbour.txt']);
    expect([...table.year]).toEqual([1998, 2023, 2024, 2024]);
    expect([...table.doc]).toEqual([1, 1, 0, 0]);
  });

  it('matches days in any year, months, years and ranges, a year-dated event never a month', () => {
    expect(matching('Mar-5')).toEqual(['2023-03-05', '2024-03-05']);
    expect(matching('March 2024')).toEqual(['2024-03-03', '2024-03-05']);
    expect(matching('1998')).toEqual(['1998']);
    expect(matching('1990-2023')).toEqual(['1998', '2023-03-05']);
    expect(matching('Mar 1 - Mar 4')).toEqual(['2024-03-03']);
    expect(matching('January')).toEqual([]);
  });

  it('flags the scope’s documents, one byte per document of the table', () => {
    expect([...scopeMask(table, [docs[1] as (typeof docs)[number]])]).toEqual([0, 1]);
  });
});

describe('the nearest few', () => {
  it('keeps the k smallest distances, ties to the earlier in document order', () => {
    const near = new Nearest(2);
    for (const [i, d, order] of [[0, 5, 0], [1, 2, 3], [2, 2, 1], [3, 9, 2], [4, 1, 9]] as const) near.offer(i, d, order);
    expect(near.items()).toEqual([4, 2]);
    expect(new Nearest(0).items()).toEqual([]);
  });
});
