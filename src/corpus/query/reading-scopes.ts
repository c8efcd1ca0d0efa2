import type { DocumentAnalysis } from '../types.ts';
import { isClose } from './close-names.ts';
import type { DocumentLookup } from './document-lookup.ts';
import { fail, MAX_SUGGESTIONS, type Found } from './found.ts';

export interface Scope {
  /** Only these document ids (a server's reading list); all when absent. */
  documents?: ReadonlySet<string>;
  /** One document named by the user (id, file name or title, or a prefix of one). */
  document?: string;
}

/** A kind of thing worked out per reading list (its documents, its sections, …), of type T. */
export class ScopeKey<T> {
  declare private readonly kind: T;
  constructor(readonly name: string) {}
}

const DOCUMENTS = new ScopeKey<DocumentAnalysis[]>('documents');
const DOCUMENT_SET = new ScopeKey<ReadonlySet<DocumentAnalysis>>('document set');

/**
 * What a scope narrows the corpus to. What each reading list narrows it to is kept with the list (callers
 * reuse one set per server while it holds): building a set of tens of thousands of documents per question
 * costs more than the answer.
 */
export class ReadingScopes {
  private readonly views = new WeakMap<ReadonlySet<string>, Map<ScopeKey<unknown>, unknown>>();

  constructor(
    private readonly docs: readonly DocumentAnalysis[],
    private readonly lookup: () => DocumentLookup,
  ) {}

  documents(scope: Scope): DocumentAnalysis[] {
    const set = scope.documents;
    const inScope = (d: DocumentAnalysis) => !set || set.has(d.id);
    if (scope.document) return this.lookup().named(scope.document, inScope);
    if (!set) return [...this.docs];
    return [...this.perScope(scope, DOCUMENTS, () => this.docs.filter(inScope))];
  }

  /** Resolves a document option, or says that it matches nothing (with the titles most like it). */
  check(scope: Scope): Found<DocumentAnalysis[]> {
    const docs = this.documents(scope);
    if (docs.length || !scope.document) return { ok: true, value: docs };
    const all = this.documents({ ...(scope.documents ? { documents: scope.documents } : {}) });
    const close = all.filter((d) => isClose(scope.document ?? '', [d.title, d.file]));
    return fail({ kind: 'unknown-document', asked: scope.document, suggestions: close.slice(0, MAX_SUGGESTIONS).map((d) => d.title) });
  }

  /** Whether a document id is within the scope, without building the scope's document list when it can be avoided. */
  test(scope: Scope): (id: string) => boolean {
    if (scope.document) {
      const ids = new Set(this.documents(scope).map((d) => d.id));
      return (id) => ids.has(id);
    }
    const set = scope.documents;
    return set ? (id) => set.has(id) : () => true;
  }

  /** Which documents an answer may come from (`docs`, the scope's): null for all. */
  documentSet(scope: Scope, docs: DocumentAnalysis[]): ReadonlySet<DocumentAnalysis> | null {
    if (!scope.document && !scope.documents) return null;
    return this.perScope(scope, DOCUMENT_SET, () => new Set(docs));
  }

  /**
   * `make()` for a reading-list scope, kept with the list until documents come or go; for a named document
   * (a few, and seldom asked twice) made afresh.
   */
  perScope<T>(scope: Scope, key: ScopeKey<T>, make: () => T): T {
    if (scope.document || !scope.documents) return make();
    let view = this.views.get(scope.documents);
    if (!view) {
      view = new Map();
      this.views.set(scope.documents, view);
    }
    if (!view.has(key)) view.set(key, make());
    return view.get(key) as T;
  }
}
