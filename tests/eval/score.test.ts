// The port of the reference scorer, on hand-made gold and exports that each exercise its rules; when the reference
// (../shared/tools/score.mjs) is beside the clone, it must print the same figures and misses on every one.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ContractExport } from '../../src/corpus/export.ts';
import { readGold } from '../../src/eval/gold.ts';
import { score, scoreLine, speakerMatches } from '../../src/eval/score.ts';

type Quote = ContractExport['documents'][number]['quotes'][number];
type Event = ContractExport['documents'][number]['events'][number];
const q = (speaker: string, text: string): Quote => ({ speaker, aliases: [], text, kind: 'direct', line: 1 });
const ev = (date: string, text: string, expression = ''): Event => ({ date, text, expression, line: 1 });
const doc = (file: string, quotes: Quote[], events: Event[] = []) => ({ file, title: file, published: null, quotes, events, sections: [] });

interface Case {
  name: string;
  /** Gold files by file name, as JSON would hold them. */
  gold: Record<string, unknown>;
  exported: ContractExport;
  expected: { quotes: [number, number, number, number]; speakers: [number, number]; events: [number, number, number, number] };
  misses: string[];
}

// expected.quotes: [predicted, correct, gold, found]; speakers: [gold, found]; events: [predicted, correct, gold, found].
const CASES: Case[] = [
  {
    name: 'surnames, STOP words and accents',
    gold: {
      'a.json': {
        document: 'a.txt',
        speakers: ['Alexander Stubb', 'Ursula von der Leyen', 'Fire Point', 'Risto Penttilä'],
        events: [],
        quotes: [
          { speaker: 'Alexander Stubb', aliases: [], text: 'Finland chose its own path in the end' },
          { speaker: 'Ursula von der Leyen', aliases: ['von der Leyen'], text: 'Ukraine must become a steel porcupine' },
          { speaker: 'Fire Point', aliases: ['the company'], text: 'it makes one missile per day' },
          { speaker: 'Risto Penttilä', aliases: [], text: 'Finland was never neutral at heart' },
        ],
      },
    },
    exported: {
      documents: [
        doc('a.txt', [
          q('President Stubb', 'Finland chose its own path'), // "president" is a STOP word; the surname alone names him
          q('Leyen', 'Ukraine must become a steel porcupine'),
          q('The company', 'it makes one missile per day'), // an alias, "the" dropped
          q('Penttila', 'Finland was never neutral'), // accents are dropped
          q('Stubb Foundation', 'Finland chose its own path in the end'), // contains the surname but ends otherwise
          q('The President', 'Ukraine must become a steel porcupine'), // only STOP words: names nobody
        ]),
      ],
    },
    expected: { quotes: [6, 4, 4, 4], speakers: [4, 4], events: [0, 0, 0, 0] },
    misses: ['a.txt: quote wrong: Stubb Foundation: Finland chose its own path in the end', 'a.txt: quote wrong: The President: Ukraine must become a steel porcupine'],
  },
  {
    name: 'unnamed sources and non-speech cues are not scored',
    gold: {
      'b.json': {
        document: 'b.txt',
        speakers: ['Jane Doe'],
        events: [],
        quotes: [
          { speaker: 'officials', aliases: [], text: 'the talks will resume next week in Geneva', named: false },
          { speaker: 'Jane Doe', aliases: [], text: 'the sanctions are working as intended', speech: false },
          { speaker: 'Jane Doe', aliases: ['Doe'], text: 'we will never give up the fight' },
        ],
      },
    },
    exported: {
      documents: [
        doc('b.txt', [
          q('John Smith', 'the talks will resume next week in Geneva'), // overlaps only an unnamed source: neither way
          q('Jane Doe', 'the sanctions are working as intended'), // right for precision, though not in recall
          q('Doe', 'we will never give up'),
          q('John Smith', 'we will never give up the fight'),
        ]),
      ],
    },
    expected: { quotes: [3, 2, 1, 1], speakers: [1, 1], events: [0, 0, 0, 0] },
    misses: ['b.txt: quote wrong: John Smith: we will never give up the fight'],
  },
  {
    name: 'one prediction over several gold quotes of its speaker (the 0.6 rule)',
    gold: {
      'c.json': {
        document: 'c.txt',
        speakers: [],
        events: [],
        quotes: [
          { speaker: 'Jane Doe', aliases: [], text: 'alpha beta gamma delta kappa' },
          { speaker: 'Jane Doe', aliases: [], text: 'epsilon zeta eta theta lambda' },
        ],
      },
    },
    exported: {
      documents: [
        doc('c.txt', [
          q('Doe', 'alpha beta epsilon zeta iota'), // 0.4 of each gold quote, 0.8 of both together: right
          q('Smith', 'alpha beta epsilon zeta iota'),
          q('Doe', 'alpha epsilon iota omicron pi'), // 0.4 of both together: wrong
        ]),
      ],
    },
    expected: { quotes: [3, 1, 2, 0], speakers: [0, 0], events: [0, 0, 0, 0] },
    misses: [
      'c.txt: quote missed: Jane Doe: alpha beta gamma delta kappa',
      'c.txt: quote missed: Jane Doe: epsilon zeta eta theta lambda',
      'c.txt: quote wrong: Smith: alpha beta epsilon zeta iota',
      'c.txt: quote wrong: Doe: alpha epsilon iota omicron pi',
    ],
  },
  {
    name: 'events: finer dates inside coarser ones, and unscored events',
    gold: {
      'd.json': {
        document: 'd.txt',
        speakers: [],
        quotes: [],
        events: [
          { date: '2025-08', evidence: 'The factory continued to burn throughout August' },
          { date: '2025-08-29', evidence: 'The video of the fire is published today' },
          { date: '1944', evidence: 'Finland signed the armistice in 1944', scored: false },
        ],
      },
    },
    exported: {
      documents: [
        doc(
          'd.txt',
          [],
          [
            ev('2025-08-29', 'The factory continued to burn throughout August near Kiev'), // a day inside the month
            ev('2025-08', 'The video of the fire is published today'), // a month is not inside a day
            ev('1944', 'Finland signed the armistice in 1944'), // matches only an unscored event: neither way
            ev('2025-08-30', 'The video of the fire is published today'),
          ],
        ),
      ],
    },
    expected: { quotes: [0, 0, 0, 0], speakers: [0, 0], events: [3, 1, 2, 1] },
    misses: [
      'd.txt: event missed: 2025-08-29: The video of the fire is published today',
      'd.txt: event wrong: 2025-08:  | The video of the fire is published today',
      'd.txt: event wrong: 2025-08-30:  | The video of the fire is published today',
    ],
  },
  {
    name: 'events found by their expression; gold naming no document names the .txt of its file',
    gold: {
      'e.json': {
        speakers: [],
        quotes: [],
        events: [
          { date: '1998-08-07', expression: 'Friday', evidence: 'The talks ended on Friday', mode: 'expression' },
          { date: '1998-08', expression: 'last August', evidence: 'It rose sharply last August', mode: 'expression' },
        ],
      },
    },
    exported: {
      documents: [
        doc(
          'e.txt',
          [],
          [
            ev('1998-08-07', 'The talks ended on Friday, officials said', 'on Friday'), // the expression's words in the text
            ev('1998-08', 'It rose sharply', 'last August'), // the same expression
            ev('1998-08-07', 'Fridays are quiet', 'Fridays'), // "fridays" is not the word "friday"
          ],
        ),
      ],
    },
    expected: { quotes: [0, 0, 0, 0], speakers: [0, 0], events: [3, 2, 2, 2] },
    misses: ['e.txt: event wrong: 1998-08-07: Fridays | Fridays are quiet'],
  },
];

const tmp = mkdtempSync(path.join(tmpdir(), 'lectern-score-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const REFERENCE = path.resolve('../shared/tools/score.mjs');

/** Writes a case as the files the reference scorer reads: an export and a gold folder. */
function writeCase(c: Case, i: number): { exportFile: string; goldDir: string } {
  const goldDir = path.join(tmp, `case-${i}`, 'gold');
  mkdirSync(goldDir, { recursive: true });
  for (const [name, g] of Object.entries(c.gold)) writeFileSync(path.join(goldDir, name), JSON.stringify(g));
  const exportFile = path.join(tmp, `case-${i}`, 'export.json');
  writeFileSync(exportFile, JSON.stringify(c.exported));
  return { exportFile, goldDir };
}

describe('the scorer, ported from the reference', () => {
  CASES.forEach((c, i) => {
    it(c.name, async () => {
      const { exportFile, goldDir } = writeCase(c, i);
      const s = score(c.exported, await readGold(goldDir));
      expect([s.quotes.predicted, s.quotes.correct, s.quotes.gold, s.quotes.found]).toEqual(c.expected.quotes);
      expect([s.speakers.gold, s.speakers.found]).toEqual(c.expected.speakers);
      expect([s.events.predicted, s.events.correct, s.events.gold, s.events.found]).toEqual(c.expected.events);
      expect(s.misses).toEqual(c.misses);
      if (existsSync(REFERENCE)) {
        const out = execFileSync(process.execPath, [REFERENCE, exportFile, goldDir], { encoding: 'utf8', env: { ...process.env, SCORE_VERBOSE: '1' } });
        expect(out.trimEnd().split('\n')).toEqual([...s.misses, scoreLine(s)]);
      }
    });
  });

  it('prints the figures as the reference does', async () => {
    const s = score(CASES[0]!.exported, await readGold(writeCase(CASES[0]!, 0).goldDir));
    expect(scoreLine(s)).toBe('quotes P=0.667 R=1.000 F1=0.800 (6 predicted, 4 gold); speakers R=1.000; events R=0.000 P~0.000 (0 predicted, 0 gold)');
  });

  it('matches a speaker by its last word only when one side is a single word or both end with it', () => {
    const gold = { speaker: 'Alexander Stubb', aliases: [] };
    expect(speakerMatches('Anna Stubb', gold)).toBe(true);
    expect(speakerMatches('Stubb', gold)).toBe(true);
    expect(speakerMatches('Stubb Foundation', gold)).toBe(false);
    expect(speakerMatches('Stubb Foundation', { speaker: 'Stubb', aliases: [] })).toBe(true);
    expect(speakerMatches('Mr', gold)).toBe(false);
  });

  it('names a gold file that is not gold, and what is wrong with it', async () => {
    const dir = path.join(tmp, 'bad');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'x.json'), JSON.stringify({ quotes: [{ speaker: 'A' }] }));
    await expect(readGold(dir)).rejects.toThrow(/x\.json is not gold: quotes\.0\.text/);
  });
});
