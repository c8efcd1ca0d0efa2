import { expandTerm, type Expansion } from './expand.ts';
import { decodeTables, encodeTables, type SerialisedSentenceIndex } from './sentence-index-form.ts';
import { SentenceTables, type SearchableDocument } from './sentence-tables.ts';
import { searchTerms } from './tokens.ts';
import { TopK } from './top-k.ts';

export type { SearchableDocument } from './sentence-tables.ts';
export type { SerialisedSentenceIndex } from './sentence-index-form.ts';

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
 * An inverted index over every sentence of the corpus (its storage: sentence-tables.ts), answering AND
 * queries (each word, or a completion or near spelling of it) with the best few sentences. A search takes
 * its candidates from the rarest word's sentences, ticks them off against the other words' lists (a byte
 * test per entry), and scores and ranks only the sentences that hold every word: nothing the size of the
 * matches is allocated or sorted.
 */
export class SentenceIndex {
  // Scratch space for a search, one slot per sentence: how many query words it has matched, and its score.
  private level = new Uint8Array(0);
  private acc = new Float64Array(0);
  private norms: Float32Array | null = null;

  private constructor(private readonly t: SentenceTables) {
    this.fitScratch();
  }

  static build(documents: Iterable<SearchableDocument>): SentenceIndex {
    const index = new SentenceIndex(new SentenceTables());
    for (const d of documents) index.add(d);
    index.compact();
    return index;
  }

  /**
   * The index from its cached form. A document the lookup no longer knows stays numbered but is never
   * returned (add it again if it changed); throws if a known document's sentences do not match.
   */
  static load(data: SerialisedSentenceIndex, documents: (id: string) => SearchableDocument | undefined): SentenceIndex {
    return new SentenceIndex(decodeTables(data, documents));
  }

  toJSON(): SerialisedSentenceIndex {
    return encodeTables(this.t);
  }

  has(documentId: string): boolean {
    return this.t.ordinalOf.has(documentId);
  }

  /** Adds (or replaces) a document's sentences. */
  add(doc: SearchableDocument): void {
    this.t.add(doc);
    this.fitScratch();
    // The average sentence length moves: BM25's length factors are worked out again on the next search.
    this.norms = null;
  }

  /** Forgets a document: its sentences are never returned, and no longer count as vocabulary or in the statistics. */
  remove(documentId: string): boolean {
    const removed = this.t.remove(documentId);
    if (removed) this.norms = null;
    return removed;
  }

  /** The share of numbered sentences that belong to removed documents: past a half, rebuild. */
  deadShare(): number {
    const t = this.t;
    return t.sentenceCount ? 1 - t.liveSentences / t.sentenceCount : 0;
  }

  /** Moves the per-term lists of added documents into the shared array (after adding many at once). */
  compact(): void {
    this.t.compact();
  }

  /** The best `limit` sentences containing every word of the query (or a completion or near spelling of it). */
  search(query: string, options: SearchOptions): SentenceMatch[] {
    const t = this.t;
    const words = queryWords(query);
    if (!words.length || options.limit <= 0) return [];
    const groups: Expansion[][] = [];
    for (const w of words) {
      const group = expandTerm(w, t);
      if (!group.length) return [];
      groups.push(group);
    }
    // Rarest word first: its sentences are the only candidates.
    const cost = (g: Expansion[]) => g.reduce((a, e) => a + t.postingCount(e.id), 0);
    groups.sort((a, b) => cost(a) - cost(b));

    const candidates: number[] = [];
    const { level, acc } = this;
    const top = new TopK(options.limit);
    try {
      groups.forEach((group, j) => {
        for (const e of group) {
          const weight = this.weightOf(e);
          t.eachList(e.id, (postings, from, to) => this.accumulate(postings, from, to, j, weight, candidates));
        }
      });
      const inScope = scopeCheck(t, options.allowed);
      for (const g of candidates) if (level[g] === groups.length && inScope(t.sentDoc[g] as number)) top.offer(g, acc[g] as number);
    } finally {
      // The scratch space must be clean for the next search whatever happened in this one (a sentence left
      // marked would never be a candidate again). Every marked sentence is a candidate.
      for (const g of candidates) {
        level[g] = 0;
        acc[g] = 0;
      }
    }

    const matched = new Set(groups.flat().map((e) => t.termText[e.id]));
    return top.items().map(({ key: g, score }) => {
      const doc = t.docs[t.sentDoc[g] as number] as SearchableDocument;
      const sentence = t.sentLocal[g] as number;
      const terms = [...new Set(searchTerms(doc.sentences[sentence]?.text ?? '').filter((w) => matched.has(w)))];
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
    const t = this.t;
    const words = queryWords(query);
    const norm = this.lengthNorms();
    const inScope = scopeCheck(t, allowed);
    words.forEach((w, j) => {
      for (const e of expandTerm(w, t)) {
        const weight = this.weightOf(e);
        t.eachList(e.id, (postings, from, to) => {
          for (let p = from; p < to; p++) {
            const g = postings[p] as number;
            const ordinal = t.sentDoc[g] as number;
            if (inScope(ordinal)) visit((t.docs[ordinal] as SearchableDocument).id, t.sentLocal[g] as number, j, weight * (norm[g] as number));
          }
        });
      }
    });
    return words.length;
  }

  /** BM25's weight of a match on an expansion of a query word, before the sentence's length factor. */
  private weightOf(e: Expansion): number {
    const df = this.t.frequency(e.id);
    return e.weight * Math.log(1 + (this.t.liveSentences - df + 0.5) / (df + 0.5)) * (K1 + 1);
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
      const t = this.t;
      const avg = t.liveLength / Math.max(1, t.liveSentences);
      const norms = new Float32Array(t.sentDoc.length);
      for (let g = 0; g < t.sentenceCount; g++) norms[g] = 1 / (1 + K1 * (1 - B + (B * (t.sentLen[g] as number)) / avg));
      this.norms = norms;
    }
    return this.norms;
  }

  /** A scratch slot for every sentence the tables have room for. */
  private fitScratch(): void {
    if (this.level.length >= this.t.sentDoc.length) return;
    this.level = new Uint8Array(this.t.sentDoc.length);
    this.acc = new Float64Array(this.t.sentDoc.length);
  }
}

/** The query's distinct index terms, the first few. */
function queryWords(query: string): string[] {
  return [...new Set(searchTerms(query))].slice(0, MAX_QUERY_TERMS);
}

/** Whether a document (by ordinal) is live and allowed, asking `allowed` once per document of the index. */
function scopeCheck(t: SentenceTables, allowed?: (documentId: string) => boolean): (ordinal: number) => boolean {
  // Per document of the index: 0 not asked yet, 1 in scope, 2 not.
  const docOk = new Uint8Array(t.docs.length);
  return (ordinal) => {
    if (docOk[ordinal] === 0) {
      const doc = t.docs[ordinal];
      docOk[ordinal] = doc && (!allowed || allowed(doc.id)) ? 1 : 2;
    }
    return docOk[ordinal] === 1;
  };
}
