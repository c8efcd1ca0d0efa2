import type { CorpusIndex, CorpusSpeaker } from '../index/types.ts';
import type { DocumentAnalysis, QuoteKind, Sentence } from '../types.ts';
import { CorpusDocuments } from './corpus-documents.ts';
import { CorpusViews } from './corpus-views.ts';
import type { DateQuery } from './date-query.ts';
import type { EventHit } from './event-table.ts';
import type { EventOptions } from './events.ts';
import type { Found } from './found.ts';
import type { QuoteHit } from './quote-index.ts';
import type { Scope } from './reading-scopes.ts';
import type { SectionHit } from './sections.ts';
import { SentenceSearch, type SentenceHit } from './sentence-search.ts';

export { documentRef, type DocumentRef } from './document-lookup.ts';
export type { EventHit } from './event-table.ts';
export type { Found, Reason } from './found.ts';
export type { QuoteHit } from './quote-index.ts';
export type { Scope } from './reading-scopes.ts';
export type { SectionHit } from './sections.ts';
export type { SentenceHit } from './sentence-search.ts';

/**
 * Everything the commands ask of the corpus. Answers are plain data, and a question without one says why
 * (a `Reason`); wording, layout and Discord's limits are the caller's. The index handed in is the query's
 * from then on: documents come and go through `addDocuments` and `removeDocument` only.
 */
export class CorpusQuery {
  private readonly corpus: CorpusDocuments;
  private readonly sentences: SentenceSearch;
  private views: CorpusViews;

  constructor(index: CorpusIndex) {
    this.corpus = new CorpusDocuments(index);
    this.sentences = new SentenceSearch(this.corpus);
    this.views = new CorpusViews(this.corpus);
  }

  /** Changes whenever documents come or go: derived views of the corpus are stale when it has moved on. */
  get revision(): number {
    return this.corpus.revision;
  }

  /** Adds analysed documents (a server's uploads), replacing any with the same id. */
  addDocuments(docs: DocumentAnalysis[]): void {
    this.corpus.add(docs, this.sentences);
    this.views = new CorpusViews(this.corpus);
  }

  removeDocument(id: string): boolean {
    if (!this.corpus.remove(id, this.sentences)) return false;
    this.views = new CorpusViews(this.corpus);
    return true;
  }

  /**
   * Builds now what the first questions would otherwise build on the way to their answer (the sentence
   * index, the event table, the section and quote lookups): called once start-up has answered what it
   * must, so that no member's first /search waits for it.
   */
  prepare(): void {
    this.sentences.index();
    this.views.prepare();
  }

  /** The documents in scope, in index order (a named document: the ones its name matches). */
  documents(scope: Scope = {}): DocumentAnalysis[] {
    return this.views.scopes.documents(scope);
  }

  /** Resolves a document option, or says that it matches nothing. */
  checkDocument(scope: Scope): Found<DocumentAnalysis[]> {
    return this.views.scopes.check(scope);
  }

  /** A speaker by id (as quotes name them). */
  speaker(id: string): CorpusSpeaker | undefined {
    return this.corpus.speaker(id);
  }

  /** The speakers quoted in the scope, in index order. */
  speakers(scope: Scope = {}): CorpusSpeaker[] {
    return this.views.speakers.inScope(scope);
  }

  /** A speaker by name, alias, surname, prefix or a near spelling. */
  findSpeaker(text: string, scope: Scope = {}): Found<CorpusSpeaker> {
    return this.views.speakers.find(text, scope);
  }

  /** Up to `limit` speakers for autocomplete: prefix matches first, then aliases, then near spellings. */
  suggestSpeakers(prefix: string, scope: Scope, limit: number): CorpusSpeaker[] {
    return this.views.speakers.suggest(prefix, scope, limit);
  }

  quotes(speakerText: string, options: Scope & { contains?: string; kind?: QuoteKind } = {}): Found<{ speaker: CorpusSpeaker; hits: QuoteHit[] }> {
    const docs = this.checkDocument(options);
    if (!docs.ok) return docs;
    const speaker = this.findSpeaker(speakerText, options);
    if (!speaker.ok) return speaker;
    const hits = this.views.quotes.of(speaker.value, this.views.scopes.documentSet(options, docs.value), options, this.views.lookup);
    return hits.ok ? { ok: true, value: { speaker: speaker.value, hits: hits.value } } : hits;
  }

  /** Events on a date or in a range (the first `limit`, and how many in all), or the nearest ones. */
  events(dateText: string, options: EventOptions = {}): Found<{ query: DateQuery; hits: EventHit[]; total: number; nearest: EventHit[] }> {
    return this.views.events.events(dateText, options);
  }

  /** Events in date order, optionally between two dates: the first `limit`, and how many there are in all. */
  timeline(options: EventOptions & { from?: string; to?: string } = {}): Found<{ hits: EventHit[]; total: number }> {
    return this.views.events.timeline(options);
  }

  /** Up to `limit` day-dated events of the first month-day (MM-DD) on or after the asked one that has any. */
  anniversaries(monthDay: string, scope: Scope, limit: number): { exact: boolean; hits: EventHit[] } {
    return this.views.anniversaries.on(monthDay, this.views.scopes.test(scope), limit);
  }

  sections(scope: Scope = {}): SectionHit[] {
    return this.views.sections.list(scope);
  }

  /** A section by label, keyword, or the words it contains. */
  section(text: string, scope: Scope = {}): Found<SectionHit> {
    return this.views.sections.find(text, scope, () => this.sentences.index());
  }

  /** Up to `limit` sections for autocomplete, best first. */
  suggestSections(prefix: string, scope: Scope, limit: number): SectionHit[] {
    return this.views.sections.suggest(prefix, scope, limit);
  }

  /** The best sentences holding every word of the text (or a completion or near spelling of it), best first. */
  searchSentences(text: string, scope: Scope = {}, limit = 10): SentenceHit[] {
    const lookup = this.views.lookup;
    return this.sentences.find(text, this.views.scopes.test(scope), limit, (d) => lookup.ref(d));
  }

  /** Text to show for a set of sentence indexes of a document. */
  sentenceTexts(documentId: string, ids: number[]): Sentence[] {
    const doc = this.corpus.get(documentId);
    return ids.map((i) => doc?.sentences[i]).filter((s): s is Sentence => !!s);
  }
}
