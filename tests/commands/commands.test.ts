import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/command.ts';
import { COMMANDS } from '../../src/commands/index.ts';
import { renderText } from '../../src/console/render-text.ts';
import { runLine } from '../../src/console/run-line.ts';
import { buildIndex } from '../../src/corpus/index/build-index.ts';
import { parseDocument } from '../../src/corpus/load/load-file.ts';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { MAX_ITEMS } from '../../src/reply/reply.ts';
import { bundledIndex } from '../support/bundled-index.ts';

let ctx: CommandContext;
beforeAll(async () => {
  ctx = { query: new CorpusQuery(await bundledIndex()) };
});

describe('commands as typed in the console or `npm run ask`', () => {
  it('/quote speaker:Stubb cites the realpolitik quote and his two claims with lines', async () => {
    const reply = await runLine(ctx, '/quote speaker:Stubb');
    expect(reply.kind).toBe('answer');
    expect(reply.items.map((i) => i.citation?.line)).toEqual([65, 57, 59]);
    expect(renderText(reply)).toContain('it was the definition of realpolitik');
    expect(renderText(reply)).toContain('2025-09-04-security-guarantees.txt, line 65, 2025-09-04');
  });

  it('/event date:Aug-29 gives the fire and the strike the day before', async () => {
    const reply = await runLine(ctx, '/event date:Aug-29');
    expect(reply.items.map((i) => [i.heading, i.citation?.line])).toEqual([
      ['2025-08-29', 50],
      ['2025-08-29', 51],
      ['2025-08-28 (nearby)', 50],
    ]);
  });

  it('/summary section:finlandization summarises lines 57–68 with its speakers and dates', async () => {
    const reply = await runLine(ctx, '/summary section:finlandization length:long');
    expect(reply.kind).toBe('answer');
    expect(reply.intro).toContain('lines 57–68');
    const cited = reply.items.flatMap((i) => (i.citation ? [i.citation.line] : []));
    expect(cited.length).toBeGreaterThanOrEqual(3);
    expect(cited.every((l) => l >= 57 && l <= 68)).toBe(true);
    expect(reply.items.find((i) => i.heading === 'Speakers')?.text).toContain('Alexander Stubb');
    const short = await runLine(ctx, '/summary section:finlandization length:short');
    expect(short.items.filter((i) => i.citation)).toHaveLength(1);
  });

  it('answers every command with something a person can read', async () => {
    for (const line of ['/search query:porcupine', '/speakers', '/sections', '/documents', '/help', '/timeline', '/event date:1944']) {
      const reply = await runLine(ctx, line);
      expect(reply.kind, line).toBe('answer');
      expect(reply.items.length, line).toBeGreaterThan(0);
    }
    expect((await runLine(ctx, "/help")).items.map((i) => i.heading)).toEqual(COMMANDS.filter((c) => c.name !== 'help').map((c) => `/${c.name}`));
  });

  it('turns mistakes into friendly, private replies', async () => {
    const cases: Array<[string, RegExp]> = [
      ['/quote speaker:Stub', /Did you mean \*\*Alexander Stubb\*\*/],
      ['/quote', /needs `speaker`/],
      ['/quote Stubb', /Name the option/],
      ['/quote speaker:Stubb kind:shouted', /must be one of/],
      ['/event date:Feb-30', /could not read "Feb-30"/],
      ['/summary section:zzzzqqq', /No section matches/],
      ['/search query:!!!', /Give a few words/],
      ['/search query:what they said', /nothing to search for: very common words and single letters are skipped/],
      ['/teleport', /no \/teleport command/],
      ['/quote speaker:Stubb document:nothing-like-this', /No document matches/],
    ];
    for (const [line, message] of cases) {
      const reply = await runLine(ctx, line);
      expect(reply.kind, line).not.toBe('answer');
      expect(reply.ephemeral, line).toBe(true);
      expect(reply.intro, line).toMatch(message);
    }
  });

  it('autocompletes speakers and sections with at most 25 choices', async () => {
    const quote = COMMANDS.find((c) => c.name === 'quote');
    const summary = COMMANDS.find((c) => c.name === 'summary');
    expect((await quote?.autocomplete?.(ctx, 'speaker', 'stu', {}))?.[0]?.value).toBe('Alexander Stubb');
    const sections = (await summary?.autocomplete?.(ctx, 'section', 'fin', {})) ?? [];
    expect(sections[0]?.name).toMatch(/^finlandization/);
    // The autocomplete value picks the section exactly.
    expect((await runLine(ctx, `/summary section:${sections[0]?.value}`)).intro).toContain('lines 57–68');
    expect(((await quote?.autocomplete?.(ctx, 'speaker', '', {})) ?? []).length).toBeLessThanOrEqual(25);
  });
});

describe('long answers', () => {
  it('list at most MAX_ITEMS items and say how many there were and how to narrow the question', async () => {
    // 320 council meetings over 2024, each with the mayor's words: more events and quotes than one reply lists.
    const day = (i: number) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
    const text = Array.from({ length: 320 }, (_, i) => `On ${day(i)}, the council met in the town hall. "We met again, for meeting ${i + 1}," said Mayor Ann Lee.`).join('\n\n');
    const big: CommandContext = { query: new CorpusQuery(buildIndex([parseDocument('2025-01-01-council.txt', '2025-01-01-council.txt', 'txt', text)], 'test')) };
    expect(MAX_ITEMS).toBeLessThan(320);
    const cases: Array<[string, RegExp]> = [
      ['/timeline', /^320 dated events, oldest first; the first 300 are shown: narrow it with `from` and `to`/],
      ['/event date:2024', /^320 events in 2024; the first 300 are shown: ask for a shorter period/],
      ['/quote speaker:Ann Lee', /^320 quotes from Ann Lee.*; the first 300 are shown: narrow with `contains`/],
    ];
    for (const [line, intro] of cases) {
      const reply = await runLine(big, line);
      expect(reply.kind, line).toBe('answer');
      expect(reply.intro, line).toMatch(intro);
      expect(reply.items, line).toHaveLength(MAX_ITEMS);
    }
    // The first 300 are the first in order: the timeline starts on the first day and runs on.
    const timeline = await runLine(big, '/timeline');
    expect(timeline.items[0]?.heading).toBe(day(0));
    expect(timeline.items[MAX_ITEMS - 1]?.heading).toBe(day(MAX_ITEMS - 1));
    // Under the cap nothing changes.
    const month = await runLine(big, '/timeline from:2024-01-01 to:2024-01-31');
    expect(month.intro).toBe('31 dated events, oldest first.');
    expect(month.items).toHaveLength(31);
  });
});
