import type { SentenceIndex } from '../search/sentence-index.ts';
import type { DocumentAnalysis, Section } from '../types.ts';
import { isClose } from './close-names.ts';
import type { DocumentLookup, DocumentRef } from './document-lookup.ts';
import { fail, MAX_SUGGESTIONS, type Found } from './found.ts';
import { ScopeKey, type ReadingScopes, type Scope } from './reading-scopes.ts';
import { SectionNames } from './section-names.ts';
import { coversEnough, SimilarSections, sectionsByContent } from './section-search.ts';

export interface SectionHit {
  section: Section;
  document: DocumentRef;
  /** Index of the section in its document. */
  index: number;
}

interface IndexedSection {
  hit: SectionHit;
  label: string;
  keywords: string[];
}

const SECTIONS = new ScopeKey<IndexedSection[]>('sections');

/** Sections: listed, found by label, keyword or content, and offered as a label is typed. */
export class Sections {
  private readonly all: IndexedSection[] = [];
  private readonly byDoc = new Map<string, IndexedSection[]>();
  // Lookups for one list of sections (the corpus's, or a reading list's), kept while the list is.
  private readonly names = new WeakMap<IndexedSection[], SectionNames<IndexedSection>>();
  private readonly similar = new WeakMap<IndexedSection[], SimilarSections<IndexedSection>>();

  constructor(
    docs: readonly DocumentAnalysis[],
    lookup: DocumentLookup,
    private readonly scopes: ReadingScopes,
    private readonly byId: (id: string) => DocumentAnalysis | undefined,
  ) {
    for (const d of docs) {
      const document = lookup.ref(d);
      const list = d.sections.map((section, index) => ({ hit: { section, document, index }, label: section.label.toLowerCase(), keywords: section.keywords.map((k) => k.toLowerCase()) }));
      this.all.push(...list);
      this.byDoc.set(d.id, list);
    }
  }

  list(scope: Scope): SectionHit[] {
    return this.indexed(scope).map((x) => x.hit);
  }

  /** A section by label, keyword, or the words it contains (`search` reads the words). */
  find(text: string, scope: Scope, search: () => SentenceIndex): Found<SectionHit> {
    const docs = this.scopes.check(scope);
    if (!docs.ok) return docs;
    const q = text.trim().toLowerCase();
    if (!q) return fail({ kind: 'no-section-given' });
    const indexed = this.indexed(scope);
    const test = this.scopes.test(scope);
    // "doc#3" style references from autocomplete pick one section exactly.
    const exactRef = /^(.+)#(\d+)$/.exec(text.trim());
    if (exactRef && test(exactRef[1] ?? '')) {
      const hit = this.byDoc.get(exactRef[1] ?? '')?.find((x) => x.hit.index === Number(exactRef[2]))?.hit;
      if (hit) return { ok: true, value: hit };
    }
    const found = cached(this.names, indexed, () => new SectionNames(indexed)).find(q)?.hit;
    if (found) return { ok: true, value: found };
    return this.byContent(text, indexed, test, search());
  }

  /** Up to `limit` sections for a typed prefix: labels starting with it, then keywords, then labels holding it. */
  suggest(prefix: string, scope: Scope, limit: number): SectionHit[] {
    const q = prefix.trim().toLowerCase();
    const all = this.indexed(scope);
    if (!q) return all.slice(0, limit).map((x) => x.hit);
    // Best score first, in document order within a score; stop once the best alone fill the list.
    const score = (x: IndexedSection) => (x.label.startsWith(q) ? 3 : x.keywords.some((k) => k.startsWith(q)) ? 2 : x.hit.section.label.includes(q) ? 1 : 0);
    const buckets: SectionHit[][] = [[], [], []];
    for (const x of all) {
      const s = score(x);
      if (s === 3) {
        buckets[0]?.push(x.hit);
        if (buckets[0]?.length === limit) break;
      } else if (s > 0) buckets[3 - s]?.push(x.hit);
    }
    return buckets.flat().slice(0, limit);
  }

  private indexed(scope: Scope): IndexedSection[] {
    if (!scope.document && !scope.documents) return this.all;
    // A reading list's sections are kept with it: autocomplete asks on every keystroke.
    return this.scopes.perScope(scope, SECTIONS, () => this.scopes.documents(scope).flatMap((d) => this.byDoc.get(d.id) ?? []));
  }

  /**
   * Free text: the section holding the most of the words (a section, not one sentence: "drone factory fire");
   * for a miss, the sections holding some of them, then those whose labels and keywords are most like it.
   */
  private byContent(text: string, indexed: IndexedSection[], test: (id: string) => boolean, search: SentenceIndex): Found<SectionHit> {
    const { words, matches } = sectionsByContent(
      text,
      search,
      (id) => {
        const entries = this.byDoc.get(id);
        const doc = this.byId(id);
        return entries && doc ? { entries, lineOf: (k) => doc.sentences[k]?.line } : undefined;
      },
      test,
    );
    const best = matches[0];
    if (best && coversEnough(best.covered, words)) return { ok: true, value: best.entry.hit };
    // Only labels close to what was typed are offered by likeness ("Did you mean" is noise otherwise).
    const similar = cached(this.similar, indexed, () => new SimilarSections(indexed))
      .find(text, MAX_SUGGESTIONS)
      .filter((x) => isClose(text, [x.hit.section.label, ...x.hit.section.keywords]));
    const suggestions = [...new Set([...matches.map((m) => m.entry), ...similar].map((x) => x.hit.section.label))].slice(0, MAX_SUGGESTIONS);
    return fail({ kind: 'unknown-section', asked: text, suggestions });
  }
}

function cached<K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}
