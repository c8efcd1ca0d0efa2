import { describe, expect, it } from 'vitest';
import { labelSections } from '../../src/corpus/sections/label.ts';
import { rankSentences, SUMMARY_LENGTHS } from '../../src/corpus/sections/summarise.ts';
import { analyse } from './helpers.ts';

const md = [
  '---',
  'title: Two topics',
  '---',
  '# Two topics',
  '',
  '## Harbour strike',
  '',
  'Dock workers walked out on Monday. The harbour strike has closed the port.',
  'Ships wait in the estuary while the strike goes on. The union says the strike will last.',
  '',
  '## Wheat harvest',
  '',
  'The wheat harvest was poor this year. Farmers blame the drought for the wheat losses.',
  'Bread prices rose as wheat grew scarce.',
].join('\n');

describe('sections from headings', () => {
  const a = analyse(md, 'md');
  it('makes one section per heading, labelled by it, with its source lines', () => {
    expect(a.sections.map((s) => [s.label, s.lines])).toEqual([
      ['harbour strike', [8, 9]],
      ['wheat harvest', [13, 14]],
    ]);
  });

  it('gives each section keywords from its own words', () => {
    expect(a.sections[0]?.keywords.map((k) => k.toLowerCase())).toContain('strike');
    expect(a.sections[1]?.keywords.map((k) => k.toLowerCase())).toContain('wheat');
  });

  it('summarises each section with its own sentences, in source order', () => {
    for (const s of a.sections) {
      const lines = s.summaries.long.map((i) => a.sentences[i]?.line ?? 0);
      expect(lines).toEqual([...lines].sort((x, y) => x - y));
      for (const l of lines) expect(l >= s.lines[0] && l <= s.lines[1]).toBe(true);
      expect(s.summaries.short.length).toBeLessThanOrEqual(s.summaries.medium.length);
    }
  });
});

describe('sections without headings', () => {
  it('cuts a long run of paragraphs where the vocabulary changes', () => {
    const strike = ['Dock workers extended the harbour strike.', 'The harbour strike closed the port again.', 'Strike pickets blocked the harbour gates.', 'The union said the harbour strike would go on.'];
    const wheat = ['The wheat harvest failed in the drought.', 'Wheat farmers sold their harvest early.', 'The drought cut wheat yields by half.', 'Bread made from wheat now costs more.'];
    const a = analyse([...strike, ...wheat].join('\n\n'));
    expect(a.sections.length).toBeGreaterThanOrEqual(2);
    expect(a.sections.some((s) => s.label.includes('strike') || s.label.includes('harbour'))).toBe(true);
    expect(a.sections.some((s) => s.label.includes('wheat'))).toBe(true);
    const boundary = a.sections.find((s) => s.label.includes('wheat'))?.lines[0];
    expect(boundary).toBe(9);
  });

  it('keeps a quoted block with its introduction in one section', () => {
    const text = [
      'The drought keeps getting worse across the south.',
      'Rivers have dried up and wells are empty.',
      'As the Guardian reported on Monday:',
      'Dock workers walked out after talks on pay collapsed.',
      'The union wants a rise of twelve percent.',
      'I think both sides are bluffing here.',
    ].join('\n');
    const a = analyse(text);
    const withBlock = a.sections.find((s) => s.lines[0] <= 4 && s.lines[1] >= 4);
    expect(withBlock?.lines[0]).toBeLessThanOrEqual(3);
    expect(withBlock?.lines[1]).toBeGreaterThanOrEqual(5);
  });
});

describe('labels and summaries', () => {
  it('labels a section by the concept its key name forms ("Finland" → "finlandization")', () => {
    const [first] = labelSections([
      'Finland stayed neutral. Finland traded with both sides. Critics called it Finlandization. Finland prospered.',
      'The harbour strike closed the port.',
    ]);
    expect(first?.label).toBe('finlandization');
  });

  it('ranks the central sentences and returns them in source order', () => {
    const sentences = [
      'The harbour strike closed the port.',
      'Lunch was served at noon.',
      'Dock workers said the harbour strike would go on.',
      'The harbour strike cost the port millions.',
    ];
    const picked = rankSentences(sentences, 2);
    expect(picked).toHaveLength(2);
    expect(picked).not.toContain(1);
    expect(picked).toEqual([...picked].sort((x, y) => x - y));
    expect(rankSentences(sentences, SUMMARY_LENGTHS.long)).toEqual([0, 1, 2, 3]);
  });
});
