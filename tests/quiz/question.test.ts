// Quiz questions from real indexes: the bundled article, and a small document with too few speakers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runLine } from '../../src/console/run-line.ts';
import { buildIndex } from '../../src/corpus/index/build-index.ts';
import { parseDocument } from '../../src/corpus/load/load-file.ts';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { mulberry32 } from '../../src/corpus/text/random.ts';
import { composeDigest } from '../../src/digest/compose.ts';
import { BLANK, blankNames, makeQuestion } from '../../src/quiz/question.ts';
import { QuizStore } from '../../src/quiz/quiz-store.ts';
import { findSetting } from '../../src/settings/definitions.ts';
import { defaultSettings, GuildSettingsSchema, SETTINGS_VERSION } from '../../src/settings/schema.ts';
import { openStore } from '../../src/store/open-store.ts';
import { bundledIndex } from '../support/bundled-index.ts';

describe('blanking the speaker', () => {
  it('blanks the full name, the aliases and each capitalised part of the name, and nothing else', () => {
    const speaker = { name: 'Alexander Stubb', aliases: ['Mr Stubb', 'the Finnish president'] };
    expect(blankNames('Alexander Stubb said Stubb’s plan, as Mr Stubb put it, was stubborn.', speaker)).toBe(`${BLANK} said ${BLANK}’s plan, as ${BLANK} put it, was stubborn.`);
    expect(blankNames('As the Finnish president argued, Stubborn Finns…', speaker)).toBe(`As ${BLANK} argued, Stubborn Finns…`);
    expect(blankNames('The FSB said the FSB-run camp', { name: 'Federal Security Service', aliases: ['FSB'] })).toBe(`The ${BLANK} said the ${BLANK}-run camp`);
  });
});

describe('questions from the bundled article', () => {
  let query: CorpusQuery;
  beforeAll(async () => {
    query = new CorpusQuery(await bundledIndex());
  });

  it('asks about a real quote, with its speaker among four different speakers of the same kind where there are enough', () => {
    const speakers = query.speakers();
    const seen = new Set<number>();
    for (let seed = 1; seed <= 40; seed++) {
      const made = makeQuestion(query, {}, mulberry32(seed));
      if (!made.ok) throw new Error('no question');
      const q = made.question;
      expect(q.choices).toHaveLength(4);
      expect(new Set(q.choices.map((c) => c.name)).size).toBe(4);
      seen.add(q.answer);
      // The quote is in the index, said by the right choice.
      const doc = query.documents().find((d) => d.id === q.citation.documentId);
      const quote = doc?.quotes.find((x) => x.line === q.citation.line && x.text === q.said);
      expect(quote, q.said).toBeDefined();
      const speaker = speakers.find((s) => s.id === quote?.speakerId);
      expect(q.choices[q.answer]?.name).toBe(speaker?.name);
      expect(q.text).not.toContain(speaker?.name);
      // People with people, organisations with organisations, while the list has three others of the kind.
      const alike = speakers.filter((s) => s.kind === speaker?.kind && s.id !== speaker?.id).length;
      const kinds = q.choices.map((c) => speakers.find((s) => s.name === c.name)?.kind);
      expect(kinds.filter((k) => k === speaker?.kind).length).toBe(Math.min(4, alike + 1));
    }
    // The right answer is not always in the same place.
    expect(seen.size).toBeGreaterThan(2);
  });
});

describe('a reading list with fewer than four speakers', () => {
  it('gets a friendly message naming who is quoted, in the console too', async () => {
    const text = 'Harbour news\n\n"The pier will reopen in May," said Mayor Ann Lee.\n\n"We are ready," said Tom Berg, the harbour master.\n';
    const index = buildIndex([parseDocument('2025-05-01-harbour.txt', '2025-05-01-harbour.txt', 'txt', text)], 'small');
    const query = new CorpusQuery(index);
    expect(makeQuestion(query, {}, mulberry32(1))).toEqual({ ok: false, why: 'few-speakers', speakers: expect.arrayContaining(['Ann Lee', 'Tom Berg']) });
    const reply = await runLine({ query }, '/quiz');
    expect(reply.kind).toBe('not-found');
    expect(reply.ephemeral).toBe(true);
    expect(reply.title).toBe('Not enough speakers for a quiz');
    expect(reply.intro).toMatch(/at least four people or organisations quoted in the reading list, and this one has 2: (Ann Lee, Tom Berg|Tom Berg, Ann Lee)\./);
    expect(reply.quiz).toBeUndefined();
  });
});

describe('a reading list with four speakers and no quote that makes a question', () => {
  it('says that the quotes are what is missing, not the speakers', async () => {
    // Four speakers, each with a quote shorter than a question takes.
    const text =
      'Harbour news\n\n"The pier opens soon," said Mayor Ann Lee.\n\n"We are ready," said Tom Berg, the harbour master.\n\n"Good news," said Ferry captain Olle Sand.\n\n"Too costly," said the Harbour Board.\n';
    const query = new CorpusQuery(buildIndex([parseDocument('2025-05-02-harbour.txt', '2025-05-02-harbour.txt', 'txt', text)], 'small'));
    expect(query.speakers().map((s) => s.name).sort()).toEqual(['Ann Lee', 'Harbour Board', 'Olle Sand', 'Tom Berg']);
    expect(makeQuestion(query, {}, mulberry32(1))).toMatchObject({ ok: false, why: 'no-quote' });
    const reply = await runLine({ query }, '/quiz');
    expect(reply.kind).toBe('not-found');
    expect(reply.ephemeral).toBe(true);
    expect(reply.title).toBe('No quote for a quiz');
    expect(reply.intro).toMatch(/^None of the quotes of the 4 people or organisations in the reading list makes a question: a quiz takes words said or reported, 25 to 500 characters long/);
    expect(reply.quiz).toBeUndefined();
  });
});

describe('scores', () => {
  it('ranks a server’s ten best by right answers, then by fewest tries, apart from other servers', async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'lectern-quiz-'));
    const store = await openStore(`sqlite://${path.join(tmp, 'lectern.sqlite')}`, 'lectern');
    try {
      const quizzes = new QuizStore(store);
      const made = makeQuestion(new CorpusQuery(await bundledIndex()), {}, mulberry32(7));
      if (!made.ok) throw new Error('no question');
      const wrong = (made.question.answer + 1) % 4;
      // Twelve members; member i answers i quizzes right and one wrong.
      for (let i = 0; i < 12; i++) {
        for (let k = 0; k <= i; k++) {
          const quiz = await quizzes.open('100000000000000001', made.question, 0);
          expect(await quizzes.press(quiz.id, { id: `u${i}`, name: `Member ${i}` }, k === 0 ? wrong : made.question.answer, 1)).toMatchObject({ kind: 'answered', right: k !== 0 });
        }
      }
      const other = await quizzes.open('100000000000000002', made.question, 0);
      await quizzes.press(other.id, { id: 'x', name: 'Elsewhere' }, made.question.answer, 1);
      const top = await quizzes.top('100000000000000001');
      expect(top.map((s) => s.name)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2].map((i) => `Member ${i}`));
      expect(top[0]).toMatchObject({ right: 11, answered: 12 });
      expect((await quizzes.top('100000000000000002')).map((s) => s.name)).toEqual(['Elsewhere']);
    } finally {
      await store.disconnect();
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('a quiz in the daily digest', () => {
  it('is a `digest-content` part, off for servers that never chose it', () => {
    const def = findSetting('digest-content');
    const parsed = def?.parse('quote, quiz');
    if (!def || !parsed?.ok) throw new Error('digest-content refused quiz');
    const after = parsed.apply(defaultSettings());
    expect(after.digest.content).toEqual({ quote: true, onThisDay: false, section: false, quiz: true });
    expect(def.show(after)).toBe('quote, quiz');
    expect(def.parse('quizz')).toEqual({ ok: false, message: 'Content must list any of `quote`, `on-this-day`, `section`, `quiz`, e.g. `quote,section,quiz`.' });
    // A record stored before the quiz existed reads as without it.
    const stored = { version: SETTINGS_VERSION, digest: { content: { quote: true, onThisDay: true, section: true } } };
    expect(GuildSettingsSchema.parse(stored).digest.content.quiz).toBe(false);
    expect(defaultSettings().digest.content.quiz).toBe(false);
  });

  it('draws the same question for a day in the preview and the post, and none when the list is too small', async () => {
    const query = new CorpusQuery(await bundledIndex());
    const input = { query, documents: new Set(query.documents().map((d) => d.id)), content: { quote: false, onThisDay: false, section: false, quiz: true }, state: { quotes: [], sections: [] } };
    const day = composeDigest({ ...input, localDate: '2026-09-02' });
    expect(day.reply.quiz?.question.choices).toHaveLength(4);
    expect(day.reply.items.map((i) => i.heading)).toEqual(['Quiz — who said it? (press a name below)']);
    expect(composeDigest({ ...input, localDate: '2026-09-02' }).reply.quiz).toEqual(day.reply.quiz);
    const questions = new Set(['2026-09-03', '2026-09-04', '2026-09-05', '2026-09-06'].map((localDate) => composeDigest({ ...input, localDate }).reply.quiz?.question.said));
    expect(questions.size).toBeGreaterThan(1);
    expect(composeDigest({ ...input, documents: new Set(), localDate: '2026-09-02' })).toMatchObject({ empty: true, reply: { items: [] } });
  });
});
