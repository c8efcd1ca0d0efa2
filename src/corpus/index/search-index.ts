import MiniSearch from 'minisearch';
import { STOP_WORDS } from '../text/words.ts';
import type { DocumentAnalysis } from '../types.ts';

export interface SentenceRef {
  /** "<document id>#<sentence index>": stable when other documents come and go. */
  id: string;
  text: string;
}

/**
 * Stop words are neither indexed nor searched: "the" matched every sentence and made a search score them all.
 * Short words are matched as written; longer ones forgive a typo (fuzzy) and an unfinished ending (prefix).
 */
const OPTIONS = {
  fields: ['text'],
  idField: 'id',
  processTerm: (term: string) => {
    const lower = term.toLowerCase();
    return STOP_WORDS.has(lower) ? null : lower;
  },
  searchOptions: {
    prefix: (term: string) => term.length >= 3,
    fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
    maxFuzzy: 2,
    combineWith: 'AND' as const,
  },
};

export type SentenceSearch = MiniSearch<SentenceRef>;

export function sentenceRefs(doc: DocumentAnalysis): SentenceRef[] {
  return doc.sentences.map((s, i) => ({ id: `${doc.id}#${i}`, text: s.text }));
}

export function parseSentenceId(id: string): { documentId: string; sentence: number } {
  const at = id.lastIndexOf('#');
  return { documentId: id.slice(0, at), sentence: Number(id.slice(at + 1)) };
}

export function buildSearch(documents: DocumentAnalysis[]): SentenceSearch {
  const search = new MiniSearch<SentenceRef>(OPTIONS);
  for (const doc of documents) search.addAll(sentenceRefs(doc));
  return search;
}

export function loadSearch(json: string): SentenceSearch {
  return MiniSearch.loadJSON<SentenceRef>(json, OPTIONS);
}
