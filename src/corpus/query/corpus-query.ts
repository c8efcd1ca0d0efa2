import MiniSearch from 'minisearch';
import { parseIsoDate, toUtc, type PartialDate } from '../events/calendar.ts';
import { mergeSpeakers } from '../index/merge-speakers.ts';
import { loadSearch, parseSentenceId, sentenceRefs, type SentenceSearch } from '../index/search-index.ts';
import type { CorpusIndex, CorpusSpeaker } from '../index/types.ts';
import { canonicalId } from '../speakers/registry.ts';
import type { DatedEvent, DocumentAnalysis, Quote, QuoteKind, Section, Sentence } from '../types.ts';
import { DATE_EXAMPLES, parseDateQuery, type AskedDate, type DateQuery, type NumericOrder } from './date-query.ts';

export interface DocumentRef {
  id: string;
  file: string;
  title: string;
  published: string | null;
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

export type Found<T> = { ok: true; value: T } | { ok: false; message: string; suggestions: string[] };

export interface Scope {
  /** Only these document ids (a server's reading list); all when absent. */
  documents?: ReadonlySet<string>;
  /** One document named by the user (id, file name or title, or a prefix of one). */
  document?: string;
}

const MAX_CHOICES = 25;
const DAY = 86_400_000;
/** Events this many days from an asked date are shown beside the exact matches. */
const NEIGHBOUR_DAYS = 3;

const ref = (d: DocumentAnalysis): DocumentRef => ({ id: d.id, file: d.file, title: d.title, published: d.published });

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
  private nameIndex = new MiniSearch<{ id: string; names: string }>({ fields: ['names'], idField: 'id' });
  private aliasToId = new Map<string, string>();
  private readonly docById = new Map<string, DocumentAnalysis>();
  private search: SentenceSearch | null = null;

  constructor(index: CorpusIndex) {
    this.index = index;
    for (const d of index.documents) this.docById.set(d.id, d);
    this.indexSpeakers();
  }

  private indexSpeakers(): void {
    this.speakersById = new Map(this.index.speakers.map((s) => [s.id, s]));
    this.aliasToId = new Map();
    for (const s of this.index.speakers) {
      for (const name of [s.name, ...s.aliases]) {
        const key = canonicalId(name);
        if (!this.aliasToId.has(key)) this.aliasToId.set(key, s.id);
      }
    }
    this.nameIndex = new MiniSearch({ fields: ['names'], idField: 'id', searchOptions: { prefix: true, fuzzy: 0.3 } });
    this.nameIndex.addAll(this.index.speakers.map((s) => ({ id: s.id, names: [s.name, ...s.aliases].join(' | ') })));
  }

  /** Adds analysed documents (a server's uploads) to the live index. */
  addDocuments(docs: DocumentAnalysis[]): void {
    for (const d of docs) {
      if (this.docById.has(d.id)) this.removeDocument(d.id);
      this.index.documents.push(d);
      this.docById.set(d.id, d);
      if (this.search) this.search.addAll(sentenceRefs(d));
    }
    this.index.speakers = mergeSpeakers(this.index.documents);
    this.indexSpeakers();
  }

  removeDocument(id: string): boolean {
    const doc = this.docById.get(id);
    if (!doc) return false;
    if (this.search) for (const r of sentenceRefs(doc)) this.search.discard(r.id);
    this.index.documents.splice(this.index.documents.indexOf(doc), 1);
    this.docById.delete(id);
    this.index.speakers = mergeSpeakers(this.index.documents);
    this.indexSpeakers();
    return true;
  }

  /** The sentence index is only needed by search: load it on first use so start-up stays fast. */
  private sentenceSearch(): SentenceSearch {
    if (!this.search) {
      this.search = loadSearch(this.index.search);
      // Documents added after the index was built are not in its serialised search yet.
      for (const d of this.index.documents) if (d.sentences.length && !this.search.has(`${d.id}#0`)) this.search.addAll(sentenceRefs(d));
    }
    return this.search;
  }

  documents(scope: Scope = {}): DocumentAnalysis[] {
    let docs = this.index.documents.filter((d) => !scope.documents || scope.documents.has(d.id));
    if (scope.document) {
      const q = scope.document.trim().toLowerCase();
      const exact = docs.filter((d) => [d.id, d.file, d.title].some((x) => x.toLowerCase() === q));
      docs = exact.length ? exact : docs.filter((d) => [d.id, d.file, d.title].some((x) => x.toLowerCase().includes(q)));
    }
    return docs;
  }

  /** Resolves a document option, or explains why it matches nothing. */
  checkDocument(scope: Scope): Found<DocumentAnalysis[]> {
    const docs = this.documents(scope);
    if (docs.length || !scope.document) return { ok: true, value: docs };
    const all = this.documents({ ...(scope.documents ? { documents: scope.documents } : {}) });
    return { ok: false, message: `No document matches "${scope.document}".`, suggestions: all.slice(0, 5).map((d) => d.title) };
  }

  speakers(scope: Scope = {}): CorpusSpeaker[] {
    const ids = new Set(this.documents(scope).flatMap((d) => d.quotes.map((q) => q.speakerId)));
    return this.index.speakers.filter((s) => ids.has(s.id));
  }

  /** A speaker by name, alias, surname, prefix or a near spelling. */
  findSpeaker(text: string, scope: Scope = {}): Found<CorpusSpeaker> {
    const inScope = new Set(this.speakers(scope).map((s) => s.id));
    const key = canonicalId(text);
    if (!key) return { ok: false, message: 'Give a speaker’s name, for example `Stubb`.', suggestions: [] };
    const direct = this.aliasToId.get(key);
    if (direct && inScope.has(direct)) return { ok: true, value: this.speakersById.get(direct) as CorpusSpeaker };
    // Partial or misspelt names are not guessed: the reply asks, with the likely speakers.
    const ranked = this.rankSpeakers(text, inScope);
    return {
      ok: false,
      message: `No quotes from "${text.slice(0, 80)}".`,
      suggestions: ranked.slice(0, 3).map((s) => s.name),
    };
  }

  private rankSpeakers(text: string, inScope: Set<string>): CorpusSpeaker[] {
    const key = canonicalId(text);
    const prefixed = [...inScope]
      .map((id) => this.speakersById.get(id) as CorpusSpeaker)
      .filter((s) => [s.name, ...s.aliases].some((n) => canonicalId(n).split(' ').some((w, i, ws) => ws.slice(i).join(' ').startsWith(key))));
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
    const score = (s: CorpusSpeaker): number => {
      const name = canonicalId(s.name);
      if (name.startsWith(key)) return 4;
      if (name.split(' ').some((w) => w.startsWith(key))) return 3;
      if (s.aliases.some((a) => canonicalId(a).startsWith(key) || canonicalId(a).split(' ').some((w) => w.startsWith(key)))) return 2;
      if (name.includes(key)) return 1;
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
    for (const d of docs.value) {
      for (const q of d.quotes) {
        if (q.speakerId !== speaker.value.id) continue;
        if (options.kind && q.kind !== options.kind) continue;
        if (contains && !q.text.toLowerCase().includes(contains)) continue;
        hits.push({ speaker: speaker.value, quote: q, document: ref(d) });
      }
    }
    if (!hits.length) {
      const what = [options.kind ? `${options.kind} quotes` : 'quotes', contains ? `containing "${options.contains}"` : ''].filter(Boolean).join(' ');
      return { ok: false, message: `${speaker.value.name} has no ${what}${options.document ? ` in "${options.document}"` : ''}.`, suggestions: [] };
    }
    // Direct words first, then reported speech, then the long quoted passages.
    const order: Record<QuoteKind, number> = { direct: 0, indirect: 1, block: 2 };
    hits.sort((a, b) => order[a.quote.kind] - order[b.quote.kind] || a.document.id.localeCompare(b.document.id) || a.quote.line - b.quote.line);
    return { ok: true, value: { speaker: speaker.value, hits } };
  }

  /** Events on a date (or in a range); when nothing matches a single date, the nearest events around it. */
  events(dateText: string, options: Scope & { order?: NumericOrder } = {}): Found<{ query: DateQuery; hits: EventHit[]; nearest: EventHit[] }> {
    const docs = this.checkDocument(options);
    if (!docs.ok) return docs;
    const parsed = parseDateQuery(dateText, options.order);
    if (!parsed.ok) return { ok: false, message: parsed.message, suggestions: [] };
    const all = docs.value.flatMap((d) => d.events.map((event) => ({ event, document: ref(d) })));
    const hits = all.filter((h) => matches(h.event, parsed.query)).sort(byDate);
    // Neighbours: what happened just around the date ("the day before"), or the nearest events when nothing matches.
    let nearest: EventHit[] = [];
    if (parsed.query.kind === 'point' && parsed.query.date.month !== undefined) {
      const target = parsed.query.date;
      const distance = (h: EventHit) => {
        const p = parseIsoDate(h.event.date);
        if (!p || p.granularity === 'year') return Infinity;
        const [start, end] = periodOf(p, target.year === undefined ? p.year : undefined);
        const asked = { ...target, year: target.year ?? p.year };
        return Math.max(0, startOf(asked) - end, start - endOf(asked)) / DAY;
      };
      const hitSet = new Set(hits);
      const ranked = all
        .filter((h) => !hitSet.has(h))
        .map((h) => ({ h, d: distance(h) }))
        .filter((x) => Number.isFinite(x.d) && x.d > 0)
        .sort((a, b) => a.d - b.d);
      nearest = (hits.length ? ranked.filter((x) => x.d <= NEIGHBOUR_DAYS).slice(0, 3) : ranked.slice(0, 3)).map((x) => x.h).sort(byDate);
    }
    return { ok: true, value: { query: parsed.query, hits, nearest } };
  }

  /** Events in date order, optionally between two dates. */
  timeline(options: Scope & { from?: string; to?: string; order?: NumericOrder } = {}): Found<EventHit[]> {
    const docs = this.checkDocument(options);
    if (!docs.ok) return docs;
    let from = -Infinity;
    let to = Infinity;
    for (const [which, text] of [['from', options.from], ['to', options.to]] as const) {
      if (!text?.trim()) continue;
      const parsed = parseDateQuery(text, options.order);
      if (!parsed.ok || parsed.query.kind !== 'point' || parsed.query.date.year === undefined) {
        return { ok: false, message: `\`${which}\` must be a date with a year, for example \`2025-08-01\` or \`August 2025\` (not "${text.slice(0, 40)}").`, suggestions: [] };
      }
      if (which === 'from') from = startOf(parsed.query.date);
      else to = endOf(parsed.query.date);
    }
    if (from > to) return { ok: false, message: '`from` is after `to`: swap them.', suggestions: [] };
    const hits = docs.value
      .flatMap((d) => d.events.map((event) => ({ event, document: ref(d) })))
      .filter((h) => {
        const p = parseIsoDate(h.event.date);
        if (!p) return false;
        const [s, e] = periodOf(p);
        return s >= from && e <= to;
      })
      .sort(byDate);
    return { ok: true, value: hits };
  }

  sections(scope: Scope = {}): SectionHit[] {
    return this.documents(scope).flatMap((d) => d.sections.map((section, index) => ({ section, document: ref(d), index })));
  }

  /** A section by label, keyword, or the words it contains. */
  section(text: string, scope: Scope = {}): Found<SectionHit> {
    const docs = this.checkDocument(scope);
    if (!docs.ok) return docs;
    const q = text.trim().toLowerCase();
    if (!q) return { ok: false, message: 'Give a section label or a few words from it, for example `finlandization`.', suggestions: [] };
    const all = this.sections(scope);
    // "doc#3" style references from autocomplete pick one section exactly.
    const exactRef = /^(.+)#(\d+)$/.exec(text.trim());
    if (exactRef) {
      const hit = all.find((h) => h.document.id === exactRef[1] && h.index === Number(exactRef[2]));
      if (hit) return { ok: true, value: hit };
    }
    const byLabel = all.find((h) => h.section.label.toLowerCase() === q);
    const byKeyword = all.find((h) => h.section.keywords.some((k) => k.toLowerCase() === q));
    const byPrefix = all.find((h) => h.section.label.toLowerCase().startsWith(q));
    const found = byLabel ?? byKeyword ?? byPrefix;
    if (found) return { ok: true, value: found };
    // Free text: the section holding most of the best-matching sentences.
    const hits = this.searchSentences(text, scope, 20);
    const votes = new Map<string, { hit: SectionHit; score: number }>();
    for (const h of hits) {
      const s = all.find((x) => x.document.id === h.document.id && h.sentence.line >= x.section.lines[0] && h.sentence.line <= x.section.lines[1]);
      if (!s) continue;
      const k = `${s.document.id}#${s.index}`;
      votes.set(k, { hit: s, score: (votes.get(k)?.score ?? 0) + h.score });
    }
    const best = [...votes.values()].sort((a, b) => b.score - a.score)[0];
    if (best) return { ok: true, value: best.hit };
    return { ok: false, message: `No section matches "${text.slice(0, 80)}".`, suggestions: all.slice(0, 5).map((h) => h.section.label) };
  }

  suggestSections(prefix: string, scope: Scope = {}): SectionHit[] {
    const q = prefix.trim().toLowerCase();
    const all = this.sections(scope);
    const score = (h: SectionHit) =>
      !q ? 1 : h.section.label.toLowerCase().startsWith(q) ? 3 : h.section.keywords.some((k) => k.toLowerCase().startsWith(q)) ? 2 : h.section.label.includes(q) ? 1 : 0;
    return all
      .map((h) => ({ h, s: score(h) }))
      .filter((x) => x.s > 0)
      .sort((a, b) => b.s - a.s)
      .slice(0, MAX_CHOICES)
      .map((x) => x.h);
  }

  searchSentences(text: string, scope: Scope = {}, limit = 10): SentenceHit[] {
    const allowed = new Set(this.documents(scope).map((d) => d.id));
    const out: SentenceHit[] = [];
    for (const r of this.sentenceSearch().search(text)) {
      const { documentId, sentence: s } = parseSentenceId(String(r.id));
      const doc = this.docById.get(documentId);
      const sentence = doc?.sentences[s];
      if (!doc || !sentence || !allowed.has(doc.id)) continue;
      out.push({ sentence, document: ref(doc), terms: r.terms, score: r.score });
      if (out.length >= limit) break;
    }
    return out;
  }

  /** Text to show for a set of sentence indexes of a document. */
  sentenceTexts(documentId: string, ids: number[]): Sentence[] {
    const doc = this.docById.get(documentId);
    return ids.map((i) => doc?.sentences[i]).filter((s): s is Sentence => !!s);
  }
}

function matches(event: DatedEvent, query: DateQuery): boolean {
  const p = parseIsoDate(event.date);
  if (!p) return false;
  if (query.kind === 'point') {
    const q = query.date;
    if (q.year !== undefined && p.year !== q.year) return false;
    if (q.month === undefined) return true;
    if (p.month !== q.month) return false;
    if (q.day === undefined) return true;
    return p.granularity === 'day' && p.day === q.day;
  }
  const yearless = query.from.year === undefined;
  const [s, e] = periodOf(p, yearless ? 2000 : undefined);
  const from = startOf(yearless ? { ...query.from, year: 2000 } : query.from);
  const to = endOf(yearless ? { ...query.to, year: 2000 } : query.to);
  return s >= from && e <= to;
}

function byDate(a: EventHit, b: EventHit): number {
  return a.event.date.localeCompare(b.event.date) || a.document.id.localeCompare(b.document.id) || a.event.line - b.event.line;
}

export { DATE_EXAMPLES, toUtc };
