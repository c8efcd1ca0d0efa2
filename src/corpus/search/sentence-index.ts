import { expandTerm, type Expansion, type Vocabulary } from './expand.ts';
import { searchTerms } from './tokens.ts';
import { TopK } from './top-k.ts';
import { VarintReader, VarintWriter } from './varint.ts';

/** What the index needs of a document: its id and its sentences' text. */
export interface SearchableDocument {
  id: string;
  sentences: ReadonlyArray<{ text: string }>;
  /** Known before the sentences are read, for a document read lazily from the cache (src/corpus/index/cache-file.ts). */
  readonly sentenceCount?: number;
}

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

export interface SentenceMatch {
  documentId: string;
  sentence: number;
  /** The index terms that matched, as they appear in the sentence (for highlighting). */
  terms: string[];
  score: number;
}

export interface SearchOptions {
  limit: number;
  /** Documents outside the reader's scope; asked once per document per search. */
  allowed?: (documentId: string) => boolean;
}

/** Query words beyond this many add cost but hardly change which sentences come first. */
const MAX_QUERY_TERMS = 16;
// BM25, with every term counted once per sentence (sentences are short: repeats say little).
const K1 = 1.2;
const B = 0.75;

/**
 * An inverted index over every sentence of the corpus, answering AND queries (each word, or a completion or
 * near spelling of it) with the best few sentences. Sentences are numbered in document order; each term's
 * sentences are a sorted run of one shared Int32Array. A search takes its candidates from the rarest word's
 * sentences, ticks them off against the other words' lists (a byte test per entry), and scores and ranks
 * only the sentences that hold every word: nothing the size of the matches is allocated or sorted.
 * Documents added later (uploads) go into small per-term lists beside the shared array; removed ones are
 * skipped, and no longer count as vocabulary or in the statistics.
 */
export class SentenceIndex implements Vocabulary {
  private docs: Array<SearchableDocument | null> = [];
  private readonly ordinalOf = new Map<string, number>();
  private sentDoc = new Int32Array(1024);
  private sentLocal = new Int32Array(1024);
  private sentLen = new Uint8Array(1024);
  private sentenceCount = 0;
  /** First sentence number of each document (a document's sentences are numbered together). */
  private readonly docFirst: number[] = [];
  // Statistics of the live sentences (removed documents' sentences stay numbered but do not count).
  private liveSentences = 0;
  private liveLength = 0;
  /** Per term: how many live sentences hold it. */
  private readonly live: number[] = [];
  private readonly termIds = new Map<string, number>();
  private readonly termText: string[] = [];
  private baseOffsets = new Int32Array(1);
  private basePostings = new Int32Array(0);
  private readonly extra = new Map<number, number[]>();
  private sortedTerms: string[] | null = null;
  /** Terms new since the vocabulary was sorted: merged in when it is next needed. */
  private unsortedTerms: string[] = [];
  // Scratch space for a search, one slot per sentence: how many query words it has matched, and its score.
  private level = new Uint8Array(0);
  private acc = new Float64Array(0);
  private norms: Float32Array | null = null;

  static build(documents: Iterable<SearchableDocument>): SentenceIndex {
    const index = new SentenceIndex();
    for (const d of documents) index.add(d);
    index.compact();
    return index;
  }

  /**
   * The index from its cached form. A document the lookup no longer knows stays numbered but is never
   * returned (add it again if it changed); throws if a known document's sentences do not match.
   */
  static load(data: SerialisedSentenceIndex, documents: (id: string) => SearchableDocument | undefined): SentenceIndex {
    if (data.format !== 1 || data.documents.length !== data.sentenceCounts.length) throw new Error('unknown sentence index format');
    const index = new SentenceIndex();
    const n = data.sentenceCounts.reduce((a, b) => a + b, 0);
    index.grow(n);
    const lengths = Buffer.from(data.lengths, 'base64');
    if (lengths.length !== n) throw new Error('sentence index lengths do not match');
    data.documents.forEach((id, ordinal) => {
      const count = data.sentenceCounts[ordinal] ?? 0;
      const doc = id === null ? undefined : documents(id);
      if (doc && (doc.sentenceCount ?? doc.sentences.length) !== count) throw new Error(`sentence index does not match document ${id}`);
      index.docs.push(doc ?? null);
      index.docFirst.push(index.sentenceCount);
      if (doc) index.ordinalOf.set(doc.id, ordinal);
      for (let k = 0; k < count; k++) {
        const g = index.sentenceCount++;
        index.sentDoc[g] = ordinal;
        index.sentLocal[g] = k;
        index.sentLen[g] = lengths[g] as number;
        if (doc) {
          index.liveSentences++;
          index.liveLength += lengths[g] as number;
        }
      }
    });
    const terms = data.terms ? data.terms.split('\n') : [];
    const reader = new VarintReader(data.postings);
    index.baseOffsets = new Int32Array(terms.length + 1);
    index.basePostings = new Int32Array(data.postingCount);
    let at = 0;
    const anyGone = index.liveSentences < index.sentenceCount;
    terms.forEach((t, id) => {
      index.termIds.set(t, id);
      index.termText.push(t);
      const from = at;
      at += reader.readSortedInto(index.basePostings, at);
      index.baseOffsets[id + 1] = at;
      let live = at - from;
      // Documents the cache has but the corpus no longer does: their sentences do not count.
      if (anyGone) for (let p = from; p < at; p++) if (!index.docs[index.sentDoc[index.basePostings[p] as number] as number]) live--;
      index.live.push(live);
    });
    if (at !== data.postingCount || !reader.done) throw new Error('sentence index postings do not match');
    return index;
  }

  toJSON(): SerialisedSentenceIndex {
    this.compact();
    const writer = new VarintWriter();
    for (let id = 0; id < this.termText.length; id++) writer.writeSorted(this.basePostings.subarray(this.baseOffsets[id], this.baseOffsets[id + 1]));
    const counts = new Int32Array(this.docs.length);
    for (let g = 0; g < this.sentenceCount; g++) counts[this.sentDoc[g] as number] = (counts[this.sentDoc[g] as number] as number) + 1;
    return {
      format: 1,
      documents: this.docs.map((d) => d?.id ?? null),
      sentenceCounts: [...counts],
      terms: this.termText.join('\n'),
      lengths: Buffer.from(this.sentLen.buffer, 0, this.sentenceCount).toString('base64'),
      postingCount: this.basePostings.length,
      postings: writer.toBase64(),
    };
  }

  has(documentId: string): boolean {
    return this.ordinalOf.has(documentId);
  }

  /** Adds (or replaces) a document's sentences. */
  add(doc: SearchableDocument): void {
    this.remove(doc.id);
    const ordinal = this.docs.length;
    this.docs.push(doc);
    this.docFirst.push(this.sentenceCount);
    this.ordinalOf.set(doc.id, ordinal);
    this.grow(this.sentenceCount + doc.sentences.length);
    // The average sentence length moves: BM25's length factors are worked out again on the next search.
    this.norms = null;
    doc.sentences.forEach((s, k) => {
      const g = this.sentenceCount++;
      const terms = searchTerms(s.text);
      this.sentDoc[g] = ordinal;
      this.sentLocal[g] = k;
      this.sentLen[g] = Math.min(255, terms.length);
      this.liveSentences++;
      this.liveLength += this.sentLen[g] as number;
      for (const t of terms) {
        let id = this.termIds.get(t);
        if (id === undefined) {
          id = this.termText.length;
          this.termIds.set(t, id);
          this.termText.push(t);
          this.live.push(0);
          if (this.sortedTerms) this.unsortedTerms.push(t);
        }
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
    this.norms = null;
    return true;
  }

  /** The share of numbered sentences that belong to removed documents: past a half, rebuild. */
  deadShare(): number {
    return this.sentenceCount ? 1 - this.liveSentences / this.sentenceCount : 0;
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
  private postingCount(id: number): number {
    const base = id + 1 < this.baseOffsets.length ? (this.baseOffsets[id + 1] as number) - (this.baseOffsets[id] as number) : 0;
    return base + (this.extra.get(id)?.length ?? 0);
  }

  /** The best `limit` sentences containing every word of the query (or a completion or near spelling of it). */
  search(query: string, options: SearchOptions): SentenceMatch[] {
    const words = [...new Set(searchTerms(query))].slice(0, MAX_QUERY_TERMS);
    if (!words.length || options.limit <= 0) return [];
    const groups: Expansion[][] = [];
    for (const w of words) {
      const group = expandTerm(w, this);
      if (!group.length) return [];
      groups.push(group);
    }
    // Rarest word first: its sentences are the only candidates.
    const cost = (g: Expansion[]) => g.reduce((a, e) => a + this.postingCount(e.id), 0);
    groups.sort((a, b) => cost(a) - cost(b));

    const candidates: number[] = [];
    const { level, acc } = this;
    const top = new TopK(options.limit);
    try {
      groups.forEach((group, j) => {
        for (const e of group) {
          const df = this.frequency(e.id);
          const weight = e.weight * Math.log(1 + (this.liveSentences - df + 0.5) / (df + 0.5)) * (K1 + 1);
          if (e.id + 1 < this.baseOffsets.length) this.accumulate(this.basePostings, this.baseOffsets[e.id] as number, this.baseOffsets[e.id + 1] as number, j, weight, candidates);
          const extra = this.extra.get(e.id);
          if (extra) this.accumulate(extra, 0, extra.length, j, weight, candidates);
        }
      });
      // Per document of the index: 0 not asked yet, 1 in scope, 2 not.
      const docOk = new Uint8Array(this.docs.length);
      for (const g of candidates) {
        if (level[g] !== groups.length) continue;
        const ordinal = this.sentDoc[g] as number;
        if (docOk[ordinal] === 0) {
          const doc = this.docs[ordinal];
          docOk[ordinal] = doc && (!options.allowed || options.allowed(doc.id)) ? 1 : 2;
        }
        if (docOk[ordinal] === 1) top.offer(g, acc[g] as number);
      }
    } finally {
      // The scratch space must be clean for the next search whatever happened in this one (a sentence left
      // marked would never be a candidate again). Every marked sentence is a candidate.
      for (const g of candidates) {
        level[g] = 0;
        acc[g] = 0;
      }
    }

    const matched = new Set(groups.flat().map((e) => this.termText[e.id]));
    return top.items().map(({ key: g, score }) => {
      const doc = this.docs[this.sentDoc[g] as number] as SearchableDocument;
      const sentence = this.sentLocal[g] as number;
      const terms = [...new Set(searchTerms(doc.sentences[sentence]?.text ?? '').filter((t) => matched.has(t)))];
      return { documentId: doc.id, sentence, terms, score };
    });
  }

  /**
   * Every live sentence in scope that holds a word of the query (or a completion or near spelling of it), as
   * `visit(documentId, sentence, word, weight)` with the word's position among the query's distinct words and
   * the match's BM25 weight: an OR walk, for callers that group sentences (a section holds the words of
   * "drone factory fire" though no one sentence does). Returns how many distinct words the query had.
   */
  eachHolder(query: string, visit: (documentId: string, sentence: number, word: number, weight: number) => void, allowed?: (documentId: string) => boolean): number {
    const words = [...new Set(searchTerms(query))].slice(0, MAX_QUERY_TERMS);
    const norm = this.lengthNorms();
    // Per document of the index: 0 not asked yet, 1 in scope, 2 not.
    const docOk = new Uint8Array(this.docs.length);
    words.forEach((w, j) => {
      for (const e of expandTerm(w, this)) {
        const df = this.frequency(e.id);
        const weight = e.weight * Math.log(1 + (this.liveSentences - df + 0.5) / (df + 0.5)) * (K1 + 1);
        const walk = (postings: ArrayLike<number>, from: number, to: number) => {
          for (let p = from; p < to; p++) {
            const g = postings[p] as number;
            const ordinal = this.sentDoc[g] as number;
            if (docOk[ordinal] === 0) {
              const doc = this.docs[ordinal];
              docOk[ordinal] = doc && (!allowed || allowed(doc.id)) ? 1 : 2;
            }
            if (docOk[ordinal] === 1) visit((this.docs[ordinal] as SearchableDocument).id, this.sentLocal[g] as number, j, weight * (norm[g] as number));
          }
        };
        if (e.id + 1 < this.baseOffsets.length) walk(this.basePostings, this.baseOffsets[e.id] as number, this.baseOffsets[e.id + 1] as number);
        const extra = this.extra.get(e.id);
        if (extra) walk(extra, 0, extra.length);
      }
    });
    return words.length;
  }

  /**
   * Adds one term's sentences (postings[from..to)) to the search under way, as query word j: a sentence
   * counts only if it matched every earlier word (or, at j + 1, another form of this word). New candidates
   * come only from the first word.
   */
  private accumulate(postings: ArrayLike<number>, from: number, to: number, j: number, weight: number, candidates: number[]): void {
    const { level, acc } = this;
    const norm = this.lengthNorms();
    for (let p = from; p < to; p++) {
      const g = postings[p] as number;
      const l = level[g] as number;
      if (l !== j && l !== j + 1) continue;
      if (l === 0) candidates.push(g);
      level[g] = j + 1;
      acc[g] = (acc[g] as number) + weight * (norm[g] as number);
    }
  }

  /** BM25's length factor for every sentence, kept until sentences come or go. */
  private lengthNorms(): Float32Array {
    if (!this.norms) {
      const avg = this.liveLength / Math.max(1, this.liveSentences);
      const norms = new Float32Array(this.sentDoc.length);
      for (let g = 0; g < this.sentenceCount; g++) norms[g] = 1 / (1 + K1 * (1 - B + (B * (this.sentLen[g] as number)) / avg));
      this.norms = norms;
    }
    return this.norms;
  }

  /** Room for n sentences in the per-sentence arrays. */
  private grow(n: number): void {
    if (n > this.sentDoc.length) {
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
    if (n > this.level.length) {
      this.level = new Uint8Array(this.sentDoc.length);
      this.acc = new Float64Array(this.sentDoc.length);
    }
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
