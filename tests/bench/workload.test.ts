import { describe, expect, it } from 'vitest';
import { workload } from '../../bench/workload.ts';
import { buildIndex } from '../../src/corpus/index/build-index.ts';
import { loadDocuments } from '../../src/corpus/load/load-file.ts';

describe('the benchmark workload', () => {
  it('asks about the speakers, dates and words of the corpus it is given (the bundled article)', async () => {
    const index = buildIndex(await loadDocuments(['data/corpus'], () => undefined), 'workload-test');
    const w = workload(index, 7, 200);
    const quoted = index.speakers.filter((s) => s.quoteCount > 0);
    const names = new Set(quoted.flatMap((s) => [s.name, ...s.aliases]));
    const surnames = quoted.map((s) => s.name.split(' ').pop() ?? s.name);
    // A misspelt surname is the surname with one letter left out.
    const misspelt = (x: string) => surnames.some((s) => s === x || (x.length === s.length - 1 && [...s].some((_, i) => s.slice(0, i) + s.slice(i + 1) === x)));
    for (const q of w.quote) expect(names.has(String(q.speaker)) || misspelt(String(q.speaker)), String(q.speaker)).toBe(true);
    expect(w.quote.filter((q) => names.has(String(q.speaker))).length).toBeGreaterThan(120);

    // Every month asked of /timeline holds at least one of the corpus's events.
    const months = new Set(index.documents.flatMap((d) => d.events.map((e) => e.date.slice(0, 7))));
    for (const t of w.timeline) expect(months.has(String(t.from).slice(0, 7)), String(t.from)).toBe(true);
    // /event asks for the years the corpus has events in, whichever form the date is typed in.
    const years = new Set(index.documents.flatMap((d) => d.events.map((e) => e.date.slice(0, 4))));
    for (const e of w.event) {
      const year = /\b(\d{4})\b/.exec(String(e.date))?.[1];
      if (year) expect(years.has(year), String(e.date)).toBe(true);
    }

    // Searches are words of the corpus's sentences (some misspelt or unfinished).
    const text = index.documents.flatMap((d) => d.sentences.map((s) => s.text)).join(' ');
    const found = w.search.filter((s) => String(s.query).split(' ').every((word) => text.includes(word)));
    expect(found.length).toBeGreaterThan(100);
  });
});
