import type { Vocabulary } from './expand.ts';
import { searchTerms } from './tokens.ts';

/** What the index needs of a document: its id and its sentences' text. */
export interface SearchableDocument {
  id: string;
  sentences: ReadonlyArray<{ text: string }>;
  /** Known before the sentences are read, for a document read lazily from the cache (src/corpus/index/cache-file.ts). */
  readonly sentenceCount?: number;
}

/**
 * The sentence index's storage. Sentences are numbered in document order; each term's sentences are a sorted
 * run of one shared Int32Array. Documents added later (uploads) go into small per-term lists beside the shared
 * array; removed ones stay numbered but are skipped, and no longer count as vocabulary or in the statistics.
 * The fields are the search's and the cached form's to read; only the methods here change them.
 */
export class SentenceTables implements Vocabulary {
  docs: Array<SearchableDocument | null> = [];
  readonly ordinalOf = new Map<string, number>();
  sentDoc = new Int32Array(1024);
  sentLocal = new Int32Array(1024);
  sentLen = new Uint8Array(1024);
  sentenceCount = 0;
  /** First sentence number of each document (a document's sentences are numbered together). */
  readonly docFirst: number[] = [];
  // Statistics of the live sentences (removed documents' sentences stay numbered but do not count).
  liveSentences = 0;
  liveLength = 0;
  /** Per term: how many live sentences hold it. */
  readonly live: number[] = [];
  readonly termIds = new Map<string, number>();
  readonly termText: string[] = [];
  baseOffsets = new Int32Array(1);
  basePostings = new Int32Array(0);
  readonly extra = new Map<number, number[]>();
  private sortedTerms: string[] | null = null;
  /** Terms new since the vocabulary was sorted: merged in when it is next needed. */
  private unsortedTerms: string[] = [];

  /** Adds (or replaces) a document's sentences. */
  add(doc: SearchableDocument): void {
    this.remove(doc.id);
    const ordinal = this.docs.length;
    this.docs.push(doc);
    this.docFirst.push(this.sentenceCount);
    this.ordinalOf.set(doc.id, ordinal);
    this.grow(this.sentenceCount + doc.sentences.length);
    doc.sentences.forEach((s, k) => {
      const g = this.sentenceCount++;
      const terms = searchTerms(s.text);
      this.sentDoc[g] = ordinal;
      this.sentLocal[g] = k;
      this.sentLen[g] = Math.min(255, terms.length);
      this.liveSentences++;
      this.liveLength += this.sentLen[g] as number;
      for (const t of terms) {
        const id = this.termIdOrNew(t);
        const list = this.extra.get(id);
        if (list?.[list.length - 1] === g) continue;
        if (list) list.push(g);
        else this.extra.set(id, [g]);
        this.live[id] = (this.live[id] as number) + 1;
      }
    });
  }

  /**
   * Forgets a document: its sentences stay numbered (in the lists) but are never returned, and no longer
   * count as vocabulary or in the statistics.
   */
  remove(documentId: string): boolean {
    const ordinal = this.ordinalOf.get(documentId);
    const doc = ordinal === undefined ? null : this.docs[ordinal];
    if (ordinal === undefined || !doc) return false;
    const first = this.docFirst[ordinal] as number;
    doc.sentences.forEach((s, k) => {
      this.liveSentences--;
      this.liveLength -= this.sentLen[first + k] as number;
      for (const t of new Set(searchTerms(s.text))) {
        const id = this.termIds.get(t);
        if (id !== undefined) this.live[id] = (this.live[id] as number) - 1;
      }
    });
    this.docs[ordinal] = null;
    this.ordinalOf.delete(documentId);
    return true;
  }

  /** A term's id, numbering it if it is new. */
  termIdOrNew(t: string): number {
    let id = this.termIds.get(t);
    if (id === undefined) {
      id = this.termText.length;
      this.termIds.set(t, id);
      this.termText.push(t);
      this.live.push(0);
      if (this.sortedTerms) this.unsortedTerms.push(t);
    }
    return id;
  }

  // Vocabulary, for expanding a query word into completions and near spellings.
  sorted(): string[] {
    if (!this.sortedTerms) this.sortedTerms = [...this.termText].sort();
    else if (this.unsortedTerms.length) this.sortedTerms = mergeSorted(this.sortedTerms, this.unsortedTerms.sort());
    this.unsortedTerms = [];
    return this.sortedTerms;
  }
  /** A term some live sentence holds (terms only removed documents had are not vocabulary). */
  termId(term: string): number | undefined {
    const id = this.termIds.get(term);
    return id !== undefined && (this.live[id] as number) > 0 ? id : undefined;
  }
  frequency(id: number): number {
    return this.live[id] ?? 0;
  }

  /** Entries in the term's lists, live or not: what walking them costs. */
  postingCount(id: number): number {
    const base = id + 1 < this.baseOffsets.length ? (this.baseOffsets[id + 1] as number) - (this.baseOffsets[id] as number) : 0;
    return base + (this.extra.get(id)?.length ?? 0);
  }

  /** Calls `walk` with each list of the term's sentences (the shared run, then the added ones). */
  eachList(id: number, walk: (postings: ArrayLike<number>, from: number, to: number) => void): void {
    if (id + 1 < this.baseOffsets.length) walk(this.basePostings, this.baseOffsets[id] as number, this.baseOffsets[id + 1] as number);
    const extra = this.extra.get(id);
    if (extra) walk(extra, 0, extra.length);
  }

  /** Room for n sentences in the per-sentence arrays. */
  grow(n: number): void {
    if (n <= this.sentDoc.length) return;
    const size = Math.max(n, this.sentDoc.length * 2);
    const resize = <T extends Int32Array | Uint8Array>(a: T, make: (size: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.sentDoc = resize(this.sentDoc, (s) => new Int32Array(s));
    this.sentLocal = resize(this.sentLocal, (s) => new Int32Array(s));
    this.sentLen = resize(this.sentLen, (s) => new Uint8Array(s));
  }

  /** Moves the per-term lists of added documents into the shared array (after adding many at once). */
  compact(): void {
    if (!this.extra.size) return;
    const terms = this.termText.length;
    const offsets = new Int32Array(terms + 1);
    let total = 0;
    for (let id = 0; id < terms; id++) {
      total += this.postingCount(id);
      offsets[id + 1] = total;
    }
    const postings = new Int32Array(total);
    for (let id = 0; id < terms; id++) {
      let at = offsets[id] as number;
      if (id + 1 < this.baseOffsets.length) {
        postings.set(this.basePostings.subarray(this.baseOffsets[id], this.baseOffsets[id + 1]), at);
        at += (this.baseOffsets[id + 1] as number) - (this.baseOffsets[id] as number);
      }
      for (const g of this.extra.get(id) ?? []) postings[at++] = g;
    }
    this.baseOffsets = offsets;
    this.basePostings = postings;
    this.extra.clear();
  }
}

/** Two sorted lists as one (code-unit order). */
function mergeSorted(a: string[], b: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && (a[i] as string) <= (b[j] as string)) ? (a[i++] as string) : (b[j++] as string));
  return out;
}
