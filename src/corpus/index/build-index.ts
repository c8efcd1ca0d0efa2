import { analyseDocument } from '../analyse.ts';
import type { DocumentAnalysis, LoadedDocument } from '../types.ts';
import { engineVersion } from './engine-version.ts';
import { SentenceIndex } from '../search/sentence-index.ts';
import { mergeSpeakers } from './merge-speakers.ts';
import type { CorpusIndex } from './types.ts';

/** Assembles the serialisable index the bot answers from, from documents already analysed (in corpus order). */
export function assembleIndex(documents: DocumentAnalysis[], inputHash: string): CorpusIndex {
  const speakers = mergeSpeakers(documents);
  return {
    format: 2,
    engineVersion: engineVersion(),
    inputHash,
    builtAt: new Date().toISOString(),
    documents,
    speakers,
    search: SentenceIndex.build(documents).toJSON(),
  };
}

/** Analyses every document (in this thread) and assembles the index. */
export function buildIndex(docs: LoadedDocument[], inputHash: string, onProgress?: (done: number, total: number) => void): CorpusIndex {
  const documents = docs.map((doc, i) => {
    const analysis = analyseDocument(doc);
    onProgress?.(i + 1, docs.length);
    return analysis;
  });
  return assembleIndex(documents, inputHash);
}
