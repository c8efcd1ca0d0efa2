import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedDistance } from '../../../src/corpus/search/edit-distance.ts';
import { SentenceIndex, type SearchableDocument } from '../../../src/corpus/search/sentence-index.ts';
import { searchTerms } from '../../../src/corpus/search/tokens.ts';
import { bundledIndex } from '../../support/bundled-index.ts';

const doc = (id: string, ...sentences: string[]): SearchableDocument => ({ id, sentences: sentences.map((text) => ({ text })) });
const found = (index: SentenceIndex, query: string, limit = 25, allowed?: (id: string) => boolean) =>
  index.search(query, { limit, ...(allowed ? { allowed } : {}) }).map((m) => `${m.documentId}#${m.sentence}`);

const library = [
  doc('a', 'The finance minister presented the budget on Tuesday.', 'Critics said the budget cut schools.', 'Ministers met in Helsinki.'),
  doc('b', 'Finland’s government published its defence budget.', 'The porcupine strategy makes an invasion costly.', 'Al-Assad fled to Moscow.'),
  doc('c', 'Nothing about money here.', 'The government of Finland and the budget office disagreed about the budget.'),
];

describe('sentence index', () => {
  it('finds sentences holding every word, and no others', () => {
    const index = SentenceIndex.build(library);
    expect(found(index, 'budget')).toHaveLength(4);
    expect(new Set(found(index, 'government budget'))).toEqual(new Set(['b#0', 'c#1']));
    expect(found(index, 'budget Moscow')).toEqual([]);
    expect(found(index, 'unheard-of words')).toEqual([]);
  });

  it('splits words at apostrophes and hyphens and ignores stop words', () => {
    const index = SentenceIndex.build(library);
    expect(found(index, 'finland')).toContain('b#0');
    expect(found(index, 'Assad')).toEqual(['b#2']);
    expect(found(index, 'the of and')).toEqual([]);
    expect(searchTerms('Finland’s the Al-Assad a 5')).toEqual(['finland', 'al', 'assad', '5']);
  });

  it('completes unfinished words and forgives a typo, but not in the first letter', () => {
    const index = SentenceIndex.build(library);
    expect(found(index, 'porcup')).toEqual(['b#1']);
    expect(found(index, 'porcupnie')).toEqual(['b#1']);
    expect(found(index, 'govermnent')).toHaveLength(2);
    expect(found(index, 'xorcupine')).toEqual([]);
    // A word that is in the corpus is taken as meant: "minister" does not also find "ministers" by spelling,
    // though its completions count ("ministers" starts with "minister").
    expect(found(index, 'minister')).toEqual(['a#0', 'a#2']);
  });

  it('ranks the exact word above a completion, and a short sentence above a long one', () => {
    const index = SentenceIndex.build([doc('x', 'Ministers met and talked for hours about the weather and the harvest.', 'The minister spoke.', 'The minister spoke at length about the weather and harvests of many years.')]);
    expect(found(index, 'minister')).toEqual(['x#1', 'x#2', 'x#0']);
    const scores = index.search('minister', { limit: 3 }).map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('reports the matched words as the sentence has them, for highlighting', () => {
    const index = SentenceIndex.build(library);
    expect(index.search('govermnent budgets', { limit: 5 }).find((m) => m.documentId === 'c')?.terms.sort()).toEqual(['budget', 'government']);
  });

  it('keeps to the scope and the limit', () => {
    const index = SentenceIndex.build(library);
    expect(found(index, 'budget', 25, (id) => id === 'c')).toEqual(['c#1']);
    expect(found(index, 'budget', 2)).toHaveLength(2);
    expect(found(index, 'budget', 0)).toEqual([]);
  });

  it('adds, replaces and removes documents after it is built', () => {
    const index = SentenceIndex.build(library);
    index.add(doc('d', 'A new budget for porcupines.'));
    expect(found(index, 'porcupines budget')).toEqual(['d#0']);
    index.add(doc('d', 'A rewritten text about herrings.'));
    expect(found(index, 'porcupines budget')).toEqual([]);
    expect(found(index, 'herrings')).toEqual(['d#0']);
    expect(index.remove('b')).toBe(true);
    expect(index.remove('b')).toBe(false);
    expect(found(index, 'porcupine')).toEqual([]);
    expect(found(index, 'budget').some((f) => f.startsWith('b#'))).toBe(false);
  });

  it('answers the same after a round trip through its cached form', async () => {
    const corpus = await bundledIndex();
    const built = SentenceIndex.build(corpus.documents);
    const byId = new Map(corpus.documents.map((d) => [d.id, d]));
    const loaded = SentenceIndex.load(JSON.parse(JSON.stringify(built.toJSON())), (id) => byId.get(id));
    const queries = ['porcupine', 'Bayraktr drones', 'finland russia', 'stub', 'negotiat', 'ukraine war', 'kyiv'];
    for (const q of queries) expect(loaded.search(q, { limit: 25 }), q).toEqual(built.search(q, { limit: 25 }));
    expect(loaded.search('porcupin', { limit: 1 })[0]?.terms).toEqual(['porcupine']);
  });

  it('refuses a cached form that does not match its documents, and drops documents it no longer has', () => {
    const saved = SentenceIndex.build(library).toJSON();
    const changed = new Map(library.map((d) => [d.id, d]));
    changed.set('a', doc('a', 'Only one sentence now.'));
    expect(() => SentenceIndex.load(saved, (id) => changed.get(id))).toThrow(/does not match document a/);
    const withoutB = SentenceIndex.load(saved, (id) => (id === 'b' ? undefined : library.find((d) => d.id === id)));
    expect(withoutB.has('b')).toBe(false);
    expect(found(withoutB, 'porcupine')).toEqual([]);
    expect(found(withoutB, 'budget')).toHaveLength(3);
    expect(() => SentenceIndex.load({ ...saved, postings: saved.postings.slice(0, 8) }, (id) => library.find((d) => d.id === id))).toThrow();
  });

  it('returns exactly the best matches a full scan finds, in score order', () => {
    const vocabulary = ['alpha', 'beta', 'gamma', 'delta', 'omega', 'sigma', 'alphabet', 'gammas'];
    const sentence = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
    const corpus = fc.array(fc.array(sentence, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });
    const query = fc.array(fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'omega', 'sigma'), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(corpus, query, fc.integer({ min: 1, max: 10 }), (docs, words, limit) => {
        const index = SentenceIndex.build(docs.map((ss, i) => doc(`d${i}`, ...ss)));
        // Exact words and their completions ("alpha" → "alphabet", "gamma" → "gammas") count; nothing else.
        const matches = docs.flatMap((ss, i) =>
          ss.flatMap((s, k) => {
            const ts = searchTerms(s);
            return words.every((w) => ts.some((t) => t.startsWith(w))) ? [`d${i}#${k}`] : [];
          }),
        );
        const all = index.search(words.join(' '), { limit: 1000 });
        expect(new Set(all.map((m) => `${m.documentId}#${m.sentence}`))).toEqual(new Set(matches));
        for (let i = 1; i < all.length; i++) expect((all[i - 1]?.score ?? 0) >= (all[i]?.score ?? 0)).toBe(true);
        expect(index.search(words.join(' '), { limit })).toEqual(all.slice(0, limit));
      }),
      { numRuns: 300 },
    );
  });
});

describe('sentence index kept up to date', () => {
  it('answers as a fresh build of the same documents, after adds, replacements, removals and a cache round trip', () => {
    // Words with completions ("porcupine" → "porcupines") and near spellings ("goverment" → "government").
    const vocabulary = ['porcupine', 'porcupines', 'government', 'governments', 'goverment', 'budget', 'budgets', 'steel', 'harbour', 'harbor', 'minister', 'ministry'];
    const sentence = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));
    const text = fc.array(sentence, { minLength: 1, maxLength: 4 });
    const op = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), id: fc.integer({ min: 0, max: 5 }), sentences: text }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ kind: fc.constant('round trip' as const) }),
    );
    const query = fc.array(fc.constantFrom('porcupine', 'porcup', 'govermnent', 'goverment', 'budget', 'harbuor', 'minist', 'steel', 'ministry'), { minLength: 1, maxLength: 2 }).map((ws) => ws.join(' '));
    const view = (index: SentenceIndex, q: string) =>
      index
        .search(q, { limit: 1000 })
        .map((m) => `${m.documentId}#${m.sentence} ${m.score.toFixed(9)} ${[...m.terms].sort().join(',')}`)
        .sort();
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), fc.array(op, { maxLength: 8 }), fc.array(query, { minLength: 1, maxLength: 4 }), (initial, ops, queries) => {
        const docs = new Map(initial.map((ss, i) => [`d${i}`, doc(`d${i}`, ...ss)]));
        let index = SentenceIndex.build(docs.values());
        for (const o of ops) {
          if (o.kind === 'put') {
            const d = doc(`d${o.id}`, ...o.sentences);
            docs.set(d.id, d);
            index.add(d);
          } else if (o.kind === 'remove') {
            expect(index.remove(`d${o.id}`)).toBe(docs.delete(`d${o.id}`));
          } else {
            const saved = JSON.parse(JSON.stringify(index.toJSON())) as ReturnType<SentenceIndex['toJSON']>;
            index = SentenceIndex.load(saved, (id) => docs.get(id));
          }
        }
        const fresh = SentenceIndex.build(docs.values());
        for (const q of queries) expect(view(index, q), q).toEqual(view(fresh, q));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps its scratch space clean when the scope check throws', () => {
    const index = SentenceIndex.build(library);
    expect(() => index.search('budget', { limit: 5, allowed: () => { throw new Error('scope unavailable'); } })).toThrow('scope unavailable');
    expect(found(index, 'budget')).toHaveLength(4);
    expect(new Set(found(index, 'government budget'))).toEqual(new Set(['b#0', 'c#1']));
  });

  it('no longer treats words only removed documents had as vocabulary', () => {
    const index = SentenceIndex.build([doc('a', 'The porcupien typo.'), doc('b', 'A porcupine.')]);
    expect(found(index, 'porcupien')).toEqual(['a#0']);
    index.remove('a');
    // "porcupien" is gone from the corpus, so it is taken as a typo again.
    expect(found(index, 'porcupien')).toEqual(['b#0']);
  });
});

describe('bounded edit distance', () => {
  it('agrees with the full Levenshtein distance up to the bound', () => {
    const full = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      return d[a.length]![b.length]!;
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        expect(boundedDistance(a, b, max)).toBe(Math.min(full(a, b), max + 1));
      }),
      { numRuns: 500 },
    );
  });
});
