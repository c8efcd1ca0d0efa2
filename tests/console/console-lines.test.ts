// What the console answers to lines a new user types: option names checked, moderator commands explained, /help.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/command.ts';
import { COMMANDS } from '../../src/commands/index.ts';
import { renderText } from '../../src/console/render-text.ts';
import { runLine } from '../../src/console/run-line.ts';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { bundledIndex } from '../support/bundled-index.ts';
import { consoleText } from '../../src/console/draw-spans.ts';

let ctx: CommandContext;
beforeAll(async () => {
  ctx = { query: new CorpusQuery(await bundledIndex()) };
});

describe('option names', () => {
  it('refuses a name the command does not have, naming the ones it has', async () => {
    const cases: Array<[string, string]> = [
      ['/quote speaker:Stubb type:direct', '`type` is not an option of /quote. Options: speaker, document, contains, kind, e.g. `/quote speaker:Stubb`.'],
      ['/event day:Aug-29', '`day` is not an option of /event. Options: date, document, e.g. `/event date:Aug-29`.'],
      ['/sections label:ukraine', '`label` is not an option of /sections. Options: document, e.g. `/sections`.'],
      ['/help topic:quote', '`topic` is not an option of /help. /help takes no options, e.g. `/help`.'],
    ];
    for (const [line, message] of cases) {
      const reply = await runLine(ctx, line);
      expect(reply.kind, line).toBe('invalid');
      expect(reply.title, line).toBe('Check that option');
      expect(reply.intro, line).toBe(message);
    }
  });

  it('leaves a colon inside a value alone when no value follows it at once, and keeps URLs whole', async () => {
    const said = await runLine(ctx, '/search query:porcupine: steel');
    expect(said.kind).toBe('answer');
    expect(said.title).toBe('Search: porcupine: steel');
    // Searched for (and not found), not refused as an option called "https".
    const url = await runLine(ctx, '/search query:https://example.org porcupine');
    expect(url.kind).toBe('not-found');
    expect(url.intro).toContain('https://example.org porcupine');
  });

  it('still reads known options with spaces in their values', async () => {
    const reply = await runLine(ctx, '/quote speaker:Alexander Stubb kind:direct');
    expect(reply.kind).toBe('answer');
    expect(reply.intro).toMatch(/^1 quote from Alexander Stubb/);
  });
});

describe('moderator commands in the console', () => {
  it('say they work in a Discord server, and why, whatever follows them', async () => {
    for (const line of ['/config show', '/library list', '/digest preview', '/config set digest state:on', '/digest']) {
      const reply = await runLine(ctx, line);
      const name = line.split(' ')[0]!;
      expect(reply.kind, line).toBe('invalid');
      expect(reply.ephemeral, line).toBe(true);
      expect(reply.title, line).toBe('In a Discord server only');
      expect(reply.intro, line).toMatch(new RegExp(`^${name} works in a Discord server: it changes that server's (settings|reading list|daily digest), and Discord tells Lectern who may`));
      expect(reply.intro, line).not.toMatch(/takes no options/);
    }
  });
});

describe('/help', () => {
  it('gives examples that can be copied as they are, and says where moderator commands work', async () => {
    const reply = await runLine(ctx, '/help');
    const examples = reply.items.map((i) => /`([^`]+)`$/.exec(consoleText(i.text))?.[1]);
    expect(examples.every((e) => e && !e.includes('('))).toBe(true);
    expect(reply.items.find((i) => i.heading === '/config')?.text).toBe('Lectern’s settings for this server (moderators). In a Discord server: `/config show`');
    // Every example of a command the console answers is an answer there, as it reads.
    for (const c of COMMANDS.filter((c) => !c.moderatorOnly && c.name !== 'help')) {
      const example = examples[reply.items.findIndex((i) => i.heading === `/${c.name}`)]!;
      expect((await runLine(ctx, example)).kind, example).toBe('answer');
    }
    expect(renderText(reply)).not.toContain('(moderators)`');
  });
});
