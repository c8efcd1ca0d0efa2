import { mergeSpeakers } from '../index/merge-speakers.ts';
import type { CorpusIndex, CorpusSpeaker } from '../index/types.ts';
import type { SerialisedSentenceIndex } from '../search/sentence-index.ts';
import type { DocumentAnalysis } from '../types.ts';

/**
 * The one owner of the corpus's documents and speakers: the index handed to the query, changed only here
 * (documents come and go; speakers are merged again each time).
 */
export class CorpusDocuments {
  private readonly byId = new Map<string, DocumentAnalysis>();
  private speakersById = new Map<string, CorpusSpeaker>();
  private revisionCount = 0;

  constructor(private readonly index: CorpusIndex) {
    for (const d of index.documents) this.byId.set(d.id, d);
    this.indexSpeakers();
  }

  /** Changes whenever documents come or go. */
  get revision(): number {
    return this.revisionCount;
  }

  /** Every document, in index order (the live list: read it, do not keep it past a change). */
  get all(): readonly DocumentAnalysis[] {
    return this.index.documents;
  }

  get speakers(): readonly CorpusSpeaker[] {
    return this.index.speakers;
  }

  get(id: string): DocumentAnalysis | undefined {
    return this.byId.get(id);
  }

  speaker(id: string): CorpusSpeaker | undefined {
    return this.speakersById.get(id);
  }

  /** The cached sentence index, once: whoever loads it keeps it, and the index lets it go. */
  takeSearchForm(): SerialisedSentenceIndex | null {
    const form = this.index.search;
    this.index.search = null;
    return form;
  }

  /** Adds documents (replacing any with the same id), telling `watcher` of each change as it is made. */
  add(docs: readonly DocumentAnalysis[], watcher: DocumentWatcher): void {
    for (const d of docs) {
      if (this.byId.has(d.id)) this.remove(d.id, watcher);
      this.index.documents.push(d);
      this.byId.set(d.id, d);
      watcher.added(d);
    }
    this.mergeSpeakers();
  }

  remove(id: string, watcher: DocumentWatcher): boolean {
    const doc = this.byId.get(id);
    if (!doc) return false;
    watcher.removing(id);
    this.index.documents.splice(this.index.documents.indexOf(doc), 1);
    this.byId.delete(id);
    this.mergeSpeakers();
    return true;
  }

  private mergeSpeakers(): void {
    this.index.speakers = mergeSpeakers(this.index.documents);
    this.indexSpeakers();
  }

  private indexSpeakers(): void {
    this.revisionCount++;
    this.speakersById = new Map(this.index.speakers.map((s) => [s.id, s]));
  }
}

/** What must follow the documents as they change (the sentence index, updated in place rather than rebuilt). */
export interface DocumentWatcher {
  /** Before the document goes: it is still in `all`. */
  removing(id: string): void;
  added(doc: DocumentAnalysis): void;
}
