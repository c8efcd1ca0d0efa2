import { describe, expect, it } from 'vitest';
import { decodeTables, encodeTables } from '../../../src/corpus/search/sentence-index-form.ts';
import { SentenceTables } from '../../../src/corpus/search/sentence-tables.ts';

const doc = (id: string, ...sentences: string[]) => ({ id, sentences: sentences.map((text) => ({ text })) });
const A = doc('a', 'Herring boats left the harbour.', 'The boats came back.');
const B = doc('b', 'Porcupine farmers met in Oslo.');

function tables(): SentenceTables {
  const t = new SentenceTables();
  t.add(A);
  t.add(B);
  return t;
}

describe("the sentence index's cached form", () => {
  it('reads back the tables it was written from', () => {
    const data = encodeTables(tables());
    const back = decodeTables(data, (id) => ({ a: A, b: B })[id]);
    expect(encodeTables(back)).toEqual(data);
    expect([back.sentenceCount, back.liveSentences, back.termId('porcupine') !== undefined]).toEqual([3, 3, true]);
  });

  it('keeps a document the corpus no longer has numbered, but not counted', () => {
    const back = decodeTables(encodeTables(tables()), (id) => (id === 'a' ? A : undefined));
    expect(back.sentenceCount).toBe(3);
    expect(back.liveSentences).toBe(2);
    expect(back.termId('porcupine')).toBeUndefined();
    expect(back.ordinalOf.has('b')).toBe(false);
  });

  it('refuses a form that does not match its documents or is damaged', () => {
    const data = encodeTables(tables());
    expect(() => decodeTables(data, (id) => (id === 'a' ? doc('a', 'One sentence only.') : B))).toThrow(/does not match document a/);
    expect(() => decodeTables({ ...data, lengths: '' }, () => undefined)).toThrow(/lengths/);
    expect(() => decodeTables({ ...data, postingCount: data.postingCount + 1 }, () => undefined)).toThrow(/postings/);
    expect(() => decodeTables({ ...data, sentenceCounts: [] }, () => undefined)).toThrow(/format/);
  });
});
