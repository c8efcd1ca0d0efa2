import { describe, expect, it } from 'vitest';
import { analyse, quoteList } from '../helpers.ts';

const indirect = (text: string) => quoteList(analyse(text), 'indirect');

describe('indirect (reported) speech', () => {
  it('reads "<Name> said that <clause>"', () => {
    expect(indirect('Finance Minister Sara Holm said that the budget would be balanced by 2027.')).toEqual([
      'Sara Holm: the budget would be balanced by 2027.',
    ]);
  });

  it('keeps names that end in -ly whole, and adverbs out of names', () => {
    expect(indirect('Senator Mary Kelly said the vote would be delayed until spring.')).toEqual(['Mary Kelly: the vote would be delayed until spring.']);
    expect(indirect(`"${'word '.repeat(300)}" and then Ana Ruiz said that the plan was ready for the council.`)).toEqual(['Ana Ruiz: the plan was ready for the council.']);
    expect(indirect('John Connolly reportedly said the club would be sold this year.')).toEqual(['John Connolly: the club would be sold this year.']);
  });

  it('reads a speech verb without "that"', () => {
    expect(indirect('Jonas Berg argued the reform had come too late for farmers.')).toEqual([
      'Jonas Berg: the reform had come too late for farmers.',
    ]);
  });

  it.each(['claimed', 'warned', 'insisted', 'wrote', 'admitted', 'stressed'])('knows the speech verb "%s"', (verb) => {
    expect(indirect(`Karim Osei ${verb} that the harbour would stay closed all winter.`)).toEqual([
      'Karim Osei: the harbour would stay closed all winter.',
    ]);
  });

  it('reads "told reporters that" and "told the BBC on Tuesday that"', () => {
    expect(indirect('Mayor Lina Park told reporters that the bridge was safe to use.')).toEqual(['Lina Park: the bridge was safe to use.']);
    expect(indirect('Piotr Zielinski told the BBC on Tuesday that talks would resume soon.')).toEqual([
      'Piotr Zielinski: talks would resume soon.',
    ]);
  });

  it('does not take "told" without a reported clause for speech', () => {
    expect(indirect('Mayor Lina Park told reporters to leave the building.')).toEqual([]);
  });

  it('reads no word or two after "according to <source>," as what the source said', () => {
    expect(indirect('According to the Herald, basically. The gap between the two is vast.')).toEqual([]);
  });

  it('reads "according to <source>" at the start and at the end of a sentence', () => {
    expect(indirect('According to the International Energy Agency, demand for oil will peak before 2030.')).toEqual([
      'International Energy Agency: demand for oil will peak before 2030.',
    ]);
    expect(indirect('Exports fell by a fifth last year, according to the Federal Statistics Office.')).toEqual([
      'Federal Statistics Office: Exports fell by a fifth last year',
    ]);
  });

  it('reads the news style "<clause>, <speaker> said [on Tuesday]."', () => {
    expect(indirect('Transport Minister Mark Harbers spoke on Monday. Talks will resume on Friday, Harbers said.')).toEqual([
      'Mark Harbers: Talks will resume on Friday',
    ]);
    expect(indirect('The economy will shrink this year, the International Monetary Fund said on Tuesday.')).toEqual([
      'International Monetary Fund: The economy will shrink this year',
    ]);
    expect(indirect('Lena Berg arrived late. Prices will fall soon, she said in an interview.')).toEqual(['Lena Berg: Prices will fall soon']);
  });

  it('resolves "she added" to the woman named just before', () => {
    const a = analyse('Judge Maria Costa said the evidence was weak. She added that the trial would continue next month.');
    expect(quoteList(a, 'indirect')).toEqual(['Maria Costa: the evidence was weak.', 'Maria Costa: the trial would continue next month.']);
  });

  it('resolves "the ministry said" to the ministry named before it, not to a person', () => {
    const a = analyse('Officials at the Ministry of Health met Dr. Paul Kim on Monday. The ministry said vaccines would arrive within days.');
    expect(quoteList(a, 'indirect')).toEqual(['Ministry of Health: vaccines would arrive within days.']);
  });

  it('keeps an acronym in brackets as an alias of the organisation', () => {
    const a = analyse('The World Health Organization (WHO) warned that the virus was spreading. The WHO said that more tests were needed.');
    expect(quoteList(a, 'indirect')).toEqual([
      'World Health Organization: the virus was spreading.',
      'World Health Organization: more tests were needed.',
    ]);
    expect(a.speakers.find((s) => s.name === 'World Health Organization')?.aliases).toContain('WHO');
  });

  it('reads a bracketed editorial name as the speaker', () => {
    expect(indirect('[Defence Secretary John] Healey said the army needed new tanks soon.')).toEqual([
      'John Healey: the army needed new tanks soon.',
    ]);
  });

  it('does not report speech verbs used inside a direct quote', () => {
    const a = analyse('"Nobody said the war would be short," Colonel Ivan Petrov said.');
    expect(quoteList(a, 'indirect')).toEqual([]);
    expect(quoteList(a, 'direct')).toEqual(['Ivan Petrov: Nobody said the war would be short,']);
  });

  it('does not treat nouns such as "reports" and "claims" as speech verbs', () => {
    expect(indirect('Insurance claims rose sharply after the floods hit the coast.')).toEqual([]);
    expect(indirect('Weather reports warned that storms would hit the coast.')).toEqual(['Weather reports: storms would hit the coast.']);
    expect(indirect('Nadia Rahman claims that the vote was rigged.')).toEqual(['Nadia Rahman: the vote was rigged.']);
  });

  it('does not make a sentence-initial common noun or function word a speaker', () => {
    expect(indirect('Officials said the road would reopen within a week.')).toEqual([]);
    expect(analyse('The said the road would reopen within a week.').speakers).toEqual([]);
  });

  it('reads qualified groups and organisations described by their nationality', () => {
    expect(indirect('Human rights groups warned that the law would silence critics.')).toEqual([
      'Human rights groups: the law would silence critics.',
    ]);
    expect(indirect('The Ukrainian army said it had repelled the attack overnight. The army added that losses were light.')).toEqual([
      'Ukrainian army: it had repelled the attack overnight.',
      'Ukrainian army: losses were light.',
    ]);
  });

  it('gives the reported clause verbatim, as it stands in the sentence', () => {
    const text = 'Aid groups warned that up to 2.5 million people ... could go hungry by March.';
    const a = analyse(text);
    for (const q of a.quotes) expect(text).toContain(q.text);
    expect(quoteList(a, 'indirect')).toEqual(['Aid groups: up to 2.5 million people ... could go hungry by March.']);
  });

  it('gives a verb joined by "and" the subject of the first, and ends the first clause where the second verb joins', () => {
    expect(
      indirect('Ana Ruiz, the former housing minister, stressed her support of the 2019 law that ended the evictions during a debate hosted by City Radio and said she has the experience the job needs.'),
    ).toEqual([
      'Ana Ruiz: her support of the 2019 law that ended the evictions during a debate hosted by City Radio',
      'Ana Ruiz: she has the experience the job needs.',
    ]);
  });

  it('reads "that" after an object only for a verb that takes a hearer, and keeps "he thought that" in the clause', () => {
    expect(indirect('Karim Osei told reporters that the harbour would stay closed.')).toEqual(['Karim Osei: the harbour would stay closed.']);
    expect(indirect('Karim Osei said he thought that the harbour would stay closed.')).toEqual(['Karim Osei: he thought that the harbour would stay closed.']);
  });

  it('ends a reported clause where another speaker begins', () => {
    expect(indirect('When the mayor noted that the fund had paid no tax, Okafor boasted, "That makes me smart."')).toEqual(['the mayor: the fund had paid no tax']);
    expect(indirect('While Ana Ruiz acknowledged funding was a major reason for the delay, Ruiz also noted that the staff had left.')).toEqual([
      'Ana Ruiz: funding was a major reason for the delay',
      'Ana Ruiz: the staff had left.',
    ]);
  });

  it('reads "…, saying <clause>" as the words of the sentence\'s subject, ending where another of its verbs joins', () => {
    expect(indirect('Ana Ruiz attacked the council, saying the new rents would empty the harbour district, and reminded the audience of her record.')).toEqual([
      'Ana Ruiz: the new rents would empty the harbour district',
    ]);
    expect(indirect('On Sunday, Mayor Tom Berg defended the budget, arguing that the city could not borrow more.')).toEqual(['Tom Berg: the city could not borrow more.']);
  });

  it('gives "…, adding that …" after a direct quote to that quote\'s speaker, the quoted phrase inside it included', () => {
    expect(quoteList(analyse('"The deals should never have been signed," council leader Ana Ruiz said in a statement, adding that the permits were handed out "like candy."'))).toEqual([
      'Ana Ruiz: The deals should never have been signed,',
      'Ana Ruiz: the permits were handed out "like candy."',
    ]);
  });

  it('takes a role run before a name for the subject of a participle, and no name that only modifies a noun', () => {
    expect(indirect('Green Party mayoral candidate Ana Ruiz spoke on the radio, saying that the harbour must stay public.')).toEqual(['Ana Ruiz: the harbour must stay public.']);
    expect(indirect('Central European leaders who opposed the plan have embraced it, warning that the bridge will not last.')).toEqual([]);
    expect(indirect('The Herald and the city council went to court, arguing the records must be opened to the public.')).toEqual([]);
  });

  it('reads no participle that is not a speech verb', () => {
    expect(indirect('The storm hit the harbour town on Monday, leaving many families without power for days.')).toEqual([]);
  });

  it('keeps a quotation that only a name in its sentence attributes inside the clause that reports it, not as that name\'s words', () => {
    expect(quoteList(analyse('The Herald reports that Ana Ruiz\'s team left the hospital by a side door on Sunday in order to "keep the details of her treatment quiet."'))).toEqual([
      'The Herald: Ana Ruiz\'s team left the hospital by a side door on Sunday in order to "keep the details of her treatment quiet."',
    ]);
  });

  it('finds the subject before a participle\'s phrase that a time ends ("Mayor Ana Ruiz, opening the Museum of Flight on Saturday, said")', () => {
    expect(indirect('Mayor Ana Ruiz, opening the Museum of Flight on Saturday, said it would change the city for good.')).toEqual(['Ana Ruiz: it would change the city for good.']);
  });
});
