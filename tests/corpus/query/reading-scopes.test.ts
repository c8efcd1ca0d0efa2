import { describe, expect, it } from 'vitest';
import { DocumentLookup } from '../../../src/corpus/query/document-lookup.ts';
import { ReadingScopes, ScopeKey } from '../../../src/corpus/query/reading-scopes.ts';
import { analysed, HARBOUR, MILL } from './small-corpus.ts';

const docs = [analysed('harbour.txt', HARBOUR), analysed('mill.txt', MILL)];
const scopes = () => new ReadingScopes(docs, () => new DocumentLookup(docs));
const ids = (list: Array<{ id: string }>) => list.map((d) => d.id);

describe('reading-list scopes', () => {
  it('narrow the corpus to a reading list, a named document, or both', () => {
    const s = scopes();
    const list = new Set(['mill.txt']);
    expect(ids(s.documents({}))).toEqual(['harbour.txt', 'mill.txt']);
    expect(ids(s.documents({ documents: list }))).toEqual(['mill.txt']);
    expect(ids(s.documents({ document: 'harbour' }))).toEqual(['harbour.txt']);
    expect(ids(s.documents({ document: 'harbour', documents: list }))).toEqual([]);
    expect([s.test({ documents: list })('mill.txt'), s.test({ documents: list })('harbour.txt'), s.test({ document: 'mill' })('mill.txt'), s.test({})('any')]).toEqual([true, false, true, true]);
  });

  it('say which document was asked for and which titles are like it, when a name matches none', () => {
    const s = scopes();
    expect(s.check({ document: 'paper mil' })).toMatchObject({ ok: true });
    expect(s.check({ document: 'harbor strike' })).toEqual({ ok: false, reason: { kind: 'unknown-document', asked: 'harbor strike', suggestions: [docs[0]?.title] } });
    expect(s.check({ document: 'zzz' })).toEqual({ ok: false, reason: { kind: 'unknown-document', asked: 'zzz', suggestions: [] } });
  });

  it('keep what is worked out for a reading list with the list, and make it afresh for a named document', () => {
    const s = scopes();
    const key = new ScopeKey<object>('test');
    const list = new Set(['mill.txt']);
    const made = s.perScope({ documents: list }, key, () => ({}));
    expect(s.perScope({ documents: list }, key, () => ({}))).toBe(made);
    expect(s.perScope({ documents: new Set(list) }, key, () => ({}))).not.toBe(made);
    expect(s.perScope({ documents: list, document: 'mill' }, key, () => ({}))).not.toBe(made);
    expect(s.documentSet({}, docs)).toBeNull();
    expect([...(s.documentSet({ documents: list }, [docs[1] as (typeof docs)[number]]) ?? [])].map((d) => d.id)).toEqual(['mill.txt']);
  });
});
