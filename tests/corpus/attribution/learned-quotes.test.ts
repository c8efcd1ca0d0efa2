// The whole attribution pipeline (rules, then the committed tagger, then speaker resolution) on the kinds of
// sentence real news uses and the first rules missed. Every sentence is written for the test.
import { describe, expect, it } from 'vitest';
import { analyse, quoteList } from '../helpers.ts';

const quotes = (text: string) => quoteList(analyse(text));
const roleOf = (text: string, speaker: string) => {
  const a = analyse(text);
  const s = a.speakers.find((x) => x.name === speaker);
  return a.quotes.find((q) => q.speakerId === s?.id)?.role ?? null;
};

describe('who said what, on sentences real news is made of', () => {
  it('reads a time or place between the speech verb and what was said', () => {
    expect(quotes('Ortiz spoke first.\n\nOrtiz said on Friday "We will not wait."')).toEqual(['Ortiz: We will not wait.']);
    expect(quotes('The Food Standards Agency reviewed the plan.\n\nThe agency said in May the plan was sound.')).toEqual(['Food Standards Agency: the plan was sound']);
  });

  it('keeps the words quoted in an instruction, and no instruction or noun that only looks like a cue', () => {
    expect(quotes('Mayor Ana Ruiz urged voters to "go out and vote" before the polls close.')).toEqual(['Ana Ruiz: go out and vote']);
    expect(quotes('Mayor Lina Park told reporters to leave the building.')).toEqual([]);
    expect(quotes('Insurance claims rose sharply after the floods hit the coast.')).toEqual([]);
  });

  it('keeps a quoted phrase as the words quoted, not the story after it', () => {
    expect(quotes('Dana Ortiz called the proposal "a fantasy" and walked out.')).toEqual(['Dana Ortiz: a fantasy']);
  });

  it('reads a relative clause after a name as saying who, not what ("who chairs the committee")', () => {
    expect(quotes('Sam Reed, who chairs the committee, added that the vote would be delayed. The ministry said on Tuesday it had not been consulted.')).toEqual([
      'Sam Reed: the vote would be delayed.',
      'the ministry: it had not been consulted.',
    ]);
  });

  it('finds the speaker in an appositive, behind a possessive role, and after a title', () => {
    expect(quotes('Their manager, Sandra Kowalski, said the team would fight on until the end.')).toEqual(['Sandra Kowalski: the team would fight on until the end.']);
    expect(quotes("Commerzbank's chief economist Jörg Krämer said the rate would rise again in June.")).toEqual(['Jörg Krämer: the rate would rise again in June.']);
    expect(quotes('Councilman Raymond Diaz said the budget was balanced for the first time.')).toEqual(['Raymond Diaz: the budget was balanced for the first time.']);
    expect(roleOf('Councilman Raymond Diaz said the budget was balanced for the first time.', 'Raymond Diaz')).toBe('Councilman');
    expect(quotes('Councillor (Cllr) Jane Roe of the Green Party added, "We will fight this plan."')).toEqual(['Jane Roe: We will fight this plan.']);
    expect(quotes('"The impact is still small," Cameron Easley for Morning Consult wrote.')).toEqual(['Cameron Easley: The impact is still small,']);
    expect(quotes('The Center for American Progress said the bill would cut taxes for most families.')).toEqual(['Center for American Progress: the bill would cut taxes for most families.']);
  });

  it('gives a description to the person introduced by it, and to no one else', () => {
    expect(quotes('Mayor Ann Ruiz opened the session.\n\nThe mayor said the bridge would reopen in the spring.')).toEqual(['Ann Ruiz: the bridge would reopen in the spring.']);
    // No mayor was named: "the mayor" is a speaker of its own, never the person named just before.
    expect(quotes('Tom Reed opened the session.\n\nThe mayor said the bridge would reopen in the spring.')).toEqual(['the mayor: the bridge would reopen in the spring.']);
  });

  it('hears organisations and institutions', () => {
    expect(quotes('The State Department said the embassy would stay open through the weekend.')).toEqual(['State Department: the embassy would stay open through the weekend.']);
    expect(quotes('Police confirmed on Sunday that two men had been arrested near the harbour.')).toEqual(['police: two men had been arrested near the harbour.']);
    expect(quotes('Northgate FC won again.\n\nTickets go on sale next Monday, the club said.')).toEqual(['Northgate FC: Tickets go on sale next Monday']);
  });

  it('reads "added that" as reported speech, and a pronoun as the person just named', () => {
    expect(quotes('Jane Roe spoke at the meeting. She added that the council would vote in June.')).toEqual(['Jane Roe: the council would vote in June.']);
  });

  it('takes a short quoted phrase after "called" as her words', () => {
    expect(quotes('Ortiz called the plan "a fantasy that will never work."')).toEqual(['Ortiz: a fantasy that will never work.']);
  });

  it('does not quote beliefs and intentions', () => {
    expect(quotes('Ukraine wants to build a weapons industry with money from abroad.')).toEqual([]);
    expect(quotes('Senator Ann Holt believes the bill will fail in the House.')).toEqual([]);
    // Speech still to come is not a quotation either.
    expect(quotes('The Harbour Authority will insist that the pier stays closed until the spring.')).toEqual([]);
  });

  it('gives the words of a statement to the person named after it, from the start of a word', () => {
    expect(quotes('In a City Hall statement, Mayor Ines Okoro condemned Friday\'s closure as "reckless and cruel" and a "grave threat" to the harbour.')).toEqual([
      'Ines Okoro: Friday\'s closure as "reckless and cruel" and a "grave threat" to the harbour',
    ]);
  });
});
