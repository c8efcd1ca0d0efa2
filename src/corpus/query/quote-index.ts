import type { CorpusSpeaker } from '../index/types.ts';
import type { DocumentAnalysis, Quote, QuoteKind } from '../types.ts';
import type { DocumentLookup, DocumentRef } from './document-lookup.ts';
import { fail, type Found } from './found.ts';

export interface QuoteHit {
  speaker: CorpusSpeaker;
  quote: Quote;
  document: DocumentRef;
}

export interface QuoteFilter {
  /** Only quotes containing this text (any case). */
  contains?: string;
  kind?: QuoteKind;
  /** The document option as asked, for the reason when nothing matches. */
  document?: string;
}

/** Direct words first, then reported speech, then the long quoted passages. */
const KIND_ORDER: Record<QuoteKind, number> = { direct: 0, indirect: 1, block: 2 };

/** Every quote by its speaker, and where each speaker is quoted. */
export class QuoteIndex {
  private readonly bySpeaker = new Map<string, Array<{ doc: DocumentAnalysis; quote: Quote }>>();
  /** The documents each speaker is quoted in, in index order. */
  private readonly docsOf = new Map<string, DocumentAnalysis[]>();
  /** Speakers with at least one quote, in the index's order. */
  private readonly quoted: CorpusSpeaker[];

  constructor(docs: readonly DocumentAnalysis[], speakers: readonly CorpusSpeaker[]) {
    for (const doc of docs) {
      for (const quote of doc.quotes) {
        const list = this.bySpeaker.get(quote.speakerId);
        if (list) list.push({ doc, quote });
        else this.bySpeaker.set(quote.speakerId, [{ doc, quote }]);
        const where = this.docsOf.get(quote.speakerId);
        if (!where) this.docsOf.set(quote.speakerId, [doc]);
        else if (where[where.length - 1] !== doc) where.push(doc);
      }
    }
    this.quoted = speakers.filter((s) => this.docsOf.has(s.id));
  }

  /** The speakers quoted in a document the test lets through (all quoted when there is no test). */
  speakers(test: ((id: string) => boolean) | null): CorpusSpeaker[] {
    if (!test) return [...this.quoted];
    return this.quoted.filter((s) => this.quotedIn(s.id, test));
  }

  quotedIn(speakerId: string, test: (id: string) => boolean): boolean {
    return (this.docsOf.get(speakerId) ?? []).some((d) => test(d.id));
  }

  /** How many quotes the speaker has in documents the test lets through. */
  count(speakerId: string, test: (id: string) => boolean): number {
    return (this.bySpeaker.get(speakerId) ?? []).filter((x) => test(x.doc.id)).length;
  }

  /** A speaker's quotes in the documents (all when null), in answer order; a reason when none pass the filter. */
  of(speaker: CorpusSpeaker, docs: ReadonlySet<DocumentAnalysis> | null, filter: QuoteFilter, lookup: DocumentLookup): Found<QuoteHit[]> {
    const contains = filter.contains?.trim().toLowerCase();
    const hits: QuoteHit[] = [];
    for (const { doc: d, quote: q } of this.bySpeaker.get(speaker.id) ?? []) {
      if (docs && !docs.has(d)) continue;
      if (filter.kind && q.kind !== filter.kind) continue;
      if (contains && !q.text.toLowerCase().includes(contains)) continue;
      hits.push({ speaker, quote: q, document: lookup.ref(d) });
    }
    if (!hits.length) {
      return fail({
        kind: 'no-quotes',
        speaker,
        ...(filter.kind ? { quoteKind: filter.kind } : {}),
        ...(contains ? { contains: filter.contains } : {}),
        ...(filter.document ? { document: filter.document } : {}),
      });
    }
    hits.sort((a, b) => KIND_ORDER[a.quote.kind] - KIND_ORDER[b.quote.kind] || lookup.rank(a.document.id) - lookup.rank(b.document.id) || a.quote.line - b.quote.line);
    return { ok: true, value: hits };
  }
}
