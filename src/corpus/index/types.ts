import type { DocumentAnalysis, SpeakerKind } from '../types.ts';

/** A speaker across the whole corpus: one person or organisation, whichever documents name them. */
export interface CorpusSpeaker {
  id: string;
  name: string;
  kind: SpeakerKind;
  aliases: string[];
  roles: string[];
  /** Document ids in which they are quoted. */
  documents: string[];
  quoteCount: number;
}

/** Everything the bot answers from: serialisable, cached on disk, loaded at start-up. */
export interface CorpusIndex {
  format: 1;
  engineVersion: string;
  inputHash: string;
  builtAt: string;
  documents: DocumentAnalysis[];
  speakers: CorpusSpeaker[];
  /** MiniSearch's own JSON of the sentence index. */
  search: string;
}
