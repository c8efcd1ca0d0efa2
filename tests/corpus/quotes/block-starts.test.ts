import { describe, expect, it } from 'vitest';
import { announcedSource, bareSource, citationSource, speakerIntro } from '../../../src/corpus/quotes/block-starts.ts';
import { analyse, blockList as blocks, quoteList } from '../helpers.ts';

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

  it('reads "> The Times:" opening a Markdown quote, and "(Source: …)" after one', () => {
    const md = ['Budget day.', '', '> The Times:', '>', '> The chancellor has run out of room to manoeuvre.', '', 'I agree.', '', '> Councils will lose another two billion pounds.', '', '(Source: The Guardian)'].join('\n');
    expect(blocks(md, 'md')).toEqual(['5 The Times: The chancellor has run out of room to manoeuvre.', '9 The Guardian: Councils will lose another two billion pounds.']);
  });

  it('gives the excerpt to the named writer: "Jane Roe writes in the Times:"', () => {
    const text = ['A sharp column this morning.', 'Jane Roe writes in the Times:', 'The tram project has cost twice what was promised and carries half the riders.', 'I could not agree more.'].join('\n');
    expect(blocks(text)).toEqual(['3 Jane Roe: The tram project has cost twice what was promised and carries half the riders.']);
  });

  it('reads colon lines that point at the source or put it first', () => {
    const post = (intro: string) => ['The vote is tomorrow.', intro, 'Turnout in the first round was the lowest since the war.', 'I doubt it will be higher this time.'].join('\n');
    const cases: Array<[string, string]> = [
      ["Here's the Guardian:", 'Guardian'],
      ['Over at the Post:', 'Post'],
      ['According to the FT:', 'FT'],
      ['So reports the BBC:', 'BBC'],
      ['Bloomberg today:', 'Bloomberg'],
      ['The New York Times on Tuesday:', 'New York Times'],
      ['Politico has more:', 'Politico'],
      ['Writes Jane Roe in the Times:', 'Jane Roe'],
      ['Jane Roe at the Atlantic:', 'Jane Roe'],
      ['Via Reuters:', 'Reuters'],
      ['The Herald reports (archived):', 'Herald'],
      ['The Herald (paywalled):', 'Herald'],
      ['Writing for the Nation, Jane Roe argues:', 'Jane Roe'],
      ['Writing in the Herald Tom Smith says:', 'Tom Smith'],
    ];
    for (const [intro, source] of cases) {
      expect(blocks(post(intro)).map((b) => b.replace(/^3 (?:The )?/, ''))).toEqual([`${source}: Turnout in the first round was the lowest since the war.`]);
    }
  });

  it('reads "The paper writes:" and "It continues:" as the publication named just before', () => {
    const ferries = [
      'The Herald has a long piece on the ferries today.',
      'The paper writes:',
      'Crews on the island routes work fourteen-hour shifts.',
      'Three boats sailed without a full crew last month.',
      'I am not surprised.',
    ].join('\n');
    expect(blocks(ferries)).toEqual(['3 The Herald: Crews on the island routes work fourteen-hour shifts.', '4 The Herald: Three boats sailed without a full crew last month.']);
    const strike = ['Wire round-up.', 'Port strike ends after eleven days [Reuters]', 'The dockers accepted a rise of nine percent.', 'Ships are moving again.', 'I wonder for how long.', 'It continues:', 'The union warned of new action in the spring.'].join('\n');
    expect(blocks(strike)).toEqual(['3 Reuters: The dockers accepted a rise of nine percent.', '4 Reuters: Ships are moving again.', '7 Reuters: The union warned of new action in the spring.']);
    expect(blocks(['A quiet week.', 'It continues:', 'Nothing much happened.'].join('\n'))).toEqual([]);
  });

  it('does not take a label ("Update:", "Background:") for a source', () => {
    expect(bareSource('Update:')).toBeNull();
    expect(bareSource('Background:')).toBeNull();
    expect(bareSource('Paul Krugman:')?.name).toBe('Paul Krugman');
    expect(bareSource('New York Times:')?.name).toBe('New York Times');
  });
});

describe('an excerpt under a title line that names the outlet', () => {
  it('reads "Headline (ft)", "Headline [Reuters]" and "Headline - The Economist"', () => {
    const text = [
      'Three links on interest rates for the weekend.',
      'Rates rise again as inflation refuses to fall (ft)',
      'The central bank raised its main rate by a quarter point on Thursday, the fifth rise this year.',
      'Markets had expected a pause.',
      'I am not sure they should have.',
      'Mortgage approvals drop to a ten-year low [Reuters]',
      'Lenders approved fewer home loans in October than in any month since 2014.',
      'I saw that coming.',
      'Savers finally get a better deal - The Economist',
      'Easy-access accounts now pay more than four percent.',
    ].join('\n');
    expect(blocks(text)).toEqual([
      '3 FT: The central bank raised its main rate by a quarter point on Thursday, the fifth rise this year.',
      '4 FT: Markets had expected a pause.',
      '7 Reuters: Lenders approved fewer home loans in October than in any month since 2014.',
      '10 The Economist: Easy-access accounts now pay more than four percent.',
    ]);
  });

  it('starts the next excerpt at the next title line', () => {
    const text = [
      'Reading list:',
      'Harbour bridge to close for repairs (Reuters)',
      'The bridge will close to traffic for six weeks from June.',
      'Buses face long detours [The Herald]',
      'Drivers on the coastal route expect an extra hour each way.',
    ].join('\n');
    expect(blocks(text)).toEqual(['3 Reuters: The bridge will close to traffic for six weeks from June.', '5 The Herald: Drivers on the coastal route expect an extra hour each way.']);
  });

  it('does not read a name with its party, a sentence in brackets or a link\'s format as a title line', () => {
    expect(citationSource('Rep. Jane Roe (R-Ohio)')).toBeNull();
    expect(citationSource('It was a good day (mostly).')).toBeNull();
    expect(citationSource('The full audit of the council (pdf)')).toBeNull();
    expect(citationSource('He went home early (again)')).toBeNull();
  });
});

describe('ordinary news reporting', () => {
  it('is not an excerpt because it names a report or its headline credits an agency', () => {
    const budget = [
      'City council approves new budget',
      '',
      'The city council approved a new budget on Monday after a long debate.',
      '',
      'The plan raises spending on schools by four percent, according to a report in the Herald.',
      '',
      'Council members said the vote was close.',
      '',
      'The mayor will sign the budget this week.',
    ].join('\n');
    const wire = ['Rates rise again (Reuters)', '', 'The central bank raised rates on Thursday.', '', 'Analysts had expected the move.'].join('\n');
    const voices = ['What voters told us', '', '"I will vote for change." – Maria Lopez', '', '– Tom Baker', '', 'Turnout is expected to be high, officials said.'].join('\n');
    expect(blocks(budget)).toEqual([]);
    expect(blocks(wire)).toEqual([]);
    expect(blocks(voices)).toEqual([]);
  });
});

describe('a short line that hands the word to a speaker before a paragraph in quotation marks', () => {
  it('reads "Berg continued:", "She told CNN:", "The agency added:", and no line without a speech verb', () => {
    expect(speakerIntro('Berg continued:')?.name).toBe('Berg');
    expect(speakerIntro('She told CNN:')).toMatchObject({ reference: 'pronoun' });
    expect(speakerIntro('The agency added:')).toMatchObject({ reference: 'description', head: 'agency' });
    expect(speakerIntro('Prices continued to rise in May:')).toBeNull();
    expect(speakerIntro('Here is the list:')).toBeNull();
  });

  it('gives the quoted paragraph after it to that speaker, and nothing after the quotation', () => {
    const a = analyse(
      'Pollster Ann Berg spoke to the radio on Thursday about the race.\n\nShe continued:\n\n"The health issue is a partisan issue, but it does not account for the numbers we see in every state."\n\nThe show airs on weekdays from six in the morning until nine.',
    );
    expect(quoteList(a)).toEqual(['Ann Berg: The health issue is a partisan issue, but it does not account for the numbers we see in every state.']);
  });

  it('gives a quoted paragraph under an introducing line that names a source to that source', () => {
    const a = analyse('The council met on Monday night to vote on the budget.\n\nCouncillor Priya Nair said:\n\n"We cannot cut the libraries again. The city has done that three years in a row already."');
    expect(quoteList(a)).toEqual(['Priya Nair: We cannot cut the libraries again. The city has done that three years in a row already.']);
  });
});
