import { describe, expect, it } from 'vitest';
import { parseMention } from '../../../src/corpus/speakers/mention.ts';
import type { Speaker } from '../../../src/corpus/types.ts';
import { analyse, quoteList } from '../helpers.ts';

const speaker = (speakers: Speaker[], name: string) => speakers.find((s) => s.name === name);

describe('parseMention', () => {
  it.each([
    ['President Alexander Stubb of Finland', 'Alexander Stubb', 'person', 'President of Finland'],
    ['NATO Secretary-General Mark Rutte', 'Mark Rutte', 'person', 'NATO Secretary-General'],
    ['French President Emmanuel Macron', 'Emmanuel Macron', 'person', 'French President'],
    ['Mr Stubb', 'Stubb', 'person', null],
    ['Dr. Amina Okafor', 'Amina Okafor', 'person', null],
    ["Russia's Federal Security Service (FSB)", 'Federal Security Service', 'organisation', null],
    ['the Kiel Institute for the World Economy', 'Kiel Institute for the World Economy', 'organisation', null],
    ['the Bank of England', 'Bank of England', 'organisation', null],
    ['Secretary of State John F. Kerry', 'John F. Kerry', 'person', 'Secretary of State'],
    ['Minister of Foreign Affairs Anna Lind', 'Anna Lind', 'person', 'Minister of Foreign Affairs'],
    // A title that is also a surname, after a first name or an honorific and with no "the".
    ['Charlie King', 'Charlie King', 'person', null],
    ['Mr. King', 'King', 'person', null],
    ['Ann Bishop', 'Ann Bishop', 'person', null],
  ])('%s → %s', (phrase, name, kind, role) => {
    const m = parseMention(phrase);
    expect(m).toMatchObject({ name, kind, role, reference: 'name' });
  });

  it('keeps the acronym and the possessive place of an organisation', () => {
    expect(parseMention("Russia's Federal Security Service (FSB)")).toMatchObject({ acronym: 'FSB', qualifier: 'Russia' });
  });

  it('reads pronouns and definite descriptions as references, not names', () => {
    expect(parseMention('she')).toMatchObject({ reference: 'pronoun', kind: 'person' });
    expect(parseMention('the company')).toMatchObject({ reference: 'description', kind: 'organisation', head: 'company' });
  });

  it('reads what the text names with "the" and no title as a place or body, not a person', () => {
    expect(parseMention('the Middle East')).toMatchObject({ name: 'Middle East', kind: 'organisation' });
    expect(parseMention('the Pentagon')).toMatchObject({ name: 'Pentagon', kind: 'organisation' });
    expect(parseMention('the Rev. Peter Wherry')).toMatchObject({ name: 'Peter Wherry', kind: 'person' });
  });

  it('does not read a line in capitals as a person ("MIDWAY ATOLL -")', () => {
    expect(parseMention('MIDWAY ATOLL')).toBeNull();
    expect(parseMention('Midway Atoll')).toMatchObject({ kind: 'person' });
  });

  it('does not make a name of lower-case words or of a lone function word', () => {
    expect(parseMention('many people in the town')).toBeNull();
    expect(parseMention('However')).toBeNull();
  });
});

describe('speakers of a document', () => {
  const text = [
    'President Alexander Stubb of Finland said that neutrality had served his country well.',
    'Mr Stubb added that Ukraine faced a harder choice.',
    '"We had no choice," Stubb said.',
    "Russia's Federal Security Service (FSB) claimed that it had found the launch sites.",
    'The FSB said that the operation was over.',
  ].join('\n');
  const a = analyse(text);

  it('merges full name, title and surname into one speaker with aliases', () => {
    const stubb = speaker(a.speakers, 'Alexander Stubb');
    expect(stubb?.aliases).toEqual(expect.arrayContaining(['President Alexander Stubb of Finland', 'Mr Stubb', 'Stubb']));
    expect(stubb?.roles).toContain('President of Finland');
    expect(a.quotes.filter((q) => q.speakerId === stubb?.id)).toHaveLength(3);
  });

  it('merges an organisation with its acronym', () => {
    const fsb = speaker(a.speakers, 'Federal Security Service');
    expect(fsb?.kind).toBe('organisation');
    expect(fsb?.aliases).toContain('FSB');
    expect(a.quotes.filter((q) => q.speakerId === fsb?.id)).toHaveLength(2);
  });

  it('lists only the speakers who are quoted', () => {
    expect(a.speakers.map((s) => s.name).sort()).toEqual(['Alexander Stubb', 'Federal Security Service']);
  });

  it('gives the same person the same id in two documents', () => {
    const other = analyse('"Finland is ready," said Alexander Stubb.');
    expect(other.speakers[0]?.id).toBe(speaker(a.speakers, 'Alexander Stubb')?.id);
  });

  it('gives a publication its definite name ("The New York Times")', () => {
    const b = analyse('The New York Times reported that the army had run short of shells.');
    expect(b.speakers.map((s) => s.name)).toEqual(['The New York Times']);
  });

  it('gives "he" to the person, not to a place named with "the" after him', () => {
    const b = analyse('Donald Trump spoke at the forum.\nTrump told the forum he was "totally against the war in Iraq" because it destabilized the Middle East. "I have good judgment," he said.');
    expect(b.speakers.map((s) => s.name)).toEqual(['Donald Trump']);
  });

  it('does not give "the company" to a place named in passing with "the"', () => {
    const b = analyse('Northwind Energy Inc. opened a plant in the United States last year.\nThe company said that sales had doubled.');
    expect(quoteList(b)).toEqual(['Northwind Energy Inc: sales had doubled.']);
  });

  it('names no one from the capitals of a title', () => {
    const b = analyse('Obama Sees Personal Insult if Voters Stay Home.\n\nThe president spoke on Saturday.\n\n"It is a shot in the arm," he said.');
    expect(b.speakers.map((s) => s.name)).not.toContain('Obama Sees');
  });

  it('keeps a role or kind written in lower case before the name ("Braga mayor Ricardo Rio")', () => {
    expect(parseMention('Braga mayor Ricardo Rio')).toMatchObject({ name: 'Ricardo Rio', kind: 'person', role: 'Braga mayor' });
    expect(parseMention('spokesperson Francisco Ferreira')).toMatchObject({ name: 'Francisco Ferreira', role: 'spokesperson' });
    expect(parseMention('Meteorologist Ana Sousa')).toMatchObject({ name: 'Ana Sousa', role: 'Meteorologist' });
    expect(parseMention('Environmental group Zero')).toMatchObject({ name: 'Zero', kind: 'organisation', role: 'environmental group' });
    expect(parseMention('Adam Driver')).toMatchObject({ name: 'Adam Driver', role: null });
  });

  it('gives "he" to the person who opened the sentence before, over an earlier speaker', () => {
    const b = analyse(
      [
        '"We have never seen water levels like this," Braga mayor Ricardo Rio told the Lusa news agency.',
        'Prime Minister Luis Montenegro visited the area on Sunday. Speaking to reporters in Porto, he said the government would help the families affected.',
      ].join('\n\n'),
    );
    expect(quoteList(b)).toEqual(['Ricardo Rio: We have never seen water levels like this,', 'Luis Montenegro: the government would help the families affected.']);
  });

  it('gives "the group" to the body introduced as a group, not to the last body that spoke', () => {
    const b = analyse(
      [
        'According to the national weather service IPMA, more rain is expected until Thursday.',
        'Environmental group Zero criticised the authorities. "Building on flood plains has been allowed for decades," spokesperson Francisco Ferreira said. The group said that planning rules must be reviewed.',
      ].join('\n\n'),
    );
    expect(quoteList(b, 'indirect')).toContain('Zero: planning rules must be reviewed.');
  });

  it('does not merge two people who share a surname', () => {
    const b = analyse('Anna Berg said that prices were falling. Erik Berg said that prices were rising.');
    expect(quoteList(b)).toEqual(['Anna Berg: prices were falling.', 'Erik Berg: prices were rising.']);
  });

  it('resolves "he" to the nearest man-or-woman-neutral person, skipping organisations', () => {
    const b = analyse('Lukas Meyer met the board of Orbital Systems on Monday. He said that the launch would slip.');
    expect(quoteList(b)).toEqual(['Lukas Meyer: the launch would slip.']);
  });

  it('resolves a bare surname after a full name to the same person', () => {
    const b = analyse('Defence Minister Hanna Virtanen visited the border. Virtanen said that more troops were coming.');
    expect(quoteList(b)).toEqual(['Hanna Virtanen: more troops were coming.']);
    expect(speaker(b.speakers, 'Hanna Virtanen')?.roles).toContain('Defence Minister');
  });

  it('reads a speech verb written before its speaker as no part of the name', () => {
    const a = analyse('“It is hard to avoid,” said Rosa Ellingham, a tax consultant.\n\nThe plan says little. Said Ellingham: “I do not get the sense anyone is interested in reform.”');
    expect(quoteList(a, 'direct')).toEqual(['Rosa Ellingham: It is hard to avoid,', 'Rosa Ellingham: I do not get the sense anyone is interested in reform.']);
  });

  it('keeps a run of lower-case role words before a name as the role, and finds the person by it later', () => {
    const a = analyse(
      'Green Party mayoral candidate Ines Okoro toured the harbour on Thursday.\n\nThe Green Party mayoral candidate noted on Friday that her campaign had raised little.\n\nShe said, “We have big plans for the final month.”',
    );
    expect(speaker(a.speakers, 'Ines Okoro')?.roles).toContain('Green Party mayoral candidate');
    expect(quoteList(a)).toEqual(['Ines Okoro: her campaign had raised little.', 'Ines Okoro: We have big plans for the final month.']);
  });

  it('gives "he" to a person named again by surname alone, over the speaker of the last quote', () => {
    const a = analyse(
      'Senator Paul Okafor said on Monday that the tax code was broken.\n\n“It is hard to avoid,” said Rosa Ellingham, a tax consultant.\n\nBut some note that Okafor — even as he says his record makes him the right choice — has proposed little.',
    );
    // The clause opened inside the dashes ends at the second one.
    expect(quoteList(a, 'indirect')).toEqual(['Paul Okafor: the tax code was broken.', 'Paul Okafor: his record makes him the right choice']);
  });

  it('finds the speaker before an age, a home town and a relative clause, not the last capital in them', () => {
    const a = analyse('Marta Quispe, 59, of Ashton, Md., who watched the ceremony on a screen on the Mall, said the event brought back memories of her father.');
    expect(quoteList(a)).toEqual(['Marta Quispe: the event brought back memories of her father.']);
  });

  it('reads "Having said that" as no speaker', () => {
    const a = analyse('Companies should pay some form of taxes. Having said that, there are some economists who argue that corporate taxes should be very low.');
    expect(a.speakers.map((s) => s.name)).not.toContain('Having');
  });

  it('gives "who" the name before it, over its appositive', () => {
    const a = analyse('The mayor has had a frosty relationship with Ines Okoro, now the council leader, who in 2019 said the harbour plan was a fantasy.');
    expect(quoteList(a)).toEqual(['Ines Okoro: the harbour plan was a fantasy.']);
  });

  it('joins "Mr. King said" to the Charlie King quoted before, and "Mr. Morgan" to Peter Morgan', () => {
    const a = analyse('"Turnout makes a difference," said Charlie King, a prominent Democrat. Mr. King said the party must work harder.');
    expect(quoteList(a)).toEqual(['Charlie King: Turnout makes a difference,', 'Charlie King: the party must work harder.']);
    const b = analyse('Peter Morgan, a lawyer for the river trust, spoke last. Mr. Morgan said the deal was the least bad outcome.');
    expect(quoteList(b)).toEqual(['Peter Morgan: the deal was the least bad outcome.']);
  });

  it('keeps a title after a people\'s adjective or "the" a title, not a surname', () => {
    expect(parseMention('the Saudi King')).toMatchObject({ reference: 'description', head: 'king' });
    expect(parseMention('Spanish King')).toMatchObject({ reference: 'description', head: 'king' });
    expect(parseMention('Deputy Chief')).toMatchObject({ reference: 'description', head: 'chief' });
  });

  it('reads the plural of a party or a people as a group that no "he" reaches for, and a surname ending in -s as a person', () => {
    expect(parseMention('Republicans')?.kind).toBe('group');
    expect(parseMention('Europeans')?.kind).toBe('group');
    expect(parseMention('Sanders')?.kind).toBe('person');
    const a = analyse('Lena Holm spoke first. Republicans said the bill would fail in the Senate.\n\nHe said the vote would come on Friday.');
    expect(quoteList(a)).toEqual(['Republicans: the bill would fail in the Senate.', 'Lena Holm: the vote would come on Friday.']);
  });

  it('gives "she said" to the person a title and surname made the subject of the sentence before ("Ms. Berg thanked …")', () => {
    const a = analyse('Anna Berg opened the meeting. Tom Lind, the treasurer, said the accounts were in order.\n\nMs. Berg thanked the staff. Then she said the budget would be cut next year.');
    expect(quoteList(a)).toEqual(['Tom Lind: the accounts were in order.', 'Anna Berg: the budget would be cut next year.']);
  });

  it('gives a "he" after "their coach said" in the same sentence to the coach, not to the person quoted before', () => {
    const a = analyse(
      '"We never stopped believing," said Rosa Delgado, the Harbour City manager.\n\nThe clubs meet again in the cup, when Northgate will have home advantage and, their coach said, a point to prove after a result that he called the hardest of his career so far.',
    );
    expect(quoteList(a).filter((q) => q.startsWith('Rosa Delgado'))).toEqual(['Rosa Delgado: We never stopped believing,']);
  });
});
