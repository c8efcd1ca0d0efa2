// Whole documents written for these tests in two styles the engine meets: a short news report that names its
// speakers with roles, kinds and pronouns, and an opinion post that pastes excerpts without quotation marks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse } from './helpers.ts';

const text = (name: string) => readFileSync(new URL(`./texts/${name}`, import.meta.url), 'utf8');
const who = (name: string) => {
  const a = analyse(text(name));
  return a.quotes.map((q) => {
    const s = a.speakers.find((sp) => sp.id === q.speakerId);
    return `${q.kind} ${s?.name}${q.role ? ` [${q.role}]` : ''}: ${q.text.slice(0, 40)}`;
  });
};

describe('a news report', () => {
  const quotes = who('news-report.txt');

  it('gives every quote its speaker, with the role the text gave', () => {
    expect(quotes).toEqual([
      'indirect Civil Protection Authority: rivers in the Minho and Douro regions ha',
      'direct Ricardo Rio [Braga mayor]: We have never seen water levels like thi',
      'direct Ricardo Rio: Whole streets are under a metre of water',
      'indirect Luís Montenegro: the government would "do everything nece',
      'indirect IPMA [service]: more rain is expected until Thursday.',
      'indirect Ana Sousa [Meteorologist]: the storms were caused by a low-pressure',
      'direct Francisco Ferreira [spokesperson]: Building on flood plains has been allowe',
      'indirect Zero: a review of planning rules',
      'indirect Maria Costa [Local resident]: she had lost everything',
      'direct Maria Costa: The water came in the night. We had ten ',
    ]);
  });
});

describe('a report with titles, relative clauses, bodies and a quote inside reported speech', () => {
  const quotes = who('council-report.txt');

  it('gives each quote one speaker, as the text introduced them', () => {
    expect(quotes).toEqual([
      'indirect Priya Nair [Councillor of the Liberal Democrats]: the decision was "a turning point for th',
      'direct Tom Baxter: This is a fantasy budget,',
      'direct Tom Baxter: Nobody has checked the numbers.',
      'direct Martin Okoye: We have waited a long time for this,',
      'direct Martin Okoye: and the fans deserve it.',
      "indirect Stefan Vogel [Deutsche Bank's chief economist]: the project would add about 400 jobs",
      'indirect police: two people had been arrested outside the',
      'indirect the club: Tickets for the first match go on sale n',
      'indirect Riverside Echo: construction could start in January.',
      'indirect Riverside Echo: the final cost had not been agreed.',
      'direct Helen Wu [Mayor]: the biggest investment in a generation.',
      'indirect Helen Wu: work would begin next year.',
      'indirect Anna Kovacs: she feared the noise.',
      'indirect David Reyes: he was looking forward to it.',
    ]);
  });
});

describe('a report with particles, ages and an "according to" that names a body', () => {
  const quotes = who('treaty-report.txt');

  it('keeps the particle with the surname, the age out of the name and the body behind a spokesperson', () => {
    expect(quotes).toContain('direct Alberto van Klaveren: This is a day for our two peoples,');
    expect(quotes).toContain('indirect Peruvian agriculture ministry: about 12,000 farmers depend on the river');
    expect(quotes).toContain('indirect Luis Quispe [farmer in the Tacna region]: he had not been consulted.');
    expect(quotes.filter((q) => / 54\b/.test(q.split(':')[0] ?? ''))).toEqual([]);
  });
});

describe('an opinion post with pasted excerpts', () => {
  const quotes = who('opinion-post.txt');

  it('reads each excerpt as its publication\'s words, and the people quoted inside in their own right', () => {
    expect(quotes.filter((q) => q.startsWith('block'))).toEqual([
      'block The Guardian: More than 1.3 million households are now',
      'block The Guardian: Councils say they cannot build fast enou',
      'block The Guardian: "We are running out of options," said Ja',
      'block The Financial Times: Private rents rose 9 percent in the year',
      'block The Financial Times: Landlords blame higher mortgage costs. T',
      'block Resolution Foundation: Young adults today are far less likely t',
    ]);
    expect(quotes).toContain('direct Jane Hollis [housing lead at the Local Government Association]: We are running out of options,');
    expect(quotes).toContain('indirect Office for National Statistics: Private rents rose 9 percent in the year');
  });

  it('leaves the author\'s own comments and questions out of the excerpts', () => {
    const blocks = quotes.filter((q) => q.startsWith('block')).join('\n');
    for (const own of ['That last line', 'Make of that', 'What would help', 'I\'d add']) expect(blocks).not.toContain(own);
  });
});
