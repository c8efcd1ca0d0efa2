import { describe, expect, it } from 'vitest';
import { CorpusQuery } from '../../../src/corpus/query/corpus-query.ts';
import { smallIndex } from './small-corpus.ts';

const q = new CorpusQuery(smallIndex());
const dates = (hits: Array<{ event: { date: string } }>) => hits.map((h) => h.event.date);

describe('events on a date', () => {
  it('answer the first `limit` hits, count them all, and give what happened around a day', () => {
    const found = q.events('Mar-5', { limit: 1 });
    expect(found.ok && [dates(found.value.hits), found.value.total, dates(found.value.nearest)]).toEqual([['2023-03-05'], 2, ['2024-03-03']]);
  });

  it('offer the nearest events when nothing matches, within the scope', () => {
    const found = q.events('2024-03-10', { documents: new Set(['mill.txt']) });
    expect(found.ok && [found.value.total, dates(found.value.nearest)]).toEqual([0, ['2023-03-05']]);
  });

  it('say why a date cannot be read', () => {
    expect(q.events('  ')).toEqual({ ok: false, reason: { kind: 'no-date-given' } });
    expect(q.events('soon-ish')).toEqual({ ok: false, reason: { kind: 'unreadable-date', asked: 'soon-ish' } });
    expect(q.events('Mar-5', { document: 'nowhere' })).toMatchObject({ ok: false, reason: { kind: 'unknown-document', asked: 'nowhere' } });
  });
});

describe('the timeline', () => {
  it('lists events between two dates, oldest first', () => {
    const found = q.timeline({ from: '2000', to: 'March 2024', limit: 2 });
    expect(found.ok && [dates(found.value.hits), found.value.total]).toEqual([['2023-03-05', '2024-03-03'], 3]);
  });

  it('says which bound is not a date with a year, and when they are the wrong way round', () => {
    expect(q.timeline({ from: 'March' })).toEqual({ ok: false, reason: { kind: 'bound-without-year', bound: 'from', asked: 'March' } });
    expect(q.timeline({ to: 'May to June 2024' })).toEqual({ ok: false, reason: { kind: 'bound-without-year', bound: 'to', asked: 'May to June 2024' } });
    expect(q.timeline({ from: '2024', to: '2023' })).toEqual({ ok: false, reason: { kind: 'from-after-to' } });
  });
});
