// The answers members tripped over, asked of the bundled article as they typed them.
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/command.ts';
import { startConsole } from '../../src/console/repl.ts';
import { renderText } from '../../src/console/render-text.ts';
import { runLine } from '../../src/console/run-line.ts';
import { buildIndex } from '../../src/corpus/index/build-index.ts';
import { parseDocument } from '../../src/corpus/load/load-file.ts';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { bundledIndex } from '../support/bundled-index.ts';
import { consoleText } from '../../src/console/draw-spans.ts';

let ctx: CommandContext;
beforeAll(async () => {
  ctx = { query: new CorpusQuery(await bundledIndex()) };
});
const ask = (line: string) => runLine(ctx, line);

describe('/event', () => {
  it('reads a range given the wrong way round as the range, and says it swapped it', async () => {
    const reply = await ask('/event date:Aug 31 - Aug 1');
    const inOrder = await ask('/event date:Aug 1 - Aug 31');
    expect(reply.kind).toBe('answer');
    expect(reply.intro).toBe('Read as 1 August – 31 August (the dates were the other way round). 6 events between 1 August and 31 August.');
    expect(reply.items).toEqual(inOrder.items);
  });

  it('gives the nearest events for every kind of date that has none: a year, a day without a year, a range', async () => {
    const year = await ask('/event date:1945');
    expect(year.intro).toBe('Nothing in 1945; the nearest events:');
    // 1944 and 1939 are the closest years with events; then 2025 ("by this fall", dated to the year alone).
    expect(year.items.map((i) => i.heading)).toEqual(['1939 (nearest)', '1944 (nearest)', '2025 (nearest)']);
    const christmas = await ask('/event date:Dec 25');
    expect(christmas.intro).toBe('Nothing on 25 December; the nearest events:');
    expect(christmas.items.length).toBeGreaterThan(0);
    const range = await ask('/event date:2030-01-01..2030-02-01');
    expect(range.intro).toBe('Nothing between 1 January 2030 and 1 February 2030; the nearest events:');
    expect(range.items.every((i) => consoleText(i.heading ?? '').endsWith('(nearest)'))).toBe(true);
    // Nothing within a century is near.
    const far = await ask('/event date:9999');
    expect([far.title, far.intro]).toEqual(['Nothing found', 'Nothing dated 9999 in the reading list.']);
  });

  it('accepts year ranges, day-first numeric dates and dotted dates', async () => {
    const years = await ask('/event date:1939-1944');
    expect(years.intro).toBe('2 events between 1939 and 1944.');
    expect(years.items.map((i) => i.heading)).toEqual(['1939', '1944']);
    for (const date of ['29/8', '29.08.2025', '8/29']) {
      const reply = await ask(`/event date:${date}`);
      expect(reply.kind, date).toBe('answer');
      expect(reply.items.filter((i) => i.heading === '2025-08-29'), date).toHaveLength(2);
    }
  });

  it('counts "in" a year or a month and "on" a day', async () => {
    expect((await ask('/event date:2025')).intro).toBe('12 events in 2025.');
    expect((await ask('/event date:August 2025')).intro).toBe('6 events in August 2025, and what happened around it.');
    expect((await ask('/event date:Aug-29')).intro).toBe('2 events on 29 August, and what happened around it.');
  });
});

describe('titles', () => {
  it('calls a mistake in an option "Check that option", and a valid question with no answer "Nothing found"', async () => {
    const mistakes = ['/timeline from:yesterday', '/timeline from:2025-09-01 to:2025-08-01', '/event date:Feb-30', '/quote speaker:!!!', '/summary section:   '];
    for (const line of mistakes) {
      const reply = await ask(line);
      expect(reply.title, line).toBe('Check that option');
      expect(reply.kind, line).toBe('invalid');
    }
    for (const line of ['/search query:zebra', '/quote speaker:Moon of Alabama', '/timeline from:2030-01-01']) {
      const reply = await ask(line);
      expect(reply.title, line).toBe('Nothing found');
      expect(reply.kind, line).toBe('not-found');
    }
  });
});

describe('"did you mean"', () => {
  it('offers only names close to what was typed', async () => {
    expect((await ask('/quote speaker:Stub')).suggestions).toEqual(['Alexander Stubb']);
    expect((await ask('/quote speaker:Getmanchk')).suggestions).toEqual(['Alyona Getmanchuk']);
    const far = await ask('/quote speaker:Moon of Alabama');
    expect(far.suggestions).toEqual([]);
    expect(far.intro).toBe('No quotes from "Moon of Alabama".');
    const doc = await ask('/quote speaker:Stubb document:nothing');
    expect(doc.suggestions).toEqual([]);
    expect(doc.intro).toBe('No document matches "nothing".');
    expect((await ask('/quote speaker:Stubb document:fruitles discusions')).kind).toBe('not-found');
    expect((await ask('/quote speaker:Stubb document:fruitles discusions')).suggestions).toEqual(["Fruitless discussions about 'security guarantees' for Ukraine continue"]);
    expect((await ask('/summary section:zzzzqqq')).suggestions).toEqual([]);
    expect((await ask('/summary section:finlandisation')).kind).toBe('answer');
  });

  it('says whose role holds a name that nobody is quoted under', async () => {
    const reply = await ask('/quote speaker:NATO');
    expect(reply.title).toBe('Nothing found');
    expect(reply.intro).toBe('No quotes attributed to "NATO"; Alyona Getmanchuk, Ukraine\'s new ambassador to NATO, has 4 quotes; Mark Rutte, NATO Secretary-General, has 1 quote.');
  });
});

describe('/speakers and /quote', () => {
  it('lists each other name once, however the text spelled the article', async () => {
    const reply = await ask('/speakers');
    const line = (name: string) => reply.items.find((i) => i.heading === name)?.text ?? '';
    expect(line('Fire Point')).toMatch(/also: the company$/);
    expect(line('Defense Ministry')).toBe("2 quotes · also: Russia's Defense Ministry, the Russian military");
    expect(line('The Economist')).toBe('7 quotes');
    for (const item of reply.items) {
      const also = /also: (.*)$/.exec(consoleText(item.text))?.[1]?.split(', ') ?? [];
      const keys = [consoleText(item.heading ?? ''), ...also].map((n) => n.toLowerCase().replace(/^the /, ''));
      expect(new Set(keys).size, keys[0]).toBe(keys.length);
    }
  });

  it('shows the speaker’s role on every part of a quote split by its attribution', async () => {
    // One quote, split by "she said", with the role given once.
    const text = 'Officials met on Monday.\n\n"We will rebuild the pier," said Ann Lee, the harbour master, "and the sea wall after it."';
    const one: CommandContext = { query: new CorpusQuery(buildIndex([parseDocument('harbour.txt', 'harbour.txt', 'txt', text)], 'test')) };
    const reply = await runLine(one, '/quote speaker:Ann Lee');
    expect(reply.items.map((i) => [i.heading, i.text])).toEqual([
      ['Said — harbour master', '“We will rebuild the pier,”'],
      ['Said — harbour master', '“and the sea wall after it.”'],
    ]);
    const getmanchuk = await ask('/quote speaker:Getmanchuk');
    expect(getmanchuk.items.map((i) => i.heading)).toEqual(Array(4).fill("Said — Ukraine's new ambassador to NATO"));
  });
});

describe('/search in the console', () => {
  it('draws the matched words in bold on a terminal, and keeps them marked when the output is not one', async () => {
    const reply = await ask('/search query:steel porcupin');
    expect(renderText(reply, 'terminal')).toContain('a \x1b[1msteel\x1b[22m \x1b[1mporcupine\x1b[22m, undigestible');
    expect(renderText(reply)).toContain('a **steel** **porcupine**, undigestible');
    // The console itself, on a terminal.
    const input = new PassThrough();
    const output = Object.assign(new PassThrough(), { isTTY: true });
    let shown = '';
    output.on('data', (c: Buffer) => (shown += c.toString()));
    const done = startConsole(ctx, input, output);
    input.end('/search query:steel porcupin\n');
    await done;
    expect(shown).toContain('\x1b[1mporcupine\x1b[22m');
  });
});
