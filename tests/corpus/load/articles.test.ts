// Plain-text files that hold several articles, marked only by a headline above each.
import { describe, expect, it } from 'vitest';
import { looksLikeHeadline } from '../../../src/corpus/load/headlines.ts';
import { analyse } from '../helpers.ts';

const sectionLines = (text: string) => analyse(text).sections.map((s) => s.lines);
const glued = (text: string, headline: string) => analyse(text).sentences.some((s) => s.text.includes(headline) && s.text !== headline);

describe('several articles in one plain-text file', () => {
  it('cuts one-line paragraphs at each headline and labels each article by its headline\'s noun phrase', () => {
    const text = [
      'Harbour strike ends after three weeks',
      'Dock workers returned to work on Monday after the union accepted a new pay offer. The strike had closed the port since March.',
      'Ships waiting in the estuary began to unload. The port authority said the backlog would take a fortnight to clear.',
      'Wheat harvest fails across the south',
      'The wheat harvest has failed across the southern provinces after months of drought. Farmers say yields are down by half.',
      'Bread prices have risen by a fifth since the spring.',
    ].join('\n');
    const a = analyse(text);
    expect(a.sections.map((s) => [s.label, s.lines])).toEqual([
      ['harbour strike', [2, 3]],
      ['wheat harvest', [5, 6]],
    ]);
    // A headline is not a sentence of its article.
    expect(a.sentences.map((s) => s.text)).not.toContain('Wheat harvest fails across the south');
    expect(a.title).toBe('Harbour strike ends after three weeks');
  });

  it('never glues a headline to the first sentence of hard-wrapped text', () => {
    const text = [
      'Harbour strike ends after three weeks',
      'Dock workers returned to work on Monday after the union',
      'accepted a new pay offer. The strike had closed the port',
      'since early March.',
      '',
      'Ships that waited in the estuary began to unload their',
      'cargo. The port authority said the backlog would take a',
      'fortnight to clear.',
      '',
      'Wheat harvest fails across the south',
      'The wheat harvest has failed across the southern provinces',
      'after months of drought. Farmers say yields are down by half.',
      '',
      'Bread prices have risen by a fifth since the spring. The',
      'ministry of agriculture promised aid to the worst-hit farms.',
    ].join('\n');
    expect(glued(text, 'Harbour strike ends')).toBe(false);
    expect(glued(text, 'Wheat harvest fails')).toBe(false);
    expect(sectionLines(text)).toEqual([
      [2, 8],
      [11, 15],
    ]);
  });

  it('cuts three articles separated by blank lines, a quoted headline included', () => {
    const text = [
      'Council approves the new tram line',
      '',
      'The city council voted on Tuesday to build a tram line from the station to the university. Work starts next spring.',
      '',
      'Opponents said the tram line would cost twice the estimate.',
      '',
      'River floods the lower town again',
      '',
      'Heavy rain in the hills sent the river over its banks for the second time this year. Engineers blame the old weir.',
      '',
      '"A disaster we saw coming"',
      '',
      'Residents of the lower town said they had warned the council about the weir for years.',
    ].join('\n');
    const a = analyse(text);
    expect(a.sections.map((s) => s.lines)).toEqual([
      [3, 5],
      [9, 9],
      [13, 13],
    ]);
    expect(a.sections[0]?.label).toBe('council');
  });

  it('leaves a single article alone: its headline is its title, and a title quoted inside it stays text', () => {
    const single = [
      'Harbour strike ends after three weeks',
      'Dock workers returned to work on Monday after the union accepted a new pay offer.',
      'The Gazette put it like this:',
      'Strike over at last - Harbour Gazette',
      'Port reopens after the longest strike in its history',
      'The port reopened on Tuesday. Cranes were working again by noon.',
    ].join('\n');
    const a = analyse(single);
    expect(a.sections.every((s) => s.heading === null)).toBe(true);
    expect(a.title).toBe('Harbour strike ends after three weeks');
  });
});

describe('what looks like a headline', () => {
  it('is a short capitalised line without sentence punctuation or a citation separator', () => {
    expect(looksLikeHeadline('Harbour strike ends after three weeks')).toBe(true);
    expect(looksLikeHeadline('"A disaster we saw coming"')).toBe(true);
    expect(looksLikeHeadline('The strike is over.')).toBe(false);
    expect(looksLikeHeadline('As the Times wrote yesterday:')).toBe(false);
    expect(looksLikeHeadline('Strike over at last - Harbour Gazette')).toBe(false);
    expect(looksLikeHeadline('dock workers returned to work')).toBe(false);
    expect(looksLikeHeadline('Strikes')).toBe(false);
    expect(looksLikeHeadline('Why the river flooded again?')).toBe(false);
    expect(looksLikeHeadline('Amanda Terkel')).toBe(false);
    expect(looksLikeHeadline('Strike over. Port open')).toBe(false);
  });
});
