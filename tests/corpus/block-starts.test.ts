import { describe, expect, it } from 'vitest';
import { announcedSource, bareSource } from '../../src/corpus/quotes/block-starts.ts';
import { blockList as blocks } from './helpers.ts';

describe('an excerpt announced by a paragraph that names the story', () => {
  it('reads "This piece in today\'s <Publication> is worth a read."', () => {
    const text = [
      'The ferry timetable changed again this week.',
      "This piece in today's Herald is worth a read.",
      'Passengers on the island routes face two fewer crossings a day from March. The operator blames a shortage of crew.',
      'The changes follow a winter of cancellations.',
      'I have stopped planning anything around the boats.',
    ].join('\n');
    expect(blocks(text)).toEqual([
      '3 Herald: Passengers on the island routes face two fewer crossings a day from March. The operator blames a shortage of crew.',
      '4 Herald: The changes follow a winter of cancellations.',
    ]);
  });

  it('reads "From the <Publication>\'s report on Tuesday:"', () => {
    const text = [
      'More bad news for renters.',
      "From the Post's report on Tuesday:",
      'Average rents in the capital rose by nine percent last year, the fastest increase in a decade.',
      'Why does nobody in government seem to care?',
    ].join('\n');
    expect(blocks(text)).toEqual(['3 The Post: Average rents in the capital rose by nine percent last year, the fastest increase in a decade.']);
  });

  it('reads "<Publication> has the details." and "<Publication> ran a long piece on it."', () => {
    const text = [
      'The copper mine is closing after all.',
      'Reuters has the details.',
      'The company will shut the mine by the end of the year. About four hundred jobs will go.',
      'I grew up there.',
      'The Financial Times ran a long piece on the town last spring.',
      'Half the shops on the high street already stand empty.',
      'What now for the high street?',
    ].join('\n');
    expect(blocks(text)).toEqual([
      '3 Reuters: The company will shut the mine by the end of the year. About four hundred jobs will go.',
      '6 The Financial Times: Half the shops on the high street already stand empty.',
    ]);
  });

  it('does not read a person\'s "story" or a long paragraph of the author\'s as an announcement', () => {
    expect(announcedSource("We asked whether Melania Trump's story would change anything.")).toBeNull();
    expect(
      announcedSource('The minister has long dismissed the report in the Herald as a partisan attack, and nothing in the figures released since then suggests that she will change her mind.'),
    ).toBeNull();
    expect(announcedSource('It has the details.')).toBeNull();
    expect(announcedSource('Is this piece in the Herald any good?')).toBeNull();
  });
});

describe('an excerpt announced by a bare source line', () => {
  it('reads "Reuters:", "> The Times:" and "The Guardian reports:"', () => {
    const text = [
      'Three takes on the same budget.',
      'Reuters:',
      'The finance ministry cut its growth forecast to one percent.',
      'I did not expect that.',
      '> The Times:',
      'The chancellor has run out of room to manoeuvre.',
      'The Guardian reports:',
      'Local councils will lose another two billion pounds.',
      'I would not bet on it.',
    ].join('\n');
    expect(blocks(text)).toEqual([
      '3 Reuters: The finance ministry cut its growth forecast to one percent.',
      '6 The Times: The chancellor has run out of room to manoeuvre.',
      '8 The Guardian: Local councils will lose another two billion pounds.',
    ]);
  });

  it('gives the excerpt to the named writer: "Jane Roe writes in the Times:"', () => {
    const text = ['A sharp column this morning.', 'Jane Roe writes in the Times:', 'The tram project has cost twice what was promised and carries half the riders.', 'I could not agree more.'].join('\n');
    expect(blocks(text)).toEqual(['3 Jane Roe: The tram project has cost twice what was promised and carries half the riders.']);
  });

  it('does not take a label ("Update:", "Background:") for a source', () => {
    expect(bareSource('Update:')).toBeNull();
    expect(bareSource('Background:')).toBeNull();
    expect(bareSource('Paul Krugman:')?.name).toBe('Paul Krugman');
    expect(bareSource('New York Times:')?.name).toBe('New York Times');
  });
});
