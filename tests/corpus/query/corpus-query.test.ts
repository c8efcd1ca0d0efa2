import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CorpusQuery } from '../../../src/corpus/query/corpus-query.ts';
import { buildIndex } from '../../../src/corpus/index/build-index.ts';
import { loadDocuments } from '../../../src/corpus/load/load-file.ts';
import { analyse } from '../helpers.ts';
import { bundledIndex } from '../../support/bundled-index.ts';

let q: CorpusQuery;
beforeAll(async () => {
  q = new CorpusQuery(await bundledIndex());
});

describe('quotes by speaker', () => {
  it('finds Stubb by surname, alias and full name, with his direct quote and two reported claims', () => {
    for (const name of ['Stubb', 'Mr Stubb', 'Alexander Stubb', 'president alexander stubb of finland']) {
      const found = q.quotes(name);
      expect(found.ok, name).toBe(true);
      if (!found.ok) continue;
      expect(found.value.speaker.name).toBe('Alexander Stubb');
      const byLine = found.value.hits.map((h) => [h.quote.line, h.quote.kind]);
      expect(byLine).toEqual([
        [65, 'direct'],
        [57, 'indirect'],
        [59, 'indirect'],
      ]);
      expect(found.value.hits[0]?.quote.text).toMatch(/^it was the definition of realpolitik/);
    }
  });

  it('suggests the speaker for a partial or misspelt name instead of guessing', () => {
    for (const name of ['Stub', 'Stubbe', 'Getmanchk']) {
      const found = q.quotes(name);
      expect(found.ok).toBe(false);
      expect(!found.ok && found.reason.kind === 'unknown-speaker' && found.reason.suggestions.length, name).toBeGreaterThan(0);
    }
    const stub = q.quotes('Stub');
    expect(!stub.ok && stub.reason).toEqual({ kind: 'unknown-speaker', asked: 'Stub', suggestions: ['Alexander Stubb'] });
  });

  it('filters by kind and by words', () => {
    const direct = q.quotes('Getmanchuk', { kind: 'direct', contains: 'advantage' });
    expect(direct.ok && direct.value.hits.map((h) => h.quote.line)).toEqual([17, 36]);
    expect(q.quotes('NYT', { kind: 'direct' }).ok).toBe(false);
  });

  it('respects a reading list that leaves the document out', () => {
    expect(q.quotes('Stubb', { documents: new Set(['another.txt']) }).ok).toBe(false);
  });
});

describe('events by date', () => {
  it('gives the Bayraktar factory fire on Aug-29 and the strike the day before as its neighbour', () => {
    for (const text of ['Aug-29', 'August 29', '29 Aug', '2025-08-29', '8/29']) {
      const found = q.events(text);
      expect(found.ok, text).toBe(true);
      if (!found.ok) continue;
      expect(found.value.hits.map((h) => h.event.line)).toEqual([50, 51]);
      expect(found.value.nearest.map((h) => [h.event.date, h.event.line])).toEqual([['2025-08-28', 50]]);
    }
  });

  it('answers months, years and ranges', () => {
    const july = q.events('July 2025');
    expect(july.ok && july.value.hits.map((h) => h.event.line)).toEqual([43]);
    const year = q.events('1944');
    expect(year.ok && year.value.hits.map((h) => h.event.line)).toEqual([61]);
    const range = q.events('2025-09-01..2025-09-30');
    expect(range.ok && range.value.hits.map((h) => h.event.date)).toEqual(['2025-09-03', '2025-09-03', '2025-09-04']);
    // A limit keeps the first hits in answer order and still counts them all.
    const limited = q.events('2025-09-01..2025-09-30', { limit: 2 });
    expect(limited.ok && [limited.value.hits.map((h) => h.event.date), limited.value.total]).toEqual([['2025-09-03', '2025-09-03'], 3]);
  });

  it('offers the nearest events when nothing happened on the day', () => {
    const found = q.events('2025-08-20');
    expect(found.ok).toBe(true);
    if (found.ok) {
      expect(found.value.hits).toEqual([]);
      expect(found.value.nearest.length).toBeGreaterThan(0);
    }
  });

  it('explains an unreadable date instead of throwing', () => {
    const found = q.events('the day after tomorrow-ish');
    expect(found.ok).toBe(false);
    expect(!found.ok && found.reason).toEqual({ kind: 'unreadable-date', asked: 'the day after tomorrow-ish' });
  });

  it('builds a timeline between two dates in order', () => {
    const found = q.timeline({ from: '2025-08-01', to: '2025-08-31' });
    expect(found.ok).toBe(true);
    if (found.ok) {
      const dates = found.value.hits.map((h) => h.event.date);
      expect(found.value.total).toBe(dates.length);
      expect(dates).toEqual([...dates].sort());
      expect(dates).toContain('2025-08-28');
      expect(dates.every((d) => d.startsWith('2025-08'))).toBe(true);
    }
    expect(q.timeline({ from: '2025-09-01', to: '2025-08-01' }).ok).toBe(false);
  });
});

describe('sections and search', () => {
  it('picks the first section whose label is the text, else whose keyword is, else whose label starts with it', async () => {
    // Two documents, so labels and keywords repeat across them and the first in order must win.
    const two = new CorpusQuery(structuredClone(await bundledIndex()));
    const copy = structuredClone(q.documents()[0]);
    // The copy's labels share a prefix, and the first is neither first nor last in sorted order ("part 1" … "part 8", "part 0").
    if (copy) two.addDocuments([{ ...copy, id: 'copy.txt', file: 'copy.txt', sections: copy.sections.map((x, i, all) => ({ ...x, label: `part ${(i + 1) % all.length}` })) }]);
    const list = two.sections();
    const names = [...new Set(list.flatMap((h) => [h.section.label, ...h.section.keywords.map((k) => k.toLowerCase())]))];
    const asked = fc.oneof(fc.constantFrom(...names), fc.constantFrom(...names).chain((n) => fc.nat(n.length).map((k) => n.slice(0, Math.max(1, k)))));
    fc.assert(
      fc.property(asked, (text) => {
        const reference =
          list.find((h) => h.section.label.toLowerCase() === text) ??
          list.find((h) => h.section.keywords.some((k) => k.toLowerCase() === text)) ??
          list.find((h) => h.section.label.toLowerCase().startsWith(text));
        const found = two.section(text);
        if (reference) expect(found.ok && [found.value.document.id, found.value.index]).toEqual([reference.document.id, reference.index]);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the finlandization section by label, keyword and free text', () => {
    for (const text of ['finlandization', 'Finlandisation', 'steel porcupine', 'realpolitik']) {
      const found = q.section(text);
      expect(found.ok, text).toBe(true);
    }
    const found = q.section('finlandization');
    expect(found.ok && found.value.section.lines).toEqual([57, 68]);
  });

  it('finds a section by words spread over its sentences: the burning drone factory of the bundled article', () => {
    const found = q.section('drone factory fire');
    expect(found.ok && found.value.section.lines[0]).toBeLessThanOrEqual(50);
    expect(found.ok && found.value.section.lines[1]).toBeGreaterThanOrEqual(51);
  });

  it('finds sections by what they contain in a corpus written for it, and ranks suggestions for a miss by likeness', () => {
    const text = [
      'As the Harbour Gazette reported on Monday:',
      'Dock workers walked out of the harbour. The strike closed the container port.',
      'Ships now wait in the estuary for the pickets to leave.',
      'I doubt that this will last.',
      'The Farming Weekly adds:',
      'The wheat harvest failed in the drought. Farmers sold their grain early.',
      'Bakers say flour will cost more by the winter.',
      'That is the whole story, I think.',
      'And the Evening Post wrote:',
      'A fire destroyed the old paper mill by the river. Firefighters fought the blaze all night.',
      'The mill had stood empty for a decade.',
      'I expect more of this.',
    ].join('\n');
    const corpus = new CorpusQuery(buildIndex([], 'test'));
    corpus.addDocuments([{ ...analyse(text), id: 'three.txt', file: 'three.txt' }]);
    const lines = (t: string) => {
      const found = corpus.section(t);
      return found.ok ? found.value.section.lines : null;
    };
    // Each word in a different sentence of the section; completions count ("firefight").
    expect(lines('pickets container port')).toEqual([1, 4]);
    expect(lines('flour drought')).toEqual([5, 8]);
    expect(lines('river blaze firefight')).toEqual([9, 12]);
    // Two of three words is enough for a longer question, one of two is not.
    expect(lines('paper mill explosion')).toEqual([9, 12]);
    const miss = corpus.section('mill strike');
    expect(miss.ok).toBe(false);
    // The suggestions put the sections holding the words first, not the document's first sections.
    if (!miss.ok && miss.reason.kind === 'unknown-section') {
      const labelOf = (t: string) => {
        const found = corpus.section(t);
        return found.ok ? found.value.section.label : '';
      };
      expect(miss.reason.suggestions.slice(0, 2).sort()).toEqual([labelOf('river blaze'), labelOf('pickets container port')].sort());
    }
    // Words are read as /search reads them: a near spelling still finds its section.
    expect(lines('wheet harvst')).toEqual([5, 8]);
  });

  it('searches sentences with typos and prefixes', () => {
    expect(q.searchSentences('porcupin')[0]?.sentence.line).toBe(13);
    expect(q.searchSentences('Bayraktr drones')[0]?.sentence.line).toBeGreaterThanOrEqual(49);
  });

  it('searches documents added or replaced before and after the cached sentence index is loaded', async () => {
    // A fresh build: the shared index's cached sentence index was let go by the searches above.
    const built = buildIndex(await loadDocuments(['data/corpus'], () => undefined), 'test');
    const fresh = new CorpusQuery(built);
    expect(built.search).not.toBeNull();
    const original = fresh.documents()[0];
    const id = original?.id ?? '';
    // Before the first search: the cached index is stale for the replaced document (which has as many
    // sentences as before, so only knowing it changed tells them apart) and lacks the new one.
    const count = original?.sentences.length ?? 0;
    const replaced = analyse(Array.from({ length: count }, (_, k) => (k ? `Filler line ${k} is here.` : 'The herring quota was agreed in Bergen.')).join('\n\n'));
    expect(replaced.sentences).toHaveLength(count);
    fresh.addDocuments([{ ...replaced, id }, { ...analyse('Porcupine farmers met in Oslo.'), id: 'uploads/new' }]);
    expect(fresh.searchSentences('herring quota').map((h) => h.document.id)).toEqual([id]);
    expect(fresh.searchSentences('Bayraktar drones')).toEqual([]);
    expect(fresh.searchSentences('porcupine').map((h) => h.document.id)).toEqual(['uploads/new']);
    expect(built.search).toBeNull();
    // prepare() loads the cached sentence index ahead of the first search.
    const another = buildIndex(await loadDocuments(['data/corpus'], () => undefined), 'test');
    const prepared = new CorpusQuery(another);
    prepared.prepare();
    expect(another.search).toBeNull();
    expect(prepared.searchSentences('porcupine')).toHaveLength(1);
    // After it: changes go straight into the live index.
    fresh.removeDocument('uploads/new');
    expect(fresh.searchSentences('porcupine')).toEqual([]);
    fresh.addDocuments([{ ...analyse('A second porcupine text.'), id: 'uploads/other' }]);
    expect(fresh.searchSentences('porcupine').map((h) => h.document.id)).toEqual(['uploads/other']);
    // Removing more sentences than remain makes the index start afresh; answers stay the same.
    const long = analyse(Array.from({ length: 200 }, (_, k) => `Herring report number ${k + 1} is filed.`).join('\n\n'));
    fresh.addDocuments([{ ...long, id: 'uploads/long' }]);
    expect(fresh.searchSentences('herring report', {}, 500)).toHaveLength(200);
    fresh.removeDocument('uploads/long');
    expect(fresh.searchSentences('herring report')).toEqual([]);
    expect(fresh.searchSentences('porcupine').map((h) => h.document.id)).toEqual(['uploads/other']);
    expect(fresh.searchSentences('Bayraktr drones')).toEqual([]);
  });

  it('autocompletes speakers by prefix, alias and spelling, at most 25', () => {
    expect(q.suggestSpeakers('stu', {}, 25)[0]?.name).toBe('Alexander Stubb');
    expect(q.suggestSpeakers('FSB', {}, 25)[0]?.name).toBe('Federal Security Service');
    expect(q.suggestSpeakers('', {}, 25).length).toBeLessThanOrEqual(25);
  });
});
