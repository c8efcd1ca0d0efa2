import MiniSearch from 'minisearch';
import { parseIsoDate, toUtc, type PartialDate } from '../events/calendar.ts';
import { mergeSpeakers } from '../index/merge-speakers.ts';
import type { CorpusIndex, CorpusSpeaker } from '../index/types.ts';
import { SentenceIndex } from '../search/sentence-index.ts';
import { coversEnough, SimilarSections, sectionsByContent } from './section-search.ts';
import { parseMention } from '../speakers/mention.ts';
import { canonicalId } from '../speakers/registry.ts';
import type { DatedEvent, DocumentAnalysis, LocationStart, Quote, QuoteKind, Section, Sentence } from '../types.ts';
import { isClose } from './close-names.ts';
import { DATE_EXAMPLES, parseDateQuery, type AskedDate, type DateQuery, type NumericOrder } from './date-query.ts';

export interface DocumentRef {
  id: string;
  file: string;
  title: string;
  published: string | null;
  /** Pages or chapters of the source, for citations (shared with the analysis, not copied). */
  locations?: readonly LocationStart[];
}
export interface QuoteHit {
  speaker: CorpusSpeaker;
  quote: Quote;
  document: DocumentRef;
}
export interface EventHit {
  event: DatedEvent;
  document: DocumentRef;
}
export interface SectionHit {
  section: Section;
  document: DocumentRef;
  /** Index of the section in its document. */
  index: number;
}
export interface SentenceHit {
  sentence: Sentence;
  document: DocumentRef;
  terms: string[];
  score: number;
}

/** A failure is either a valid question with no answer, or a `mistake` in how it was asked (an unreadable date). */
export type Found<T> = { ok: true; value: T } | { ok: false; message: string; suggestions: string[]; mistake?: true };

export interface Scope {
  /** Only these document ids (a server's reading list); all when absent. */
  documents?: ReadonlySet<string>;
  /** One document named by the user (id, file name or title, or a prefix of one). */
  document?: string;
}

const MAX_CHOICES = 25;
const MAX_SUGGESTIONS = 5;
const DAY = 86_400_000;
/** Events this many days from an asked date are shown beside the exact matches. */
const NEIGHBOUR_DAYS = 3;
/** The nearest events are offered within a century of the asked date; past that nothing is near (9999). */
const NEAREST_MAX_DAYS = 100 * 366;

export const documentRef = (d: DocumentAnalysis): DocumentRef => ({ id: d.id, file: d.file, title: d.title, published: d.published, ...(d.locations ? { locations: d.locations } : {}) });

function startOf(d: AskedDate): number {
  return Date.UTC(d.year ?? 2000, (d.month ?? 1) - 1, d.day ?? 1);
}
function endOf(d: AskedDate): number {
  if (d.day !== undefined) return startOf(d);
  if (d.month !== undefined) return Date.UTC(d.year ?? 2000, d.month, 0);
  return Date.UTC(d.year ?? 2000, 11, 31);
}
function periodOf(p: PartialDate, year?: number): [number, number] {
  const asked: AskedDate = { year: year ?? p.year, ...(p.month ? { month: p.month } : {}), ...(p.day ? { day: p.day } : {}) };
  return [startOf(asked), endOf(asked)];
}

/** Everything the commands ask of the index. Answers are plain data; wording and layout are the caller's. */
export class CorpusQuery {
  readonly index: CorpusIndex;
  private speakersById = new Map<string, CorpusSpeaker>();
  private nameIndexCache: MiniSearch<{ id: string; names: string }> | null = null;
  private aliasToId = new Map<string, string>();
  private readonly docById = new Map<string, DocumentAnalysis>();
  private search: SentenceIndex | null = null;
  /** Documents removed (or replaced) before the cached sentence index was loaded: it is stale for them. */
  private readonly changedBeforeSearch = new Set<string>();
  // Lookups derived from the index on first use (answers must not scan the whole corpus each time);
  // dropped whenever documents come or go.
  private docLookup: DocLookup | null = null;
  private quoteLookup: QuoteLookup | null = null;
  private eventLookup: EventTable | null = null;
  private sectionLookup: SectionLookup | null = null;
  private speakerNames: Map<string, SpeakerNames> | null = null;
  private calendar: Array<{ monthDay: string; event: DatedEvent; documentId: string }> | null = null;
  /** What each reading list seen narrows the corpus to (callers reuse one set per server while it holds). */
  private scopeViews = new WeakMap<ReadonlySet<string>, ScopeView>();
  private sectionNameCache = new WeakMap<IndexedSection[], SectionNames>();
  private similarCache = new WeakMap<IndexedSection[], SimilarSections<IndexedSection>>();
  private revisionCount = 0;

  constructor(index: CorpusIndex) {
    this.index = index;
    for (const d of index.documents) this.docById.set(d.id, d);
    this.indexSpeakers();
  }

  /** Changes whenever documents come or go: derived views of the corpus are stale when it has moved on. */
  get revision(): number {
    return this.revisionCount;
  }

  private indexSpeakers(): void {
    this.revisionCount++;
    this.scopeViews = new WeakMap();
    this.sectionNameCache = new WeakMap();
    this.similarCache = new WeakMap();
    this.docLookup = null;
    this.quoteLookup = null;
    this.eventLookup = null;
    this.calendar = null;
    this.sectionLookup = null;
    this.speakerNames = null;
    this.nameIndexCache = null;
    this.speakersById = new Map(this.index.speakers.map((s) => [s.id, s]));
    this.aliasToId = new Map();
    for (const s of this.index.speakers) {
      for (const name of [s.name, ...s.aliases]) {
        const key = canonicalId(name);
        if (!this.aliasToId.has(key)) this.aliasToId.set(key, s.id);
      }
    }
  }

  /** Fuzzy search over speakers' names: only needed for misses and short autocomplete lists, so built on first use. */
  private get nameIndex(): MiniSearch<{ id: string; names: string }> {
    if (!this.nameIndexCache) {
      this.nameIndexCache = new MiniSearch({ fields: ['names'], idField: 'id', searchOptions: { prefix: true, fuzzy: 0.3 } });
      this.nameIndexCache.addAll(this.index.speakers.map((s) => ({ id: s.id, names: [s.name, ...s.aliases].join(' | ') })));
    }
    return this.nameIndexCache;
  }

  private docs(): DocLookup {
    if (this.docLookup) return this.docLookup;
    const keys = new Map<DocumentAnalysis, string[]>();
    const exact = new Map<string, DocumentAnalysis[]>();
    const refs = new Map<DocumentAnalysis, DocumentRef>();
    for (const d of this.index.documents) {
      const k = [d.id.toLowerCase(), d.file.toLowerCase(), d.title.toLowerCase()];
      keys.set(d, k);
      refs.set(d, documentRef(d));
      for (const key of new Set(k)) {
        const list = exact.get(key);
        if (list) list.push(d);
        else exact.set(key, [d]);
      }
    }
    // The order localeCompare gives document ids, as integers (equal ids, or ids that collate equal, share a rank).
    const sorted = [...this.index.documents].sort((a, b) => a.id.localeCompare(b.id));
    const rank = new Map<string, number>();
    sorted.forEach((d, i) => {
      const prev = sorted[i - 1];
      rank.set(d.id, prev && prev.id.localeCompare(d.id) === 0 ? (rank.get(prev.id) ?? i) : i);
    });
    this.docLookup = { keys, exact, refs, rank };
    return this.docLookup;
  }

  private refOf(d: DocumentAnalysis): DocumentRef {
    return this.docs().refs.get(d) ?? documentRef(d);
  }

  private quoteIndex(): QuoteLookup {
    if (this.quoteLookup) return this.quoteLookup;
    const bySpeaker = new Map<string, Array<{ doc: DocumentAnalysis; quote: Quote }>>();
    const docsOf = new Map<string, DocumentAnalysis[]>();
    for (const doc of this.index.documents) {
      for (const quote of doc.quotes) {
        const list = bySpeaker.get(quote.speakerId);
        if (list) list.push({ doc, quote });
        else bySpeaker.set(quote.speakerId, [{ doc, quote }]);
        const docs = docsOf.get(quote.speakerId);
        if (!docs) docsOf.set(quote.speakerId, [doc]);
        else if (docs[docs.length - 1] !== doc) docs.push(doc);
      }
    }
    const quoted = this.index.speakers.filter((s) => docsOf.has(s.id));
    this.quoteLookup = { bySpeaker, docsOf, quoted };
    return this.quoteLookup;
  }

  /**
   * Every dated event with its parsed period, in answer order (date, document, line), with the numbers a
   * date query compares held in typed arrays: scanning 200,000 events then costs about a millisecond,
   * where walking as many objects costs a hundred.
   */
  private eventIndex(): EventTable {
    if (this.eventLookup) return this.eventLookup;
    const rank = this.docs().rank;
    const entries: EventEntry[] = [];
    let order = 0;
    for (const doc of this.index.documents) {
      const docRank = rank.get(doc.id) ?? 0;
      for (const event of doc.events) {
        const p = parseIsoDate(event.date);
        if (p) {
          const [start, end] = periodOf(p);
          entries.push({ event, doc, docRank, p, start, end, order });
        }
        order++;
      }
    }
    // Dates are YYYY[-MM[-DD]], so comparing them as strings orders them as localeCompare does.
    entries.sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : 0) || a.docRank - b.docRank || a.event.line - b.event.line);
    const n = entries.length;
    const table: EventTable = {
      entries,
      year: new Int32Array(n),
      granularity: new Int8Array(n),
      month: new Int8Array(n),
      day: new Int8Array(n),
      start: new Float64Array(n),
      end: new Float64Array(n),
      order: new Int32Array(n),
      doc: new Int32Array(n),
      ordinal: new Map(this.index.documents.map((d, i) => [d, i])),
    };
    entries.forEach((e, i) => {
      table.year[i] = e.p.year;
      table.granularity[i] = GRANULARITY[e.p.granularity];
      table.month[i] = e.p.month ?? 0;
      table.day[i] = e.p.day ?? 0;
      table.start[i] = e.start;
      table.end[i] = e.end;
      table.order[i] = e.order;
      table.doc[i] = table.ordinal.get(e.doc) ?? -1;
    });
    this.eventLookup = table;
    return table;
  }

  private sectionIndex(): SectionLookup {
    if (this.sectionLookup) return this.sectionLookup;
    const all: IndexedSection[] = [];
    const byDoc = new Map<string, IndexedSection[]>();
    for (const d of this.index.documents) {
      const document = this.refOf(d);
      const list = d.sections.map((section, index) => ({
        hit: { section, document, index },
        label: section.label.toLowerCase(),
        keywords: section.keywords.map((k) => k.toLowerCase()),
      }));
      all.push(...list);
      byDoc.set(d.id, list);
    }
    this.sectionLookup = { all, byDoc };
    return this.sectionLookup;
  }

  private names(): Map<string, SpeakerNames> {
    if (this.speakerNames) return this.speakerNames;
    const out = new Map<string, SpeakerNames>();
    for (const s of this.index.speakers) {
      const name = canonicalId(s.name);
      const aliases = s.aliases.map(canonicalId);
      const tails = (n: string) => n.split(' ').map((_, i, ws) => ws.slice(i).join(' '));
      out.set(s.id, { name, nameWords: name.split(' '), aliases, aliasWords: aliases.map((a) => a.split(' ')), tails: [name, ...aliases].flatMap(tails) });
    }
    this.speakerNames = out;
    return out;
  }

  /**
   * Which documents an answer may come from: null for all; a named document's few; or the reading list's,
   * kept per scope (building a set of tens of thousands of documents per question costs more than the answer).
   */
  private docFilter(scope: Scope, docs: DocumentAnalysis[]): ReadonlySet<DocumentAnalysis> | null {
    if (!scope.document && !scope.documents) return null;
    return this.perScope(scope, 'documentSet', () => new Set(docs));
  }

  /** The scope as one flag per document of the event table (kept per reading list): scans test a byte. */
  private scopeMask(scope: Scope, docs: DocumentAnalysis[], table: EventTable): Uint8Array | null {
    if (!scope.document && !scope.documents) return null;
    return this.perScope(scope, 'mask', () => {
      const mask = new Uint8Array(this.index.documents.length);
      for (const d of docs) {
        const i = table.ordinal.get(d);
        if (i !== undefined) mask[i] = 1;
      }
      return mask;
    });
  }

  /**
   * `make()` for a reading-list scope, kept with the list until documents come or go; for a named document
   * (a few, and seldom asked twice) made afresh.
   */
  private perScope<K extends keyof ScopeView>(scope: Scope, key: K, make: () => NonNullable<ScopeView[K]>): NonNullable<ScopeView[K]> {
    if (scope.document || !scope.documents) return make();
    let view = this.scopeViews.get(scope.documents);
    if (!view) {
      view = {};
      this.scopeViews.set(scope.documents, view);
    }
    return (view[key] ??= make()) as NonNullable<ScopeView[K]>;
  }

  /** Whether a document id is within the scope, without building the scope's document list when it can be avoided. */
  private scopeTest(scope: Scope): (id: string) => boolean {
    if (scope.document) {
      const ids = new Set(this.documents(scope).map((d) => d.id));
      return (id) => ids.has(id);
    }
    const set = scope.documents;
    return set ? (id) => set.has(id) : () => true;
  }

  /**
   * Day-dated events as anniversaries: the first month-day on or after `monthDay` (MM-DD) that has events in
   * scope, wrapping round the year. Sorted once, so a digest for each of many servers costs a binary search.
   */
  anniversaries(monthDay: string, scope: Scope = {}, limit = 3): { exact: boolean; hits: EventHit[] } {
    this.calendar ??= this.index.documents
      .flatMap((d) => d.events.filter((e) => e.granularity === 'day').map((event) => ({ monthDay: event.date.slice(5, 10), event, documentId: d.id })))
      .sort((a, b) => a.monthDay.localeCompare(b.monthDay) || a.event.date.localeCompare(b.event.date));
    const cal = this.calendar;
    const inScope = this.scopeTest(scope);
    let lo = 0;
    let hi = cal.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cal[mid]?.monthDay ?? '') < monthDay) lo = mid + 1;
      else hi = mid;
    }
    for (let k = 0; k < cal.length; k++) {
      const first = cal[(lo + k) % cal.length];
      if (!first || !inScope(first.documentId)) continue;
      const hits: EventHit[] = [];
      for (let j = (lo + k) % cal.length; j < cal.length && cal[j]?.monthDay === first.monthDay && hits.length < limit; j++) {
        const c = cal[j];
        const doc = c ? this.docById.get(c.documentId) : undefined;
        if (c && doc && inScope(c.documentId)) hits.push({ event: c.event, document: documentRef(doc) });
      }
      return { exact: first.monthDay === monthDay, hits };
    }
    return { exact: false, hits: [] };
  }

  /** Adds analysed documents (a server's uploads) to the live index. */
  addDocuments(docs: DocumentAnalysis[]): void {
    for (const d of docs) {
      if (this.docById.has(d.id)) this.removeDocument(d.id);
      this.index.documents.push(d);
      this.docById.set(d.id, d);
      // Before the search is loaded, a new document is simply missing from the cached form and added then.
      if (this.search) this.search.add(d);
    }
    this.index.speakers = mergeSpeakers(this.index.documents);
    this.indexSpeakers();
  }

  removeDocument(id: string): boolean {
    const doc = this.docById.get(id);
    if (!doc) return false;
    // Before the search is loaded: the cached form must not answer for this id (it may come back changed).
    if (this.search) {
      this.search.remove(id);
      // Removed documents' sentences stay in the lists: once they are most of them, start afresh.
      if (this.search.deadShare() > 0.5) this.search = SentenceIndex.build(this.index.documents.filter((d) => d.id !== id));
    } else this.changedBeforeSearch.add(id);
    this.index.documents.splice(this.index.documents.indexOf(doc), 1);
    this.docById.delete(id);
    this.index.speakers = mergeSpeakers(this.index.documents);
    this.indexSpeakers();
    return true;
  }

  /**
   * Builds now what the first questions would otherwise build on the way to their answer (the sentence
   * index, the event table, the section and quote lookups): called once start-up has answered what it
   * must, so that no member's first /search waits for it.
   */
  prepare(): void {
    this.sentenceSearch();
    this.eventIndex();
    this.sectionIndex();
    this.quoteIndex();
    this.names();
  }

  /** The sentence index is only needed by search: load it on first use so start-up stays fast. */
  private sentenceSearch(): SentenceIndex {
    if (!this.search) {
      let search: SentenceIndex | null = null;
      if (this.index.search) {
        try {
          search = SentenceIndex.load(this.index.search, (id) => (this.changedBeforeSearch.has(id) ? undefined : this.docById.get(id)));
        } catch {
          // A cache that does not match its documents is rebuilt rather than trusted.
          search = null;
        }
      }
      // Documents added since the index was built (or changed before it was loaded); all of them without one.
      const fresh = !search;
      search ??= SentenceIndex.build([]);
      for (const d of this.index.documents) if (!search.has(d.id)) search.add(d);
      if (fresh) search.compact();
      // The serialised form is now redundant: let it go.
      this.index.search = null;
      this.changedBeforeSearch.clear();
      this.search = search;
    }
    return this.search;
  }

  documents(scope: Scope = {}): DocumentAnalysis[] {
    const set = scope.documents;
    const inScope = (d: DocumentAnalysis) => !set || set.has(d.id);
    if (scope.document) {
      const q = scope.document.trim().toLowerCase();
      const { exact, keys } = this.docs();
      const named = (exact.get(q) ?? []).filter(inScope);
      if (named.length) return named;
      return this.index.documents.filter((d) => inScope(d) && (keys.get(d) ?? []).some((x) => x.includes(q)));
    }
    if (!set) return [...this.index.documents];
    return [...this.perScope(scope, 'documents', () => this.index.documents.filter(inScope))];
  }

  /** Resolves a document option, or explains why it matches nothing. */
  checkDocument(scope: Scope): Found<DocumentAnalysis[]> {
    const docs = this.documents(scope);
    if (docs.length || !scope.document) return { ok: true, value: docs };
    const all = this.documents({ ...(scope.documents ? { documents: scope.documents } : {}) });
    const close = all.filter((d) => isClose(scope.document ?? '', [d.title, d.file]));
    return { ok: false, message: `No document matches "${scope.document.slice(0, 80)}".`, suggestions: close.slice(0, 5).map((d) => d.title) };
  }

  speakers(scope: Scope = {}): CorpusSpeaker[] {
    const { quoted, docsOf } = this.quoteIndex();
    if (!scope.document && !scope.documents) return [...quoted];
    const test = this.scopeTest(scope);
    return quoted.filter((s) => (docsOf.get(s.id) ?? []).some((d) => test(d.id)));
  }

  /** Whether the speaker is quoted in a document within the scope. */
  private quotedInScope(id: string, test: (id: string) => boolean): boolean {
    return (this.quoteIndex().docsOf.get(id) ?? []).some((d) => test(d.id));
  }

  /** A speaker by name, alias, surname, prefix or a near spelling. */
  findSpeaker(text: string, scope: Scope = {}): Found<CorpusSpeaker> {
    const key = canonicalId(text);
    if (!key) return { ok: false, message: 'Give a speaker’s name, for example `Stubb`.', suggestions: [], mistake: true };
    // "Mayor Ann Lee", "the FSB": titles and articles are not part of the name.
    const bare = parseMention(text);
    for (const k of [key, bare ? canonicalId(bare.name) : '']) {
      const direct = k ? this.aliasToId.get(k) : undefined;
      if (direct && this.quotedInScope(direct, this.scopeTest(scope))) return { ok: true, value: this.speakersById.get(direct) as CorpusSpeaker };
    }
    // Partial or misspelt names are not guessed: the reply asks, with the likely speakers (close names only).
    const inScope = new Set(this.speakers(scope).map((s) => s.id));
    const asked = text.slice(0, 80);
    // "NATO" may name nobody quoted, yet be in the roles of some who are: say who, rather than guess a name.
    const inRole = (role: string) => ` ${canonicalId(role)} `.includes(` ${key} `);
    const byRole = [...inScope].map((id) => this.speakersById.get(id) as CorpusSpeaker).filter((s) => s.roles.some(inRole));
    if (byRole.length) {
      const test = this.scopeTest(scope);
      const who = byRole.slice(0, 3).map((s) => {
        const count = (this.quoteIndex().bySpeaker.get(s.id) ?? []).filter((x) => test(x.doc.id)).length;
        return `${s.name}, ${s.roles.find(inRole)}, has ${count} quote${count === 1 ? '' : 's'}`;
      });
      return { ok: false, message: `No quotes attributed to "${asked}"; ${who.join('; ')}.`, suggestions: [] };
    }
    const ranked = this.rankSpeakers(text, inScope).filter((s) => isClose(text, [s.name, ...s.aliases]));
    return { ok: false, message: `No quotes from "${asked}".`, suggestions: ranked.slice(0, 3).map((s) => s.name) };
  }

  private rankSpeakers(text: string, inScope: Set<string>): CorpusSpeaker[] {
    const key = canonicalId(text);
    const names = this.names();
    const prefixed = [...inScope]
      .map((id) => this.speakersById.get(id) as CorpusSpeaker)
      .filter((s) => (names.get(s.id)?.tails ?? []).some((t) => t.startsWith(key)));
    const fuzzy = this.nameIndex
      .search(text)
      .map((r) => this.speakersById.get(String(r.id)) as CorpusSpeaker)
      .filter((s) => inScope.has(s.id) && !prefixed.includes(s));
    return [...prefixed, ...fuzzy];
  }

  /** Up to 25 speaker names for autocomplete: prefix matches first, then aliases, then near spellings. */
  suggestSpeakers(prefix: string, scope: Scope = {}): CorpusSpeaker[] {
    const inScope = this.speakers(scope);
    const key = canonicalId(prefix);
    if (!key) return [...inScope].sort((a, b) => b.quoteCount - a.quoteCount).slice(0, MAX_CHOICES);
    const names = this.names();
    const score = (s: CorpusSpeaker): number => {
      const n = names.get(s.id);
      if (!n) return 0;
      if (n.name.startsWith(key)) return 4;
      if (n.nameWords.some((w) => w.startsWith(key))) return 3;
      if (n.aliases.some((a, i) => a.startsWith(key) || (n.aliasWords[i] ?? []).some((w) => w.startsWith(key)))) return 2;
      if (n.name.includes(key)) return 1;
      return 0;
    };
    const ranked = inScope.map((s) => ({ s, score: score(s) })).filter((x) => x.score > 0).sort((a, b) => b.score - a.score || b.s.quoteCount - a.s.quoteCount);
    const out = ranked.map((x) => x.s);
    if (out.length < MAX_CHOICES) {
      const ids = new Set(inScope.map((s) => s.id));
      for (const r of this.nameIndex.search(prefix)) {
        const s = this.speakersById.get(String(r.id));
        if (s && ids.has(s.id) && !out.includes(s)) out.push(s);
      }
    }
    return out.slice(0, MAX_CHOICES);
  }

  quotes(speakerText: string, options: Scope & { contains?: string; kind?: QuoteKind } = {}): Found<{ speaker: CorpusSpeaker; hits: QuoteHit[] }> {
    const docs = this.checkDocument(options);
    if (!docs.ok) return docs;
    const speaker = this.findSpeaker(speakerText, options);
    if (!speaker.ok) return speaker;
    const contains = options.contains?.trim().toLowerCase();
    const hits: QuoteHit[] = [];
    const docSet = this.docFilter(options, docs.value);
    for (const { doc: d, quote: q } of this.quoteIndex().bySpeaker.get(speaker.value.id) ?? []) {
      if (docSet && !docSet.has(d)) continue;
      if (options.kind && q.kind !== options.kind) continue;
      if (contains && !q.text.toLowerCase().includes(contains)) continue;
      hits.push({ speaker: speaker.value, quote: q, document: this.refOf(d) });
    }
    if (!hits.length) {
      const what = [options.kind ? `${options.kind} quotes` : 'quotes', contains ? `containing "${options.contains?.slice(0, 80)}"` : ''].filter(Boolean).join(' ');
      return { ok: false, message: `${speaker.value.name} has no ${what}${options.document ? ` in "${options.document.slice(0, 80)}"` : ''}.`, suggestions: [] };
    }
    // Direct words first, then reported speech, then the long quoted passages.
    const order: Record<QuoteKind, number> = { direct: 0, indirect: 1, block: 2 };
    const rank = this.docs().rank;
    hits.sort((a, b) => order[a.quote.kind] - order[b.quote.kind] || (rank.get(a.document.id) ?? 0) - (rank.get(b.document.id) ?? 0) || a.quote.line - b.quote.line);
    return { ok: true, value: { speaker: speaker.value, hits } };
  }

  /**
   * Events on a date (or in a range): the first `limit` and how many in all; when nothing matches a single
   * date, the nearest events around it.
   */
  events(dateText: string, options: Scope & { order?: NumericOrder; limit?: number } = {}): Found<{ query: DateQuery; hits: EventHit[]; total: number; nearest: EventHit[] }> {
    const docs = this.checkDocument(options);
    if (!docs.ok) return docs;
    const parsed = parseDateQuery(dateText, options.order);
    if (!parsed.ok) return { ok: false, message: parsed.message, suggestions: [], mistake: true };
    // One pass over the events (kept in answer order with their parsed dates), no re-parsing, no sorting.
    const query = parsed.query;
    // A day or a month has events "around it" besides its own; any date, range or year has nearest events.
    const target = query.kind === 'point' && query.date.month !== undefined ? query.date : null;
    const [first, last] = query.kind === 'point' ? [query.date, query.date] : [query.from, query.to];
    // Events dated only by a year are not near a day or a month (every day of 2025 is "in 2025").
    const finerThanYear = first.month !== undefined || last.month !== undefined;
    // The asked period in a given year (the event's own year when the date has none).
    const askedIn = new Map<number, [number, number]>();
    const asked = (year: number): [number, number] => {
      let period = askedIn.get(year);
      if (!period) {
        period = [startOf({ ...first, year: first.year ?? year }), endOf({ ...last, year: last.year ?? year })];
        askedIn.set(year, period);
      }
      return period;
    };
    const table = this.eventIndex();
    const { entries, year, granularity, start, end, order } = table;
    const mask = this.scopeMask(options, docs.value, table);
    const hits: EventHit[] = [];
    // Neighbours: what happened just around the date ("the day before"), or the nearest events when nothing
    // matches: the three closest (ties to the earlier in document order), kept as they are met.
    const matches = matcher(query);
    const within = new Nearest(3);
    const anywhere = new Nearest(3);
    const limit = options.limit ?? Infinity;
    let total = 0;
    for (let i = 0; i < entries.length; i++) {
      if (mask && !mask[table.doc[i] as number]) continue;
      if (matches(table, i)) {
        const e = entries[i] as EventEntry;
        if (total++ < limit) hits.push({ event: e.event, document: this.refOf(e.doc) });
        continue;
      }
      if (finerThanYear && granularity[i] === GRANULARITY.year) continue;
      const [askedStart, askedEnd] = asked(year[i] as number);
      const d = Math.max(0, askedStart - (end[i] as number), (start[i] as number) - askedEnd) / DAY;
      if (!(Number.isFinite(d) && d > 0 && d <= NEAREST_MAX_DAYS)) continue;
      anywhere.offer(i, d, order[i] as number);
      if (target && d <= NEIGHBOUR_DAYS) within.offer(i, d, order[i] as number);
    }
    const ranked = (total ? within : anywhere).items().map((i) => entries[i] as EventEntry);
    const nearest = ranked.sort(byEntry).map((e) => ({ event: e.event, document: this.refOf(e.doc) }));
    return { ok: true, value: { query, hits, total, nearest } };
  }

  /** Events in date order, optionally between two dates: the first `limit`, and how many there are in all. */
  timeline(options: Scope & { from?: string; to?: string; order?: NumericOrder; limit?: number } = {}): Found<{ hits: EventHit[]; total: number }> {
    const docs = this.checkDocument(options);
    if (!docs.ok) return docs;
    let from = -Infinity;
    let to = Infinity;
    for (const [which, text] of [['from', options.from], ['to', options.to]] as const) {
      if (!text?.trim()) continue;
      const parsed = parseDateQuery(text, options.order);
      if (!parsed.ok || parsed.query.kind !== 'point' || parsed.query.date.year === undefined) {
        return { ok: false, message: `\`${which}\` must be a date with a year, for example \`2025-08-01\` or \`August 2025\` (not "${text.slice(0, 40)}").`, suggestions: [], mistake: true };
      }
      if (which === 'from') from = startOf(parsed.query.date);
      else to = endOf(parsed.query.date);
    }
    if (from > to) return { ok: false, message: '`from` is after `to`: swap them.', suggestions: [], mistake: true };
    const hits: EventHit[] = [];
    const limit = options.limit ?? Infinity;
    let total = 0;
    const table = this.eventIndex();
    const { entries, start, end } = table;
    const mask = this.scopeMask(options, docs.value, table);
    for (let i = 0; i < entries.length; i++) {
      if ((start[i] as number) < from || (end[i] as number) > to) continue;
      if (mask && !mask[table.doc[i] as number]) continue;
      const e = entries[i] as EventEntry;
      if (total++ < limit) hits.push({ event: e.event, document: this.refOf(e.doc) });
    }
    return { ok: true, value: { hits, total } };
  }

  sections(scope: Scope = {}): SectionHit[] {
    return this.indexedSections(scope).map((x) => x.hit);
  }

  private indexedSections(scope: Scope): IndexedSection[] {
    const { all, byDoc } = this.sectionIndex();
    if (!scope.document && !scope.documents) return all;
    // A reading list's sections are kept with it: autocomplete asks on every keystroke.
    return this.perScope(scope, 'sections', () => this.documents(scope).flatMap((d) => byDoc.get(d.id) ?? []));
  }

  /** A section by label, keyword, or the words it contains. */
  section(text: string, scope: Scope = {}): Found<SectionHit> {
    const docs = this.checkDocument(scope);
    if (!docs.ok) return docs;
    const q = text.trim().toLowerCase();
    if (!q) return { ok: false, message: 'Give a section label or a few words from it, for example `finlandization`.', suggestions: [], mistake: true };
    const indexed = this.indexedSections(scope);
    const test = this.scopeTest(scope);
    const { byDoc } = this.sectionIndex();
    // "doc#3" style references from autocomplete pick one section exactly.
    const exactRef = /^(.+)#(\d+)$/.exec(text.trim());
    if (exactRef && test(exactRef[1] ?? '')) {
      const hit = byDoc.get(exactRef[1] ?? '')?.find((x) => x.hit.index === Number(exactRef[2]))?.hit;
      if (hit) return { ok: true, value: hit };
    }
    const found = this.sectionNames(indexed).find(q)?.hit;
    if (found) return { ok: true, value: found };
    return this.sectionByContent(text, indexed, test);
  }

  /**
   * Free text: the section holding the most of the words (a section, not one sentence: "drone factory fire");
   * for a miss, the sections holding some of them, then those whose labels and keywords are most like it.
   */
  private sectionByContent(text: string, indexed: IndexedSection[], test: (id: string) => boolean): Found<SectionHit> {
    const { byDoc } = this.sectionIndex();
    const { words, matches } = sectionsByContent(
      text,
      this.sentenceSearch(),
      (id) => {
        const entries = byDoc.get(id);
        const doc = this.docById.get(id);
        return entries && doc ? { entries, lineOf: (k) => doc.sentences[k]?.line } : undefined;
      },
      test,
    );
    const best = matches[0];
    if (best && coversEnough(best.covered, words)) return { ok: true, value: best.entry.hit };
    // Only labels close to what was typed are offered by likeness ("Did you mean" is noise otherwise).
    const similar = this.similarSections(indexed).find(text, MAX_SUGGESTIONS).filter((x) => isClose(text, [x.hit.section.label, ...x.hit.section.keywords]));
    const suggestions = [...new Set([...matches.map((m) => m.entry), ...similar].map((x) => x.hit.section.label))].slice(0, MAX_SUGGESTIONS);
    return { ok: false, message: `No section matches "${text.slice(0, 80)}".`, suggestions };
  }

  /** Label and keyword similarity for one list of sections, kept while the list is. */
  private similarSections(indexed: IndexedSection[]): SimilarSections<IndexedSection> {
    let similar = this.similarCache.get(indexed);
    if (!similar) {
      similar = new SimilarSections(indexed);
      this.similarCache.set(indexed, similar);
    }
    return similar;
  }

  /** Section lookups by label and keyword for one list of sections, kept while the list is. */
  private sectionNames(indexed: IndexedSection[]): SectionNames {
    let names = this.sectionNameCache.get(indexed);
    if (!names) {
      names = new SectionNames(indexed);
      this.sectionNameCache.set(indexed, names);
    }
    return names;
  }

  suggestSections(prefix: string, scope: Scope = {}): SectionHit[] {
    const q = prefix.trim().toLowerCase();
    const all = this.indexedSections(scope);
    if (!q) return all.slice(0, MAX_CHOICES).map((x) => x.hit);
    // Best score first, in document order within a score; stop at 25.
    const score = (x: IndexedSection) => (x.label.startsWith(q) ? 3 : x.keywords.some((k) => k.startsWith(q)) ? 2 : x.hit.section.label.includes(q) ? 1 : 0);
    const buckets: SectionHit[][] = [[], [], []];
    for (const x of all) {
      const s = score(x);
      if (s === 3) {
        buckets[0]?.push(x.hit);
        if (buckets[0]?.length === MAX_CHOICES) break;
      } else if (s > 0) buckets[3 - s]?.push(x.hit);
    }
    return buckets.flat().slice(0, MAX_CHOICES);
  }

  /** The best sentences holding every word of the text (or a completion or near spelling of it), best first. */
  searchSentences(text: string, scope: Scope = {}, limit = 10): SentenceHit[] {
    const out: SentenceHit[] = [];
    for (const m of this.sentenceSearch().search(text, { limit, allowed: this.scopeTest(scope) })) {
      const doc = this.docById.get(m.documentId);
      const sentence = doc?.sentences[m.sentence];
      if (doc && sentence) out.push({ sentence, document: this.refOf(doc), terms: m.terms, score: m.score });
    }
    return out;
  }

  /** Text to show for a set of sentence indexes of a document. */
  sentenceTexts(documentId: string, ids: number[]): Sentence[] {
    const doc = this.docById.get(documentId);
    return ids.map((i) => doc?.sentences[i]).filter((s): s is Sentence => !!s);
  }
}

/** Whether event `i` of the table falls on (or within) the asked date: the query's bounds computed once. */
function matcher(query: DateQuery): (t: EventTable, i: number) => boolean {
  if (query.kind === 'point') {
    const q = query.date;
    return (t, i) => {
      if (q.year !== undefined && t.year[i] !== q.year) return false;
      if (q.month === undefined) return true;
      // Year-granular events have no month (never an asked month).
      if (t.granularity[i] === GRANULARITY.year || t.month[i] !== q.month) return false;
      if (q.day === undefined) return true;
      return t.granularity[i] === GRANULARITY.day && t.day[i] === q.day;
    };
  }
  const yearless = query.from.year === undefined;
  const from = startOf(yearless ? { ...query.from, year: 2000 } : query.from);
  const to = endOf(yearless ? { ...query.to, year: 2000 } : query.to);
  if (!yearless) return (t, i) => (t.start[i] as number) >= from && (t.end[i] as number) <= to;
  // A range without a year compares every event's period as if it were in 2000 (few distinct periods: cached).
  const in2000 = new Map<number, boolean>();
  return (t, i) => {
    const key = (t.granularity[i] as number) * 10_000 + (t.month[i] as number) * 100 + (t.day[i] as number);
    let ok = in2000.get(key);
    if (ok === undefined) {
      const [s, e] = periodOf((t.entries[i] as EventEntry).p, 2000);
      ok = s >= from && e <= to;
      in2000.set(key, ok);
    }
    return ok;
  };
}

/**
 * The first section (in list order) whose label is the text, else whose keyword is, else whose label starts
 * with it: what three scans of every section answered, from two maps and a sorted list.
 */
class SectionNames {
  private readonly byLabel = new Map<string, IndexedSection>();
  private readonly byKeyword = new Map<string, IndexedSection>();
  /** Labels in code-unit order, each with the list position of its first section. */
  private readonly labels: Array<{ label: string; at: number }> = [];

  constructor(private readonly list: IndexedSection[]) {
    list.forEach((x, at) => {
      if (!this.byLabel.has(x.label)) {
        this.byLabel.set(x.label, x);
        this.labels.push({ label: x.label, at });
      }
      for (const k of x.keywords) if (!this.byKeyword.has(k)) this.byKeyword.set(k, x);
    });
    this.labels.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  }

  find(q: string): IndexedSection | undefined {
    const exact = this.byLabel.get(q) ?? this.byKeyword.get(q);
    if (exact) return exact;
    let lo = 0;
    let hi = this.labels.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.labels[mid] as { label: string }).label < q) lo = mid + 1;
      else hi = mid;
    }
    let first = Infinity;
    for (let i = lo; i < this.labels.length && (this.labels[i] as { label: string }).label.startsWith(q); i++) first = Math.min(first, (this.labels[i] as { at: number }).at);
    return Number.isFinite(first) ? this.list[first] : undefined;
  }
}

/** The k smallest offers by (distance, document order), without sorting everything. */
class Nearest {
  private readonly picked: Array<{ i: number; d: number; order: number }> = [];
  constructor(private readonly k: number) {}
  offer(i: number, d: number, order: number): void {
    const p = this.picked;
    if (p.length === this.k) {
      const last = p[p.length - 1] as { d: number; order: number };
      if (d > last.d || (d === last.d && order > last.order)) return;
    }
    let at = p.length;
    while (at > 0) {
      const prev = p[at - 1] as { d: number; order: number };
      if (prev.d < d || (prev.d === d && prev.order < order)) break;
      at--;
    }
    p.splice(at, 0, { i, d, order });
    if (p.length > this.k) p.pop();
  }
  items(): number[] {
    return this.picked.map((x) => x.i);
  }
}

/** Answer order: date, then document, then line (the order the event index is kept in). */
function byEntry(a: EventEntry, b: EventEntry): number {
  return (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : 0) || a.docRank - b.docRank || a.event.line - b.event.line;
}

interface DocLookup {
  /** Lower-cased id, file and title of each document. */
  keys: Map<DocumentAnalysis, string[]>;
  /** Documents by lower-cased id, file name or title, in index order. */
  exact: Map<string, DocumentAnalysis[]>;
  refs: Map<DocumentAnalysis, DocumentRef>;
  /** Document id → its place in localeCompare order. */
  rank: Map<string, number>;
}
interface QuoteLookup {
  bySpeaker: Map<string, Array<{ doc: DocumentAnalysis; quote: Quote }>>;
  /** The documents each speaker is quoted in, in index order. */
  docsOf: Map<string, DocumentAnalysis[]>;
  /** Speakers with at least one quote, in the index's order. */
  quoted: CorpusSpeaker[];
}
interface EventEntry {
  event: DatedEvent;
  doc: DocumentAnalysis;
  docRank: number;
  p: PartialDate;
  start: number;
  end: number;
  /** Position in document order (documents, then their events). */
  order: number;
}
const GRANULARITY = { year: 0, month: 1, day: 2 } as const;

interface EventTable {
  entries: EventEntry[];
  granularity: Int8Array;
  year: Int32Array;
  month: Int8Array;
  day: Int8Array;
  start: Float64Array;
  end: Float64Array;
  order: Int32Array;
  /** Each event's document, as its position in the index's documents. */
  doc: Int32Array;
  ordinal: Map<DocumentAnalysis, number>;
}
/** What one reading list narrows the corpus to, each part worked out on first use. */
interface ScopeView {
  documents?: DocumentAnalysis[];
  documentSet?: ReadonlySet<DocumentAnalysis>;
  /** One flag per document, in the event table's document order. */
  mask?: Uint8Array;
  sections?: IndexedSection[];
}
interface IndexedSection {
  hit: SectionHit;
  label: string;
  keywords: string[];
}
interface SectionLookup {
  all: IndexedSection[];
  byDoc: Map<string, IndexedSection[]>;
}
interface SpeakerNames {
  name: string;
  nameWords: string[];
  aliases: string[];
  aliasWords: string[][];
  /** Every word-boundary tail of every canonical name ("alexander stubb", "stubb"). */
  tails: string[];
}

export { DATE_EXAMPLES, toUtc };
