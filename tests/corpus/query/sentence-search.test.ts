import { describe, expect, it } from 'vitest';
import { CorpusDocuments } from '../../../src/corpus/query/corpus-documents.ts';
import { documentRef } from '../../../src/corpus/query/document-lookup.ts';
import { SentenceSearch } from '../../../src/corpus/query/sentence-search.ts';
import { SentenceIndex } from '../../../src/corpus/search/sentence-index.ts';
import { analysed, smallIndex } from './small-corpus.ts';

const all = () => true;

function searching(withCachedForm: boolean): { docs: CorpusDocuments; search: SentenceSearch; find: (text: string) => string[] } {
  const index = smallIndex();
  if (withCachedForm) index.search = SentenceIndex.build(index.documents).toJSON();
  const docs = new CorpusDocuments(index);
  const search = new SentenceSearch(docs);
  const find = (text: string) => search.find(text, all, 10, documentRef).map((h) => `${h.document.id}:${h.sentence.line}`);
  return { docs, search, find };
}

describe('sentence search over the live documents', () => {
  it('loads the cached form on first use, minus what changed before then', () => {
    const { docs, search, find } = searching(true);
    docs.add([analysed('mill.txt', 'The bakery opened in the old mill.'), analysed('uploads/g/new.txt', 'Pickets gathered by the bakery.')], search);
    // The shorter sentence first (BM25), the replaced mill's old sentences nowhere.
    expect(find('bakery')).toEqual(['uploads/g/new.txt:1', 'mill.txt:1']);
    expect(find('decade')).toEqual([]);
    expect(find('pickets')).toEqual(['harbour.txt:5', 'uploads/g/new.txt:1']);
  });

  it('builds the index from the documents when there is no cached form, and follows them after', () => {
    const { docs, search, find } = searching(false);
    expect(find('pickets')).toEqual(['harbour.txt:5']);
    docs.remove('harbour.txt', search);
    expect(find('pickets')).toEqual([]);
    docs.add([analysed('uploads/g/new.txt', 'Pickets again.')], search);
    expect(find('pickets')).toEqual(['uploads/g/new.txt:1']);
  });

  it('starts afresh once removed documents are most of the sentences, with the same answers', () => {
    const { docs, search, find } = searching(false);
    const long = analysed('uploads/g/long.txt', Array.from({ length: 40 }, (_, k) => `Herring report ${k + 1} is filed.`).join('\n\n'));
    docs.add([long], search);
    const before = search.index();
    expect(find('herring report')).toHaveLength(10);
    docs.remove('uploads/g/long.txt', search);
    expect(search.index()).not.toBe(before);
    expect(find('herring')).toEqual([]);
    expect(find('mill decade')).toEqual(['mill.txt:3']);
  });
});
