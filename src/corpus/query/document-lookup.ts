import type { DocumentAnalysis, LocationStart } from '../types.ts';

export interface DocumentRef {
  id: string;
  file: string;
  title: string;
  published: string | null;
  /** Pages or chapters of the source, for citations (shared with the analysis, not copied). */
  locations?: readonly LocationStart[];
}

export const documentRef = (d: DocumentAnalysis): DocumentRef => ({ id: d.id, file: d.file, title: d.title, published: d.published, ...(d.locations ? { locations: d.locations } : {}) });

/** Documents by the names people give them (id, file name, title), each one's citation, and answer order. */
export class DocumentLookup {
  /** Lower-cased id, file and title of each document. */
  private readonly keys = new Map<DocumentAnalysis, string[]>();
  /** Documents by lower-cased id, file name or title, in index order. */
  private readonly exact = new Map<string, DocumentAnalysis[]>();
  private readonly refs = new Map<DocumentAnalysis, DocumentRef>();
  /** Document id → its place in localeCompare order. */
  private readonly ranks = new Map<string, number>();

  constructor(private readonly docs: readonly DocumentAnalysis[]) {
    for (const d of docs) {
      const k = [d.id.toLowerCase(), d.file.toLowerCase(), d.title.toLowerCase()];
      this.keys.set(d, k);
      this.refs.set(d, documentRef(d));
      for (const key of new Set(k)) {
        const list = this.exact.get(key);
        if (list) list.push(d);
        else this.exact.set(key, [d]);
      }
    }
    // The order localeCompare gives document ids, as integers (equal ids, or ids that collate equal, share a rank).
    const sorted = [...docs].sort((a, b) => a.id.localeCompare(b.id));
    sorted.forEach((d, i) => {
      const prev = sorted[i - 1];
      this.ranks.set(d.id, prev && prev.id.localeCompare(d.id) === 0 ? (this.ranks.get(prev.id) ?? i) : i);
    });
  }

  /** The citation of a document (one object per document, shared by every answer). */
  ref(d: DocumentAnalysis): DocumentRef {
    return this.refs.get(d) ?? documentRef(d);
  }

  /** Where answers from this document go among answers from others. */
  rank(id: string): number {
    return this.ranks.get(id) ?? 0;
  }

  /** The documents a user's name for one means: its id, file name or title exactly, else those containing it. */
  named(text: string, allowed: (d: DocumentAnalysis) => boolean): DocumentAnalysis[] {
    const q = text.trim().toLowerCase();
    const exact = (this.exact.get(q) ?? []).filter(allowed);
    if (exact.length) return exact;
    return this.docs.filter((d) => allowed(d) && (this.keys.get(d) ?? []).some((x) => x.includes(q)));
  }
}
