import { describe, expect, it } from 'vitest';
import { DocumentLookup, documentRef } from '../../../src/corpus/query/document-lookup.ts';
import { analysed, HARBOUR, MILL } from './small-corpus.ts';

const harbour = analysed('harbour.txt', HARBOUR);
const mill = analysed('mill.txt', MILL);
const copy = { ...analysed('b-copy.txt', MILL), title: 'harbour.txt' };
const lookup = new DocumentLookup([harbour, mill, copy]);
const all = () => true;

describe('documents by name', () => {
  it('takes every document named exactly (id, file or title, any case) over those that merely contain the name', () => {
    expect(lookup.named(' HARBOUR.txt ', all).map((d) => d.id)).toEqual(['harbour.txt', 'b-copy.txt']);
    expect(lookup.named('mill', all).map((d) => d.id)).toEqual(['mill.txt']);
    expect(lookup.named('.txt', (d) => d.id !== 'harbour.txt').map((d) => d.id)).toEqual(['mill.txt', 'b-copy.txt']);
    expect(lookup.named('nowhere', all)).toEqual([]);
  });

  it('ranks documents by id as localeCompare orders them, and gives one citation per document', () => {
    expect([lookup.rank('b-copy.txt'), lookup.rank('harbour.txt'), lookup.rank('mill.txt'), lookup.rank('unknown')]).toEqual([0, 1, 2, 0]);
    expect(lookup.ref(mill)).toBe(lookup.ref(mill));
    expect(lookup.ref(mill)).toEqual(documentRef(mill));
    expect(documentRef(mill)).toEqual({ id: 'mill.txt', file: 'mill.txt', title: mill.title, published: null });
  });
});
