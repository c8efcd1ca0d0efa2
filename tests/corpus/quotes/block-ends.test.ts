import { describe, expect, it } from 'vitest';
import { authorVoice, signsOff, trailingCitation } from '../../../src/corpus/quotes/block-ends.ts';
import { analyse, blockList as blocks, quoteList } from '../helpers.ts';

describe('an excerpt cited after it', () => {
  it('reads "— from the <Publication>\'s report" after paragraphs no line introduced', () => {
    const text = [
      'I spent the morning reading about the floods.',
      'The river burst its banks at dawn and flooded two hundred homes.',
      'Rescue crews worked through the night to reach the villages upstream.',
      "— from the Guardian's report",
      'Terrible scenes.',
    ].join('\n');
    expect(blocks(text)).toEqual([
      '2 The Guardian: The river burst its banks at dawn and flooded two hundred homes.',
      '3 The Guardian: Rescue crews worked through the night to reach the villages upstream.',
    ]);
  });

  it('reads "(Source: Reuters)" and "via the BBC" on a line of their own', () => {
    const text = [
      'Two items from the wires, and then I am off.',
      'The airline will cut a fifth of its routes this winter.',
      '(Source: Reuters)',
      'What were they thinking?',
      'The strike at the port has ended after eleven days.',
      'via the BBC',
    ].join('\n');
    expect(blocks(text)).toEqual(['2 Reuters: The airline will cut a fifth of its routes this winter.', '5 BBC: The strike at the port has ended after eleven days.']);
  });

  it('reads a citation at the end of the excerpt\'s last paragraph, and names an introduced excerpt that named no one', () => {
    const text = [
      'The weekend numbers are out.',
      'Ticket sales fell for the third month running. (Source: Reuters)',
      'Here is how the paper put it:',
      'The cinema chain has closed nine screens since spring.',
      '— via the Herald',
    ].join('\n');
    expect(blocks(text)).toEqual(['2 Reuters: Ticket sales fell for the third month running. (Source: Reuters)', '4 The Herald: The cinema chain has closed nine screens since spring.']);
  });

  it('does not take a chart credit or an ordinary sentence for a citation', () => {
    expect(trailingCitation('Source: NATO.')).toBeNull();
    expect(trailingCitation('From Monday the rules change.')).toBeNull();
    expect(trailingCitation('via email')).toBeNull();
    expect(trailingCitation('In the morning the rain stopped.')).toBeNull();
  });
});

describe('the author speaking again after an excerpt', () => {
  it('ends the excerpt at a comment on what was quoted', () => {
    const post = (comment: string) =>
      ['As the Observer reported on Sunday:', 'The hospital has lost a third of its nurses in two years.', 'Waiting times have doubled.', comment, 'The board meets next week.'].join('\n');
    const restating = 'In other words, the hospital is running on goodwill and overtime and has been for a long while now, whatever the board says in public.';
    for (const comment of ["That's the key point.", 'Exactly.', 'What a mess.', 'Make of that what you will.', 'My thoughts exactly.', 'Remarkable!', restating, 'Translation: there is no money.']) {
      expect(blocks(post(comment))).toEqual(['2 The Observer: The hospital has lost a third of its nurses in two years.', '3 The Observer: Waiting times have doubled.']);
    }
  });

  it('ends the excerpt at a sign-off, and does not read "Update:" as the next introduction', () => {
    const post = (signOff: string) =>
      ['Reuters:', 'The mine will close in the spring.', 'About four hundred jobs will go.', signOff, 'The town council has called an emergency meeting.'].join('\n');
    for (const signOff of ['Cheers', '— Tom', 'More later.', 'Update:']) {
      expect(blocks(post(signOff))).toEqual(['2 Reuters: The mine will close in the spring.', '3 Reuters: About four hundred jobs will go.']);
    }
  });

  it('keeps a quoted report\'s own sentences in the excerpt', () => {
    expect(authorVoice('This is the first time the bank has cut rates since 2008.', false)).toBe(false);
    expect(authorVoice('The bank cut rates.', false)).toBe(false);
    expect(signsOff('Best of all, the plan is cheap and quick to build.')).toBe(false);
  });
});

describe('people quoted inside an excerpt', () => {
  it('are quoted in their own right beside the excerpt\'s source', () => {
    const text = [
      'The Herald has the story.',
      'The council will sell the old library to a developer. The building has stood empty since 2019.',
      'Opponents say the sale is rushed. "Nobody asked the people who use it," said councillor Jane Roe.',
      "That's the key point.",
    ].join('\n');
    const a = analyse(text);
    expect(quoteList(a, 'block')).toEqual([
      'The Herald: The council will sell the old library to a developer. The building has stood empty since 2019.',
      'The Herald: Opponents say the sale is rushed. "Nobody asked the people who use it," said councillor Jane Roe.',
    ]);
    expect(quoteList(a, 'direct')).toEqual(['Jane Roe: Nobody asked the people who use it,']);
  });
});
