import { describe, expect, it } from 'vitest';
import { rankSentences, SUMMARY_LENGTHS } from '../../../src/corpus/sections/summarise.ts';
import { nounPhrases } from '../../../src/corpus/sections/noun-phrases.ts';
import { pickSummaries } from '../../../src/corpus/sections/summary-picks.ts';
import { tagText } from '../../../src/corpus/tag/tag-text.ts';
import { analyse } from '../helpers.ts';

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
    const a = analyse('Finland stayed neutral after the war. Finland traded with both sides. Critics called it Finlandization. Finland prospered all the same.');
    expect(a.sections[0]?.label).toBe('finlandization');
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

/** Three sections of plain text: each opens with a quoted excerpt's introduction, so each is its own section. */
const WHEAT = ['The wheat harvest failed in the drought.', 'Wheat farmers sold their harvest early.'];
const BREAD = ['Bread prices rose again in the capital.', 'Bakers blame the bread prices on the harvest.'];
function threeSections(first: string[], second = WHEAT, third = BREAD): string {
  return [
    'As the Harbour Gazette reported on Monday:',
    ...first,
    'I doubt that this will last.',
    'The Farming Weekly adds:',
    ...second,
    'That is the whole story, I think.',
    'And the Evening Post wrote:',
    ...third,
    'I expect more of this.',
  ].join('\n');
}

describe('labels a reader would type', () => {
  it('never labels or keys a section by a lone adjective or verb', () => {
    const a = analyse(
      threeSections(
        ['Armed men stormed the customs office in the harbour.', 'The armed guards fled as the armed men seized the customs office.', 'Heavily armed patrols now watch the customs office.'],
      ),
    );
    const harbour = a.sections[0];
    expect(harbour?.label).toMatch(/customs office/);
    expect(harbour?.keywords.map((k) => k.toLowerCase())).not.toContain('armed');
    expect(harbour?.keywords.map((k) => k.toLowerCase())).not.toContain('stormed');
  });

  it('keeps names whole: no "President Maria" of "President Maria Lindqvist", no "Bureau claimed"', () => {
    const a = analyse(
      threeSections(
        [
          'President Maria Lindqvist opened the new bridge on Monday.',
          'The Bureau claimed the bridge had cost twice its budget.',
          'President Maria Lindqvist rejected what the Bureau claimed about the bridge.',
        ],
      ),
    );
    const keywords = a.sections[0]?.keywords.map((k) => k.toLowerCase()) ?? [];
    expect(keywords).toContain('maria lindqvist');
    expect(keywords).not.toContain('president maria');
    expect(keywords).not.toContain('bureau claimed');
  });

  it("does not label several sections by the whole document's subject", () => {
    const a = analyse(
      threeSections(
        ['Norway opened a new oil field in the north.', 'The oil field will pump for twenty years, Norway says.'],
        ['Norway cut its fishing quotas for cod.', 'Fishermen in Norway protested against the fishing quotas.'],
        ['Norway sold the state ferry company.', 'The ferry company had lost money in Norway for years.'],
      ),
    );
    const labels = a.sections.map((s) => s.label);
    expect(labels).not.toContain('norway');
    expect(labels).toEqual(expect.arrayContaining([expect.stringMatching(/oil field/), expect.stringMatching(/fishing quotas/), expect.stringMatching(/ferry company/)]));
  });
});

describe('summaries', () => {
  const bag = (text: string) => new Set(text.toLowerCase().split(/\W+/).filter((w) => w.length > 3));
  it('lets an introduction ending in ":" stand for the sentence after it', () => {
    const texts = ['The harbour master summed up the harbour strike this way:', 'The port will stay shut until the union signs.', 'Lunch was late.'];
    const picks = pickSummaries({ texts, bags: texts.map(bag), order: [0, 2, 1], excerpts: [] });
    expect(picks.short).toEqual([1]);
    expect(picks.medium).toEqual([1, 2]);
  });

  it("puts a quoted excerpt's main claim in every summary, the short one included", () => {
    const texts = ['As the Gazette wrote:', 'A fire destroyed the paper mill overnight.', 'The mill had been empty.', 'I walk past the mill and the river every day and love the mill.'];
    const picks = pickSummaries({ texts, bags: texts.map(bag), order: [3, 2, 1, 0], excerpts: [[1, 2]] });
    expect(picks.short).toEqual([1]);
    expect(picks.medium).toEqual([1, 2, 3]);
  });

  it('summarises an excerpt section by the excerpt, never by its introduction', () => {
    const a = analyse(
      threeSections(
        ['A fire destroyed the old paper mill by the river on Monday night.', 'Firefighters fought the blaze until dawn.', 'The mill had stood empty for a decade.'],
      ),
    );
    for (const s of a.sections) {
      const short = s.summaries.short.map((i) => a.sentences[i]?.text ?? '');
      expect(short).toHaveLength(1);
      expect(short[0]).not.toMatch(/:$/);
    }
    expect(a.sentences[a.sections[0]?.summaries.short[0] ?? -1]?.text).toBe('A fire destroyed the old paper mill by the river on Monday night.');
  });
});

describe('noun phrases', () => {
  const phrases = (text: string) => nounPhrases(tagText(text)).map((p) => p.surface);
  it('names things by every part ending in a noun, names whole, and never a lone adjective', () => {
    expect(phrases('The factory where Turkish Bayraktar drones are assembled burned.')).toEqual(expect.arrayContaining(['factory', 'Bayraktar drones', 'drones']));
    expect(phrases('Ukrainian missile production facilities were hit.')).toEqual(expect.arrayContaining(['missile production', 'production facilities']));
    expect(phrases('As the New York Times wrote, President Alexander Stubb disagreed.')).toEqual(expect.arrayContaining(['New York Times', 'Alexander Stubb']));
    const all = [
      ...phrases('As the New York Times wrote, President Alexander Stubb disagreed.'),
      ...phrases('A Turkish company said the Russian security service had struck.'),
      ...phrases('Armed men stormed the office.'),
    ];
    for (const fragment of ['York Times', 'President Alexander', 'Turkish', 'Russian', 'Russian security', 'Armed', 'stormed']) expect(all).not.toContain(fragment);
  });

  it('keeps a name with its complement: the Kiel Institute for the World Economy, not "World Economy"', () => {
    const found = phrases('Europe gave more, according to the Kiel Institute for the World Economy.');
    expect(found).toContain('Kiel Institute for the World Economy');
    expect(found).not.toContain('World Economy');
  });
});
