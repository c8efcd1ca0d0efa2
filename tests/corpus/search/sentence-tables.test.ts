import { describe, expect, it } from 'vitest';
import { SentenceTables } from '../../../src/corpus/search/sentence-tables.ts';

const doc = (id: string, ...sentences: string[]) => ({ id, sentences: sentences.map((text) => ({ text })) });

/** A term's sentence numbers, from both kinds of list. */
function sentencesOf(t: SentenceTables, term: string): number[] {
  const out: number[] = [];
  const id = t.termIds.get(term);
  if (id !== undefined) t.eachList(id, (list, from, to) => out.push(...Array.from(list).slice(from, to)));
  return out;
}

describe('sentence tables', () => {
  it('number sentences in document order and count each term once per sentence', () => {
    const t = new SentenceTables();
    t.add(doc('a', 'Herring herring boats.', 'Boats sail.'));
    t.add(doc('b', 'Herring prices rose.'));
    expect(t.sentenceCount).toBe(3);
    expect(sentencesOf(t, 'herring')).toEqual([0, 2]);
    expect(t.frequency(t.termId('herring') as number)).toBe(2);
    expect([...t.sentLen.subarray(0, 3)]).toEqual([3, 2, 3]);
  });

  it('forget a removed document: its terms stop being vocabulary and its sentences stop counting', () => {
    const t = new SentenceTables();
    t.add(doc('a', 'Herring boats.'));
    t.add(doc('b', 'Porcupine farms.'));
    expect(t.remove('b')).toBe(true);
    expect(t.remove('b')).toBe(false);
    expect(t.termId('porcupine')).toBeUndefined();
    expect(t.termId('herring')).toBeDefined();
    expect([t.sentenceCount, t.liveSentences, t.liveLength]).toEqual([2, 1, 2]);
  });

  it('keep every posting when the added lists move into the shared array', () => {
    const t = new SentenceTables();
    t.add(doc('a', 'Herring boats.', 'Herring nets.'));
    t.compact();
    t.add(doc('b', 'Herring again.'));
    const before = sentencesOf(t, 'herring');
    t.compact();
    expect(t.extra.size).toBe(0);
    expect(sentencesOf(t, 'herring')).toEqual(before);
    expect(before).toEqual([0, 1, 2]);
  });

  it('keep the vocabulary sorted as new terms arrive', () => {
    const t = new SentenceTables();
    t.add(doc('a', 'zebra apple'));
    expect(t.sorted()).toEqual(['apple', 'zebra']);
    t.add(doc('b', 'mango banana'));
    expect(t.sorted()).toEqual(['apple', 'banana', 'mango', 'zebra']);
  });

  it('grow the per-sentence arrays past their first size', () => {
    const t = new SentenceTables();
    t.add(doc('long', ...Array.from({ length: 3000 }, (_, k) => `Report ${k} filed.`)));
    expect(t.sentDoc.length).toBeGreaterThanOrEqual(3000);
    expect(t.sentLocal[2999]).toBe(2999);
  });
});
