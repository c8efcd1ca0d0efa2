import MiniSearch from 'minisearch';
import type { DocumentAnalysis } from '../types.ts';

export interface SentenceRef {
  /** "documentIndex:sentenceIndex" */
  id: string;
  text: string;
}

const OPTIONS = {
  fields: ['text'],
  idField: 'id',
  searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND' as const },
};

export type SentenceSearch = MiniSearch<SentenceRef>;

export function buildSearch(documents: DocumentAnalysis[]): SentenceSearch {
  const search = new MiniSearch<SentenceRef>(OPTIONS);
  documents.forEach((doc, d) => {
    search.addAll(doc.sentences.map((s, i) => ({ id: `${d}:${i}`, text: s.text })));
  });
  return search;
}

export function loadSearch(json: string): SentenceSearch {
  return MiniSearch.loadJSON<SentenceRef>(json, OPTIONS);
}
