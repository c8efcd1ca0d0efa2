import type { SerialisedSentenceIndex } from '../search/sentence-index.ts';
import type { DocumentAnalysis, Speaker } from '../types.ts';

/** A speaker across the whole corpus: one person or organisation, whichever documents name them. */
export interface CorpusSpeaker extends Speaker {
  /** Document ids in which they are quoted. */
  documents: string[];
  quoteCount: number;
}

/** Everything the bot answers from: serialisable, cached on disk, loaded at start-up. */
export interface CorpusIndex {
  format: 2;
  engineVersion: string;
  inputHash: string;
  builtAt: string;
  documents: DocumentAnalysis[];
  speakers: CorpusSpeaker[];
  /** The sentence index, compact; null once a reader has loaded it (the live index is then what answers). */
  search: SerialisedSentenceIndex | null;
}
