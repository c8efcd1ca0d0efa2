import { describe, expect, it } from 'vitest';
import { CorpusQuery } from '../../../src/corpus/query/corpus-query.ts';
import { SectionNames } from '../../../src/corpus/query/section-names.ts';
import { smallIndex } from './small-corpus.ts';

const q = new CorpusQuery(smallIndex());
const labels = (hits: Array<{ section: { label: string } }>) => hits.map((h) => h.section.label);

describe('section names', () => {
  it('take the first section labelled so, else with the keyword, else whose label starts so', () => {
    const list = [
      { label: 'port', keywords: ['harbour'] },
      { label: 'harbour', keywords: ['strike'] },
      { label: 'harbour', keywords: [] },
      { label: 'strike pay', keywords: [] },
    ];
    const names = new SectionNames(list);
    expect(['harbour', 'strike', 'strike p', 'po', 'x'].map((t) => names.find(t))).toEqual([list[1], list[1], list[3], list[0], undefined]);
  });
});

describe('sections', () => {
  it('are found by label, keyword, an autocomplete reference, or words they contain', () => {
    for (const text of ['Paper Mill', 'riverton', 'mill.txt#0', 'fire decade']) expect(q.section(text), text).toMatchObject({ ok: true, value: { document: { id: 'mill.txt' } } });
    expect(q.section('mill.txt#0', { documents: new Set(['harbour.txt']) })).not.toMatchObject({ ok: true, value: { document: { id: 'mill.txt' } } });
  });

  it('say why none was found: nothing asked, or nothing like it (with the labels most like it)', () => {
    expect(q.section('   ')).toEqual({ ok: false, reason: { kind: 'no-section-given' } });
    // "harbor" is a near spelling of a word the harbour section holds: found by content, not suggested.
    expect(q.section('harbor')).toMatchObject({ ok: true, value: { section: { label: 'harbour' } } });
    // Each section holds one of the two words: both are offered, neither is the answer.
    expect(q.section('port mill')).toEqual({ ok: false, reason: { kind: 'unknown-section', asked: 'port mill', suggestions: ['paper mill', 'harbour'] } });
    expect(q.section('quantum physics')).toEqual({ ok: false, reason: { kind: 'unknown-section', asked: 'quantum physics', suggestions: [] } });
  });

  it('are suggested for a prefix, labels first, up to the asked number', () => {
    expect(labels(q.suggestSections('', {}, 25))).toEqual(['harbour', 'paper mill']);
    expect(labels(q.suggestSections('', {}, 1))).toEqual(['harbour']);
    expect(labels(q.suggestSections('mill', {}, 25))).toEqual(['paper mill']);
    expect(labels(q.suggestSections('pa', { documents: new Set(['harbour.txt']) }, 25))).toEqual(['harbour']);
    expect(labels(q.sections({ document: 'mill' }))).toEqual(['paper mill']);
  });
});
