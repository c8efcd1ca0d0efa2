import { describe, expect, it } from 'vitest';
import { CorpusDocuments, type DocumentWatcher } from '../../../src/corpus/query/corpus-documents.ts';
import { analysed, MILL, smallIndex } from './small-corpus.ts';

/** Records what the owner said as documents changed, with the documents present at each moment. */
function recorder(docs: () => CorpusDocuments): DocumentWatcher & { heard: string[] } {
  const heard: string[] = [];
  return {
    heard,
    removing: (id) => heard.push(`removing ${id} (${docs().all.map((d) => d.id).join(',')})`),
    added: (d) => heard.push(`added ${d.id}`),
  };
}

describe('the owner of documents and speakers', () => {
  it('adds, replaces and removes documents, telling the watcher, and merges speakers each time', () => {
    const docs = new CorpusDocuments(smallIndex());
    const watcher = recorder(() => docs);
    const first = docs.revision;
    docs.add([analysed('uploads/g/berg.txt', MILL.replace('John Berg', 'Anna Berg'))], watcher);
    expect(docs.speaker('anna berg')?.documents).toEqual(['uploads/g/berg.txt']);
    docs.add([analysed('mill.txt', 'Nothing was said here.')], watcher);
    expect(docs.all.map((d) => d.id)).toEqual(['harbour.txt', 'uploads/g/berg.txt', 'mill.txt']);
    expect(docs.speaker('john berg')).toBeUndefined();
    expect(docs.remove('harbour.txt', watcher)).toBe(true);
    expect(docs.remove('harbour.txt', watcher)).toBe(false);
    expect(watcher.heard).toEqual(['added uploads/g/berg.txt', 'removing mill.txt (harbour.txt,mill.txt,uploads/g/berg.txt)', 'added mill.txt', 'removing harbour.txt (harbour.txt,uploads/g/berg.txt,mill.txt)']);
    expect(docs.get('harbour.txt')).toBeUndefined();
    expect(docs.speakers.map((s) => s.name)).toEqual(['Anna Berg']);
    expect(docs.revision).toBeGreaterThan(first);
  });

  it('hands the cached sentence index over once, and the index lets it go', () => {
    const index = smallIndex();
    index.search = { format: 1, documents: [], sentenceCounts: [], terms: '', lengths: '', postingCount: 0, postings: '' };
    const docs = new CorpusDocuments(index);
    expect(docs.takeSearchForm()).not.toBeNull();
    expect(docs.takeSearchForm()).toBeNull();
    expect(index.search).toBeNull();
  });
});
