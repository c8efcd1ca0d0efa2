import { lowerBound } from '../text/lower-bound.ts';

/** What a name lookup needs of a section: its label and keywords, lower-cased. */
export interface NamedSection {
  label: string;
  keywords: string[];
}

/**
 * The first section (in list order) whose label is the text, else whose keyword is, else whose label starts
 * with it: what three scans of every section answered, from two maps and a sorted list.
 */
export class SectionNames<T extends NamedSection> {
  private readonly byLabel = new Map<string, T>();
  private readonly byKeyword = new Map<string, T>();
  /** Labels in code-unit order, each with the list position of its first section. */
  private readonly labels: Array<{ label: string; at: number }> = [];

  constructor(private readonly list: readonly T[]) {
    list.forEach((x, at) => {
      if (!this.byLabel.has(x.label)) {
        this.byLabel.set(x.label, x);
        this.labels.push({ label: x.label, at });
      }
      for (const k of x.keywords) if (!this.byKeyword.has(k)) this.byKeyword.set(k, x);
    });
    this.labels.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  }

  /** `q` lower-cased. */
  find(q: string): T | undefined {
    const exact = this.byLabel.get(q) ?? this.byKeyword.get(q);
    if (exact) return exact;
    const labels = this.labels;
    let first = Infinity;
    for (let i = lowerBound(labels.length, (k) => (labels[k] as { label: string }).label < q); i < labels.length && (labels[i] as { label: string }).label.startsWith(q); i++) {
      first = Math.min(first, (labels[i] as { at: number }).at);
    }
    return Number.isFinite(first) ? this.list[first] : undefined;
  }
}
