// The console draws a reply's channels, roles, members and times readably: the same replies that Discord shows
// as <#id>, <@&id> and <t:…>, from the real commands with a real store.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Keyv from 'keyv';
import { contextFor, createApp, type App, type Where } from '../../src/app/app.ts';
import { SUBCOMMAND, type Command, type Options } from '../../src/commands/command.ts';
import { config } from '../../src/commands/config.ts';
import { digest } from '../../src/commands/digest.ts';
import { consoleText, relativeTime, type ConsoleView } from '../../src/console/draw-spans.ts';
import { renderText } from '../../src/console/render-text.ts';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { channel, role, time, user } from '../../src/reply/rich-text.ts';
import { openStore } from '../../src/store/open-store.ts';
import { bundledIndex } from '../support/bundled-index.ts';
import { runCommand } from '../../src/commands/server-command.ts';

const GUILD = '100000000000000001';
const READING = '400000000000000004';
const MODS = '300000000000000003';
/** 07:00 in Helsinki (summer time): the digest set for 08:00 is an hour away. */
const NOW = new Date('2026-08-29T04:00:00Z');
const moderator: Where = { guildId: GUILD, userId: '200000000000000001', userName: 'mod', canManageGuild: true, roleIds: [] };
const server: ConsoleView = { names: { channel: (id) => (id === READING ? 'reading' : undefined), role: (id) => (id === MODS ? 'Moderators' : undefined) }, now: () => NOW };

let store: Keyv;
let app: App;
beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'lectern-console-spans-'));
  store = await openStore(`sqlite://${path.join(dir, 'test.sqlite')}`, 'test');
  app = await createApp({ query: new CorpusQuery(await bundledIndex()), store, uploadsDir: path.join(dir, 'uploads'), warn: () => {}, now: () => NOW });
});
afterAll(async () => {
  await store.disconnect();
});

async function run(command: Command, sub: string, options: Options = {}) {
  const { ctx } = await contextFor(app, moderator);
  return runCommand(command, ctx, { ...options, [SUBCOMMAND]: sub });
}

describe('channels, roles and times in the console', () => {
  it('names the digest channel and gives the next digest on the server’s clock, with how far off it is', async () => {
    await run(config, 'set digest-timezone', { zone: 'Europe/Helsinki' });
    await run(config, 'set digest-time', { time: '08:00' });
    const set = await run(config, 'set digest-channel', { channel: READING });
    const shown = renderText(set, 'plain', server);
    expect(shown).toContain('digest-channel\n  not set → #reading');
    const resumed = renderText(await run(digest, 'resume'), 'plain', server);
    expect(resumed).toContain('next digest\n  Sat, 29 Aug 2026, 08:00 EEST (in 1 hour) in #reading');
    for (const text of [shown, resumed]) expect(text).not.toMatch(/<#|<@|<t:/);
  });

  it('names the moderator role, and shows the history with local times and who changed what', async () => {
    await run(config, 'set moderator-role', { role: MODS });
    const show = renderText(await run(config, 'show'), 'plain', server);
    expect(show).toContain('moderator-role\n  @Moderators (default: none (Manage Server only))');
    expect(show).toContain('digest-channel\n  #reading (default: not set)');
    const history = renderText(await run(config, 'history'), 'plain', server);
    // The change was stored at the real time of the test: written on Helsinki's clock.
    expect(history).toMatch(/\nmoderator-role · \w{3}, \d{1,2} \w{3} \d{4}, \d{2}:\d{2} EES?T\n {2}none \(Manage Server only\) → @Moderators, by @mod\n/);
    expect(history).not.toMatch(/<#|<@|<t:/);
  });

  it('writes out an id it cannot name, rather than markup', async () => {
    const preview = renderText(await run(config, 'show'), 'plain', { now: () => NOW });
    expect(preview).toContain(`digest-channel\n  channel ${READING} (default: not set)`);
    expect(preview).toContain(`moderator-role\n  role ${MODS}`);
    expect(consoleText(['added by ', user('200000000000000002')])).toBe('added by user 200000000000000002');
    expect(consoleText(['by ', user('200000000000000002', 'ann')])).toBe('by @ann');
    expect(consoleText([channel('1'), ' ', role('2')], server)).toBe('channel 1 role 2');
  });

  it('draws a full time in the zone it belongs to, and a relative one from now', () => {
    const at = Date.parse('2026-01-15T06:00:00Z');
    expect(consoleText(['at ', time(at, 'full', 'Europe/Helsinki')])).toBe('at Thu, 15 Jan 2026, 08:00 EET');
    expect(consoleText([time(at, 'full', 'America/New_York')])).toBe('Thu, 15 Jan 2026, 01:00 GMT-5');
    expect(relativeTime(at, at - 3 * 3_600_000)).toBe('in 3 hours');
    expect(relativeTime(at, at + 2 * 86_400_000)).toBe('2 days ago');
    expect(relativeTime(at, at - 30_000)).toBe('in 30 seconds');
  });
});
