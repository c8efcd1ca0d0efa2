import MiniSearch from 'minisearch';
import type { DocumentAnalysis } from '../types.ts';

export interface SentenceRef {
  /** "<document id>#<sentence index>": stable when other documents come and go. */
  id: string;
  text: string;
}

const OPTIONS = {
  fields: ['text'],
  idField: 'id',
  searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND' as const },
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
