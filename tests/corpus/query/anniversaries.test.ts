import { describe, expect, it } from 'vitest';
import { Anniversaries } from '../../../src/corpus/query/anniversaries.ts';
import { smallIndex } from './small-corpus.ts';

const calendar = new Anniversaries(smallIndex().documents);
const all = () => true;
const on = (monthDay: string, inScope: (id: string) => boolean = all, limit = 3) => {
  const { exact, hits } = calendar.on(monthDay, inScope, limit);
  return [exact, hits.map((h) => `${h.event.date} ${h.document.id}`)];
};

describe('anniversaries', () => {
  it('give the events of the asked day, of any year, day-dated only', () => {
    expect(on('03-05')).toEqual([true, ['2023-03-05 mill.txt', '2024-03-05 harbour.txt']]);
    expect(on('03-05', all, 1)).toEqual([true, ['2023-03-05 mill.txt']]);
  });

  it('else the next day that has events in scope, wrapping round the year', () => {
    expect(on('03-04')).toEqual([false, ['2023-03-05 mill.txt', '2024-03-05 harbour.txt']]);
    expect(on('03-06')).toEqual([false, ['2024-03-03 harbour.txt']]);
    expect(on('03-04', (id) => id === 'harbour.txt')).toEqual([false, ['2024-03-05 harbour.txt']]);
    expect(on('01-01', () => false)).toEqual([false, []]);
  });
});
