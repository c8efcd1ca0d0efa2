import { SentenceIndex } from '../search/sentence-index.ts';
import type { DocumentAnalysis, Sentence } from '../types.ts';
import type { CorpusDocuments, DocumentWatcher } from './corpus-documents.ts';
import type { DocumentRef } from './document-lookup.ts';

export interface SentenceHit {
  sentence: Sentence;
  document: DocumentRef;
  terms: string[];
  score: number;
}

/**
 * The sentence index over the live documents. Only search needs it, so the cached form is loaded on first
 * use (start-up stays fast); from then on it follows the documents as they come and go, rather than being
 * built again.
 */
export class SentenceSearch implements DocumentWatcher {
  private search: SentenceIndex | null = null;
  /** Documents removed (or replaced) before the cached sentence index was loaded: it is stale for them. */
  private readonly changedBeforeLoad = new Set<string>();

  constructor(private readonly docs: CorpusDocuments) {}

  removing(id: string): void {
    // Before the search is loaded: the cached form must not answer for this id (it may come back changed).
    if (!this.search) {
      this.changedBeforeLoad.add(id);
      return;
    }
    this.search.remove(id);
    // Removed documents' sentences stay in the lists: once they are most of them, start afresh.
    if (this.search.deadShare() > 0.5) this.search = SentenceIndex.build(this.docs.all.filter((d) => d.id !== id));
  }

  added(doc: DocumentAnalysis): void {
    // Before the search is loaded, a new document is simply missing from the cached form and added then.
    if (this.search) this.search.add(doc);
  }

  /** The best `limit` sentences holding every word of the text, in documents the test lets through. */
  find(text: string, allowed: (id: string) => boolean, limit: number, ref: (d: DocumentAnalysis) => DocumentRef): SentenceHit[] {
    const out: SentenceHit[] = [];
    for (const m of this.index().search(text, { limit, allowed })) {
      const doc = this.docs.get(m.documentId);
      const sentence = doc?.sentences[m.sentence];
      if (doc && sentence) out.push({ sentence, document: ref(doc), terms: m.terms, score: m.score });
    }
    return out;
  }

  index(): SentenceIndex {
    if (this.search) return this.search;
    let search: SentenceIndex | null = null;
    const form = this.docs.takeSearchForm();
    if (form) {
      try {
        search = SentenceIndex.load(form, (id) => (this.changedBeforeLoad.has(id) ? undefined : this.docs.get(id)));
      } catch {
        // A cache that does not match its documents is rebuilt rather than trusted.
        search = null;
      }
    }
    // Documents added since the index was built (or changed before it was loaded); all of them without one.
    const fresh = !search;
    search ??= SentenceIndex.build([]);
    for (const d of this.docs.all) if (!search.has(d.id)) search.add(d);
    if (fresh) search.compact();
    this.changedBeforeLoad.clear();
    this.search = search;
    return search;
  }
}
