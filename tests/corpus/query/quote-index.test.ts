import { describe, expect, it } from 'vitest';
import { assembleIndex } from '../../../src/corpus/index/build-index.ts';
import { DocumentLookup } from '../../../src/corpus/query/document-lookup.ts';
import { QuoteIndex } from '../../../src/corpus/query/quote-index.ts';
import { analysed, HARBOUR, MILL } from './small-corpus.ts';

// Maria Lind is quoted in two documents: the second one's id sorts first.
const index = assembleIndex([analysed('harbour.txt', HARBOUR), analysed('a-later.txt', HARBOUR.replace('the pickets would stay', 'the strike would last')), analysed('mill.txt', MILL)], 'test');
const lookup = new DocumentLookup(index.documents);
const quotes = new QuoteIndex(index.documents, index.speakers);
const lind = index.speakers.find((s) => s.name === 'Maria Lind');
const all = () => true;

describe('quotes by speaker', () => {
  it('put direct words first, then reported speech, each in document order by id, then by line', () => {
    const found = lind && quotes.of(lind, null, {}, lookup);
    expect(found?.ok && found.value.map((h) => `${h.quote.kind} ${h.document.id}:${h.quote.line}`)).toEqual(['direct a-later.txt:3', 'direct harbour.txt:3', 'indirect a-later.txt:5', 'indirect harbour.txt:5']);
  });

  it('filter by documents, kind and words, and say what the filter was when nothing passes', () => {
    const harbour = new Set(index.documents.filter((d) => d.id === 'harbour.txt'));
    const found = lind && quotes.of(lind, harbour, { kind: 'indirect', contains: ' PICKETS ' }, lookup);
    expect(found?.ok && found.value.map((h) => h.quote.text)).toEqual(['the pickets would stay.']);
    expect(lind && quotes.of(lind, harbour, { kind: 'block', contains: 'pay', document: 'harb' }, lookup)).toEqual({ ok: false, reason: { kind: 'no-quotes', speaker: lind, quoteKind: 'block', contains: 'pay', document: 'harb' } });
    expect(lind && quotes.of(lind, null, { contains: '   ' }, lookup)).toMatchObject({ ok: true });
  });

  it('know who is quoted where, and how often', () => {
    expect(quotes.speakers(null).map((s) => s.name)).toEqual(index.speakers.map((s) => s.name));
    expect(quotes.speakers((id) => id === 'mill.txt').map((s) => s.name)).toEqual(['John Berg']);
    expect([quotes.count('maria lind', all), quotes.count('maria lind', (id) => id === 'harbour.txt'), quotes.quotedIn('john berg', (id) => id !== 'mill.txt')]).toEqual([4, 2, false]);
  });
});
