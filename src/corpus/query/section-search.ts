// Finding a section by what it contains, and the sections most like a question that found none.
import MiniSearch from 'minisearch';
import type { SentenceIndex } from '../search/sentence-index.ts';
import type { Section } from '../types.ts';

/** A section as the lookups see it: the section, with its label and keywords lower-cased. */
export interface SearchableSection {
  hit: { section: Section };
  label: string;
  keywords: string[];
}

export interface ContentMatch<T> {
  entry: T;
  /** How many of the query's distinct words the section holds. */
  covered: number;
  score: number;
}

/** Where a document's sentences are and which sections it has, for grouping sentences by section. */
export interface DocumentSections<T> {
  entries: readonly T[];
  /** The source line of one of its sentences. */
  lineOf: (sentence: number) => number | undefined;
}

/**
 * Sections by how much of the query they hold: each word in some sentence of the section (or a completion
 * or near spelling of it, as /search reads words). Best first: most words covered, then the weight of the
 * matches (each word's BM25 weights summed over the section's sentences, on a log scale so that one word
 * repeated does not outweigh two words present).
 */
export function sectionsByContent<T extends SearchableSection>(
  query: string,
  search: SentenceIndex,
  documentSections: (documentId: string) => DocumentSections<T> | undefined,
  allowed: (documentId: string) => boolean,
): { words: number; matches: Array<ContentMatch<T>> } {
  // Per section, the weight of each query word's matches in it.
  const sums = new Map<T, number[]>();
  const words = search.eachHolder(
    query,
    (documentId, sentence, word, weight) => {
      const doc = documentSections(documentId);
      const line = doc?.lineOf(sentence);
      if (!doc || line === undefined) return;
      const entry = doc.entries.find((e) => line >= e.hit.section.lines[0] && line <= e.hit.section.lines[1]);
      if (!entry) return;
      let s = sums.get(entry);
      if (!s) {
        s = [];
        sums.set(entry, s);
      }
      s[word] = (s[word] ?? 0) + weight;
    },
    allowed,
  );
  const matches: Array<ContentMatch<T>> = [];
  for (const [entry, s] of sums) {
    let covered = 0;
    let score = 0;
    for (let j = 0; j < words; j++) {
      const x = s[j] ?? 0;
      if (x > 0) covered++;
      score += Math.log1p(x);
    }
    matches.push({ entry, covered, score });
  }
  matches.sort((a, b) => b.covered - a.covered || b.score - a.score);
  return { words, matches };
}

/** Enough of the query to answer with: every word, or every word but one of three or more. */
export function coversEnough(covered: number, words: number): boolean {
  return words > 0 && covered >= (words >= 3 ? words - 1 : words);
}

/** Labels and keywords most like a text (fuzzy and prefix matching, by MiniSearch's ranking), best first. */
export class SimilarSections<T extends SearchableSection> {
  private readonly search = new MiniSearch<{ id: number; label: string; keywords: string }>({
    fields: ['label', 'keywords'],
    searchOptions: { prefix: true, fuzzy: 0.3, boost: { label: 2 }, combineWith: 'OR' },
  });

  constructor(private readonly entries: readonly T[]) {
    this.search.addAll(entries.map((e, id) => ({ id, label: e.label, keywords: e.keywords.join(' ') })));
  }

  find(text: string, limit: number): T[] {
    return this.search
      .search(text)
      .slice(0, limit)
      .map((r) => this.entries[r.id as number] as T);
  }
}
