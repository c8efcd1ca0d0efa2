// The build's fast paths must find exactly what the plain patterns they replaced find: each is checked
// against that pattern (the reference) on generated text full of the awkward cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseLine, REPLACEMENTS } from '../../src/corpus/load/normalise.ts';
import { LazyOrder } from '../../src/corpus/sections/lazy-order.ts';
import { memoised } from '../../src/corpus/text/memo.ts';
import { allMatches } from '../../src/corpus/text/matches.ts';
import { countLetterRuns, wordRuns } from '../../src/corpus/text/word-scan.ts';

/** Text from pieces chosen to break scanners: marks, astral letters, lone surrogates, odd spaces and dashes. */
const textOf = (pieces: string[], maxLength = 14) => fc.array(fc.constantFrom(...pieces), { maxLength }).map((p) => p.join(''));
const WORDY = ['a', 'Z', '0', '9', "'", '’', '-', ' ', '.', ',', 'é', 'e\u0301', '\u0301', '日', '𝒜', '\ud800', '\udc00', '_', '‘', '—', '\u00a0', 'ß', 'İ', '٣', '\u200d'];
const RUNS = { numRuns: 3000 };

describe('fast paths against the patterns they replaced', () => {
  it('the word scanner finds the words the Unicode word pattern finds', () => {
    fc.assert(
      fc.property(textOf(WORDY), (s) => {
        expect(wordRuns(s)).toEqual(s.match(/[\p{L}\p{M}\d][\p{L}\p{M}\d'’-]*/gu) ?? []);
        expect(countLetterRuns(s)).toBe((s.match(/[\p{L}\d][\p{L}\d'’-]*/gu) ?? []).length);
      }),
      RUNS,
    );
  });

  it('allMatches gives what matchAll gives, and leaves the pattern as it found it', () => {
    const pattern = /\b(said|told)\s+(\p{Lu}\p{L}*)/gu;
    fc.assert(
      fc.property(textOf(['said ', 'told ', 'Ann', 'lee', ' ', '.', 'É', 'x']), (s) => {
        pattern.lastIndex = 0;
        const expected = [...s.matchAll(pattern)].map((m) => [m.index, ...m]);
        expect(allMatches(pattern, s).map((m) => [m.index, ...m])).toEqual(expected);
        expect(pattern.lastIndex).toBe(0);
      }),
      RUNS,
    );
  });

  it('normalising a line gives what NFC and every typographic replacement give', () => {
    // Every line the long way: NFC, then every replacement (what the plain-ASCII shortcut must agree with).
    const reference = (line: string) => {
      let out = line.normalize('NFC');
      for (const [p, r] of REPLACEMENTS) out = out.replace(p, r);
      return out.replace(/ {2,}/g, ' ').trimEnd();
    };
    fc.assert(
      fc.property(textOf(['a', ' ', '.', '`', '\t', '\u00a0', '…', '“', 'e', '\u0301', '~', '\x7f', '\x1f', '-', '—', 'Z']), (s) => {
        expect(normaliseLine(s)).toBe(reference(s));
      }),
      RUNS,
    );
  });

  it('a lazy order yields what a stable sort gives, as far as it is read', () => {
    const item = fc.record({ score: fc.integer({ min: 0, max: 3 }), key: fc.constantFrom('a', 'b', 'B', 'ä', 'a\u0308', 'ab', 'x y', '') });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), fc.nat(45), (list, readTo) => {
        const items = list.map((x, i) => ({ ...x, i }));
        const cmp = (a: (typeof items)[number], b: (typeof items)[number]) => b.score - a.score || a.key.localeCompare(b.key);
        const sorted = [...items].sort(cmp).map((x) => x.i);
        const lazy = new LazyOrder(items, cmp);
        const got: number[] = [];
        for (let j = 0; j < readTo; j++) {
          const x = lazy.at(j);
          if (!x) break;
          got.push(x.i);
        }
        expect(got).toEqual(sorted.slice(0, readTo));
      }),
      RUNS,
    );
  });

  it('a memoised function answers as the function does, and starts afresh past its bound', () => {
    let calls = 0;
    const upper = memoised((s: string) => {
      calls++;
      return s === 'none' ? undefined : s.toUpperCase();
    });
    expect([upper('a'), upper('a'), upper('none'), upper('none')]).toEqual(['A', 'A', undefined, undefined]);
    expect(calls).toBe(2);
    for (let i = 0; i < 60_000; i++) upper(`w${i}`);
    calls = 0;
    expect(upper('a')).toBe('A');
    expect(calls).toBe(1);
  });
});
