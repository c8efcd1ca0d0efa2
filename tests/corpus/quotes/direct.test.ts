import { describe, expect, it } from 'vitest';
import { analyse, quoteList } from '../helpers.ts';

const direct = (text: string) => quoteList(analyse(text), 'direct');

describe('direct quotes', () => {
  it('attributes a quote followed by "said Name, role" and keeps the role', () => {
    const a = analyse('"The border is calm tonight," said Maria Lopez, the regional governor.');
    expect(quoteList(a, 'direct')).toEqual(['Maria Lopez: The border is calm tonight,']);
    expect(a.quotes[0]?.role).toBe('regional governor');
  });

  it('attributes a quote followed by "Name said"', () => {
    expect(direct('"We have enough fuel for a week," Tom Becker said on Monday.')).toEqual(['Tom Becker: We have enough fuel for a week,']);
  });

  it('attributes a quote introduced by "Name said:" (pre-attribution)', () => {
    expect(direct('Chancellor Olaf Brandt said: "Europe must pay for its own defence."')).toEqual([
      'Olaf Brandt: Europe must pay for its own defence.',
    ]);
  });

  it('joins both halves of a quote split by its attribution to one speaker', () => {
    expect(direct('Anna Kowalska, the mayor, spoke first. "We are ready," she said, "but we need time."')).toEqual([
      'Anna Kowalska: We are ready,',
      'Anna Kowalska: but we need time.',
    ]);
    expect(direct('"We are ready," Anna Kowalska said, "but we need more time."')).toEqual([
      'Anna Kowalska: We are ready,',
      'Anna Kowalska: but we need more time.',
    ]);
  });

  it('keeps a quote of several sentences whole', () => {
    expect(direct('"Prices rose. Wages did not. People are angry," said Ravi Shah, an economist.')).toEqual([
      'Ravi Shah: Prices rose. Wages did not. People are angry,',
    ]);
  });

  it('gives a following unattributed quote to the speaker just quoted', () => {
    expect(direct('"The talks failed," said Lena Berg, a negotiator. "Nobody came prepared."')).toEqual([
      'Lena Berg: The talks failed,',
      'Lena Berg: Nobody came prepared.',
    ]);
  });

  it('reads British single quotes when attributed beside them', () => {
    expect(direct("'The results are disappointing,' said Professor Helen Ward of Leeds University.")).toEqual([
      'Helen Ward: The results are disappointing,',
    ]);
  });

  it.each([
    ['Dr.', '"The virus is spreading slowly," said Dr. Amir Haddad.', 'Amir Haddad'],
    ['Mr', '"I never signed it," Mr Jonas Weber told the court.', 'Jonas Weber'],
    ['Prime Minister', '"Taxes will not rise," Prime Minister Clara Nilsen said.', 'Clara Nilsen'],
    ['von der', '"Europe stands united," said Ursula von der Leyen.', 'Ursula von der Leyen'],
    ['van', '"We expected more," said Pieter van Dijk, the coach.', 'Pieter van Dijk'],
    ['al-', '"The ceasefire holds," said Ahmed al-Sharif, a spokesman.', 'Ahmed al-Sharif'],
  ])('strips the title or keeps the particle: %s', (_name, text, speaker) => {
    expect(direct(text)).toEqual([`${speaker}: ${/"([^"]+)"/.exec(text)?.[1]}`]);
  });

  it('resolves "he said" to the nearest fitting named person', () => {
    const a = analyse('Colonel Mark Dane arrived at noon. Journalists waited outside.\n"We will hold the line," he said.');
    expect(quoteList(a, 'direct')).toEqual(['Mark Dane: We will hold the line,']);
  });

  it('resolves "the company said" to the organisation named before it', () => {
    const a = analyse('Northwind Energy, the Danish wind-turbine maker, cut jobs this year.\n"Demand has collapsed in Europe," the company said.');
    expect(quoteList(a, 'direct')).toEqual(['Northwind Energy: Demand has collapsed in Europe,']);
  });

  it('does not take scare quotes for quotes', () => {
    const a = analyse(
      'The so-called "coalition of the willing" met again. Critics called the plan \'security theatre\' and worse. The "peace dividend" never came.',
    );
    expect(a.quotes).toEqual([]);
  });

  it('does not take apostrophes for single quotes', () => {
    const a = analyse("The farmers' union said nothing. It's the ministers' turn, and they're silent.");
    expect(a.quotes.filter((q) => q.kind === 'direct')).toEqual([]);
  });

  it('attributes a quote after "according to"', () => {
    expect(direct('According to the World Health Organization (WHO), "the outbreak is contained."')).toEqual([
      'World Health Organization: the outbreak is contained.',
    ]);
  });

  it('cites the line the quote starts on', () => {
    const a = analyse('Intro line.\n\n"Line three quote is here," said Ola Nordmann.');
    expect(a.quotes.map((q) => q.line)).toEqual([3]);
  });

  it('attributes a quote to a titled speaker followed by a time and place, and the next quote to the same speaker', () => {
    expect(
      direct('"Our progress is on the ballot," Mr. Okafor said on Saturday night at the union\'s gala dinner in Leeds, where Mrs. Lind also spoke. "Tolerance is on the ballot."'),
    ).toEqual(['Okafor: Our progress is on the ballot,', 'Okafor: Tolerance is on the ballot.']);
  });

  it('reads a quoted title as no quote, and the sentence after it as reported speech', () => {
    const a = analyse('On this weekend\'s broadcast of "Harbour Talk Sunday," Green Party mayoral candidate Gov. Ines Okoro said her rival was only joking.');
    expect(quoteList(a)).toEqual(['Ines Okoro: her rival was only joking.']);
  });

  it('keeps a middle initial in the name of a speaker after the quote', () => {
    expect(direct('"I hate this framing," Vann R. Newkirk II, a writer, said on Twitter.')).toEqual(['Vann R. Newkirk II: I hate this framing,']);
  });

  it('knows the livelier speech verbs ("boasted", "quipped", "shouted") and a delegate\'s title', () => {
    expect(direct('When the mayor noted that the fund had paid no tax, Okafor boasted, "That makes me smart."')).toEqual(['Okafor: That makes me smart.']);
    expect(direct('"We will not wait," Del. Ines Okoro shouted to the crowd.')).toEqual(['Ines Okoro: We will not wait,']);
  });

  it('reads no programme that ends the sentence, nickname or name for something as a quote', () => {
    expect(direct('"The border is calm," Ana Ruiz said on Monday on Radio North\'s "Morning Edition." "We will reopen it soon."')).toEqual([
      'Ana Ruiz: The border is calm,',
      'Ana Ruiz: We will reopen it soon.',
    ]);
    expect(direct('State delegate Marcia "Cia" Price shouted to the crowd before the vote.')).toEqual([]);
    expect(direct('She backs a minimum rate, a version of what is known as the "Buffett rule" after Warren Buffett, the investor.')).toEqual([]);
    expect(direct('Ortiz called the plan "a fantasy" and walked out.')).toEqual(['Ortiz: a fantasy']);
  });
});
