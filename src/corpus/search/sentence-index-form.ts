import { SentenceTables, type SearchableDocument } from './sentence-tables.ts';
import { VarintReader, VarintWriter } from './varint.ts';

/** The index as the cache stores it: compact strings, decoded in one pass at load. */
export interface SerialisedSentenceIndex {
  format: 1;
  /** Document ids in the order their sentences are numbered (null: a removed document's numbers). */
  documents: Array<string | null>;
  sentenceCounts: number[];
  /** Index terms, newline-separated, in the order of their postings. */
  terms: string;
  /** Each sentence's length in index terms (at most 255), base64. */
  lengths: string;
  postingCount: number;
  /** Each term's sentence numbers as varint gaps, base64. */
  postings: string;
}

/**
 * Tables from their cached form. A document the lookup no longer knows stays numbered but is never
 * returned (add it again if it changed); throws if a known document's sentences do not match.
 */
export function decodeTables(data: SerialisedSentenceIndex, documents: (id: string) => SearchableDocument | undefined): SentenceTables {
  if (data.format !== 1 || data.documents.length !== data.sentenceCounts.length) throw new Error('unknown sentence index format');
  const t = new SentenceTables();
  const n = data.sentenceCounts.reduce((a, b) => a + b, 0);
  t.grow(n);
  const lengths = Buffer.from(data.lengths, 'base64');
  if (lengths.length !== n) throw new Error('sentence index lengths do not match');
  data.documents.forEach((id, ordinal) => {
    const count = data.sentenceCounts[ordinal] ?? 0;
    const doc = id === null ? undefined : documents(id);
    if (doc && (doc.sentenceCount ?? doc.sentences.length) !== count) throw new Error(`sentence index does not match document ${id}`);
    t.docs.push(doc ?? null);
    t.docFirst.push(t.sentenceCount);
    if (doc) t.ordinalOf.set(doc.id, ordinal);
    for (let k = 0; k < count; k++) {
      const g = t.sentenceCount++;
      t.sentDoc[g] = ordinal;
      t.sentLocal[g] = k;
      t.sentLen[g] = lengths[g] as number;
      if (doc) {
        t.liveSentences++;
        t.liveLength += lengths[g] as number;
      }
    }
  });
  const terms = data.terms ? data.terms.split('\n') : [];
  const reader = new VarintReader(data.postings);
  t.baseOffsets = new Int32Array(terms.length + 1);
  t.basePostings = new Int32Array(data.postingCount);
  let at = 0;
  const anyGone = t.liveSentences < t.sentenceCount;
  terms.forEach((term, id) => {
    t.termIds.set(term, id);
    t.termText.push(term);
    const from = at;
    at += reader.readSortedInto(t.basePostings, at);
    t.baseOffsets[id + 1] = at;
    let live = at - from;
    // Documents the cache has but the corpus no longer does: their sentences do not count.
    if (anyGone) for (let p = from; p < at; p++) if (!t.docs[t.sentDoc[t.basePostings[p] as number] as number]) live--;
    t.live.push(live);
  });
  if (at !== data.postingCount || !reader.done) throw new Error('sentence index postings do not match');
  return t;
}

/** The tables' cached form (their added lists are moved into the shared array first). */
export function encodeTables(t: SentenceTables): SerialisedSentenceIndex {
  t.compact();
  const writer = new VarintWriter();
  for (let id = 0; id < t.termText.length; id++) writer.writeSorted(t.basePostings.subarray(t.baseOffsets[id], t.baseOffsets[id + 1]));
  const counts = new Int32Array(t.docs.length);
  for (let g = 0; g < t.sentenceCount; g++) counts[t.sentDoc[g] as number] = (counts[t.sentDoc[g] as number] as number) + 1;
  return {
    format: 1,
    documents: t.docs.map((d) => d?.id ?? null),
    sentenceCounts: [...counts],
    terms: t.termText.join('\n'),
    lengths: Buffer.from(t.sentLen.buffer, 0, t.sentenceCount).toString('base64'),
    postingCount: t.basePostings.length,
    postings: writer.toBase64(),
  };
}
