import { describe, expect, it } from 'vitest';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { parseDocument } from '../../src/corpus/load/load-file.ts';
import { buildIndex } from '../../src/corpus/index/build-index.ts';
import { LiveCorpus } from '../../src/library/live-corpus.ts';
import { defaultSettings } from '../../src/settings/schema.ts';

const A = '100000000000000001';
const B = '100000000000000002';
const doc = (id: string, text: string) => parseDocument(id, id.split('/').pop() ?? id, 'txt', text);
const bundled = ['one.txt', 'two.txt', 'three.txt'].map((id, i) => doc(id, `March ${i + 1}, 2025\n"We met," said Mayor Ann Lee.\n`));
const settings = (disabledDocuments: string[] = []) => ({ ...defaultSettings(), disabledDocuments });

describe('reading lists worked out per server', () => {
  it('are shared by servers that read the same, and follow uploads and switched-off documents', () => {
    const live = new LiveCorpus(new CorpusQuery(buildIndex(bundled, 'test')));
    const a = live.scopeFor(A, settings());
    expect([...a].sort()).toEqual(['one.txt', 'three.txt', 'two.txt']);
    // Unchanged servers share one set (and the query its derived views).
    expect(live.scopeFor(B, settings())).toBe(a);
    expect([...live.scopeFor(B, settings(['two.txt']))].sort()).toEqual(['one.txt', 'three.txt']);
    expect(live.scopeFor(A, settings())).toBe(a);

    live.addUploads([doc(`uploads/${A}/u1/notes.txt`, 'The pier opened on April 1, 2025. "Hello," said Mayor Ann Lee.\n')]);
    expect([...live.scopeFor(A, settings())].sort()).toEqual(['one.txt', 'three.txt', 'two.txt', `uploads/${A}/u1/notes.txt`]);
    expect([...live.scopeFor(B, settings())].sort()).toEqual(['one.txt', 'three.txt', 'two.txt']);
    expect(live.query.events('2025-04-01', { documents: live.scopeFor(A, settings()) })).toMatchObject({ ok: true, value: { total: 1 } });
    expect(live.query.searchSentences('pier', { documents: live.scopeFor(A, settings()) })).toHaveLength(1);
    expect(live.query.searchSentences('pier', { documents: live.scopeFor(B, settings()) })).toHaveLength(0);
    expect(live.query.events('2025-04-01', { documents: live.scopeFor(B, settings()) })).toMatchObject({ ok: true, value: { total: 0 } });

    expect(live.removeUpload(`uploads/${A}/u1/notes.txt`)).toBe(true);
    expect([...live.scopeFor(A, settings())].sort()).toEqual(['one.txt', 'three.txt', 'two.txt']);
    expect(live.query.events('2025-04-01', { documents: live.scopeFor(A, settings()) })).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('stay right when more differ than are kept', () => {
    const live = new LiveCorpus(new CorpusQuery(buildIndex(bundled, 'test')));
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 100; i++) {
        const off = i % 3 === 0 ? [] : [`gone-${i}.txt`, 'two.txt'];
        expect(live.scopeFor(`${i}`, settings(off)).has('two.txt'), `${round}/${i}`).toBe(off.length === 0);
      }
    }
  });
});
