// End to end: the real bot (startBot, discord.js) against the local Discord stand-in, with a real
// SQLite store in a temporary directory and the structured log captured in memory. Every assertion is
// on what Discord would have received (the stand-in's recorded requests) or on what the bot logged.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Events } from 'discord.js';
import type { APIEmbed } from 'discord-api-types/v10';
import type Keyv from 'keyv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppOptions } from '../../src/app/app.ts';
import { startBot, type RunningBot } from '../../src/app/start-bot.ts';
import type { Command } from '../../src/commands/command.ts';
import { COMMANDS } from '../../src/commands/index.ts';
import { readConfig, type Config } from '../../src/config/env.ts';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { createLogger, type Logger } from '../../src/logging/logger.ts';
import { openStore } from '../../src/store/open-store.ts';
import { bundledIndex } from '../support/bundled-index.ts';
import { LogCapture } from '../support/log-capture.ts';
import { noCooldown } from '../support/test-bot.ts';
import { DiscordStandIn, type RecordedRequest } from '../support/discord-standin.ts';

// ---- Helpers ------------------------------------------------------------------------------------

const TOKEN = 'MTQwMDAwMDAwMDAwMDAwMDAw.GstandIn.lectern-e2e-secret_token';
const EPHEMERAL = 64;
const NO_PINGS = { parse: [] };

/** A command that always fails, to exercise the router's error boundary. */
const explode: Command = {
  name: 'explode',
  description: 'Fails on purpose (test only)',
  options: [],
  run() {
    throw new Error('the handler blew up');
  },
};
const WITH_EXPLODE = [...COMMANDS, explode];

interface Button {
  type: number;
  custom_id: string;
  label?: string;
  disabled?: boolean;
}
interface MessageData {
  content?: string;
  embeds?: APIEmbed[];
  components?: { type: number; components: Button[] }[];
  flags?: number;
  allowed_mentions?: unknown;
  choices?: { name: string; value: string }[];
}
interface CallbackBody {
  type: number;
  data?: MessageData;
}

const callbackOf = (r: RecordedRequest) => r.body as CallbackBody;
const dataOf = (r: RecordedRequest): MessageData => callbackOf(r).data ?? {};
/** Everything a person would read in a message, for `toContain` checks. */
const textOf = (d: MessageData) =>
  [d.content ?? '', ...(d.embeds ?? []).flatMap((e) => [e.title, e.description, e.footer?.text, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])]
    .filter(Boolean)
    .join('\n');
const isEphemeral = (d: MessageData) => ((d.flags ?? 0) & EPHEMERAL) !== 0;

/** Discord's documented message limits, checked independently of src/discord/limits.ts. */
function expectWithinDiscordLimits(d: MessageData): void {
  expect((d.content ?? '').length).toBeLessThanOrEqual(2000);
  const embeds = d.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const e of embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
    expect(e.author?.name.length ?? 0).toBeLessThanOrEqual(256);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeLessThanOrEqual(1024);
    }
    total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(6000);
}


/** Waits for a client event, bounded so that a broken gateway fails the test instead of hanging it. */
const next = (bot: RunningBot, event: string) => once(bot.client, event, { signal: AbortSignal.timeout(10_000) });

// ---- The suite ----------------------------------------------------------------------------------

describe('the Lectern bot against the Discord stand-in', { timeout: 15_000 }, () => {
  const standin = new DiscordStandIn({ token: TOKEN });
  const guild = standin.addGuild({ name: 'Reading group', channels: [{ name: 'reading' }] });
  const tmp = mkdtempSync(path.join(tmpdir(), 'lectern-e2e-'));
  const databaseUrl = `sqlite://${path.join(tmp, 'lectern.sqlite')}`;
  const log = new LogCapture();
  let logger: Logger;
  let config: Config & { DISCORD_TOKEN: string };
  let app: AppOptions;
  let store: Keyv;
  let bot: RunningBot | undefined;

  const guildCommandsRoute = () => `/applications/${standin.applicationId}/guilds/${guild.id}/commands`;
  const puts = () => standin.requests.filter((r) => r.method === 'PUT' && r.route === guildCommandsRoute());

  /** Starts the real bot; tests only switch off @discordjs/ws's 5-second identify spacing. */
  const startLectern = (commands: Command[], pending: Promise<AppOptions> = Promise.resolve(app)) =>
    startBot({
      config,
      app: pending,
      store,
      logger,
      commands,
      clientOptions: { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) } },
      cooldown: noCooldown(),
    });

  /** Stops the bot and closes the store, then opens the same SQLite file again: a process restart. */
  const restart = async (commands: Command[], context?: Promise<AppOptions>) => {
    await bot?.stop();
    bot = undefined;
    await store.disconnect();
    store = await openStore(databaseUrl, 'lectern');
    // A new process builds its app on the new store (the old one is closed, and reading it is an error).
    app = { query: new CorpusQuery(await bundledIndex()), store, uploadsDir: path.join(tmp, 'uploads'), warn: () => undefined };
    bot = await startLectern(commands, context ?? Promise.resolve(app));
    return bot;
  };

  const command = (name: string, options: Record<string, string> = {}) => standin.sendInteraction({ kind: 'command', name, options }).callback();

  beforeAll(async () => {
    await standin.start();
    const read = readConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE_URL: standin.apiBase,
      DEV_GUILD_ID: guild.id,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'info',
    });
    if (!read.ok) throw new Error(read.errors.join('\n'));
    config = { ...read.config, DISCORD_TOKEN: TOKEN };
    logger = createLogger(config.LOG_LEVEL, TOKEN, log);
    store = await openStore(config.DATABASE_URL, 'lectern');
    app = { query: new CorpusQuery(await bundledIndex()), store, uploadsDir: path.join(tmp, 'uploads'), warn: () => undefined };
  }, 15_000);

  afterAll(async () => {
    if (process.env.STANDIN_DUMP) for (const r of standin.requests) console.log(r.method, r.route, r.status, JSON.stringify(r.body));
    if (process.env.LOG_DUMP) console.log(log.text);
    await bot?.stop();
    await store?.disconnect();
    await standin.stop();
    rmSync(tmp, { recursive: true, force: true });
    expect(standin.connections).toBe(0);
  });

  // ---- Start-up and command registration ----

  it('logs in and registers every slash command to DEV_GUILD_ID', async () => {
    bot = await startLectern(COMMANDS);
    await expect(bot.commandsSynced).resolves.toBe('registered');
    expect(standin.identifyCount).toBe(1);
    expect(puts()).toHaveLength(1);
    const body = puts()[0]!.body as { name: string; options?: { name: string; autocomplete?: boolean; choices?: { name: string; value: string }[] }[] }[];
    expect(body.map((c) => c.name).sort()).toEqual(['config', 'digest', 'documents', 'event', 'help', 'library', 'quiz', 'quote', 'search', 'sections', 'speakers', 'summary', 'timeline']);
    const option = (cmd: string, name: string) => body.find((c) => c.name === cmd)?.options?.find((o) => o.name === name);
    expect(option('quote', 'speaker')?.autocomplete).toBe(true);
    expect(option('summary', 'section')?.autocomplete).toBe(true);
    expect(option('quote', 'kind')?.choices?.map((c) => c.value)).toEqual(['direct', 'indirect', 'block']);
    expect(standin.commands.get(guild.id)).toHaveLength(COMMANDS.length);
    // Moderator commands are hidden from members without Manage Server (0x20).
    const perms = (name: string) => (body.find((c) => c.name === name) as { default_member_permissions?: string | null } | undefined)?.default_member_permissions;
    expect(perms('config')).toBe('32');
    expect(perms('library')).toBe('32');
    expect(perms('quote')).toBeUndefined();
  });

  it('does not register again after a restart when the commands are unchanged', async () => {
    const running = await restart(COMMANDS);
    await expect(running.commandsSynced).resolves.toBe('unchanged');
    expect(puts()).toHaveLength(1);
  });

  it('registers again after a restart when the command list changed', async () => {
    const running = await restart(WITH_EXPLODE);
    await expect(running.commandsSynced).resolves.toBe('registered');
    expect(puts()).toHaveLength(2);
    expect((puts()[1]!.body as { name: string }[]).map((c) => c.name)).toContain('explode');
    expect(standin.commands.get(guild.id)).toHaveLength(COMMANDS.length + 1);
  });

  // ---- Every command, through INTERACTION_CREATE ----

  const CASES: { name: string; options?: Record<string, string>; shows: string[] }[] = [
    { name: 'quote', options: { speaker: 'Stubb' }, shows: ['Alexander Stubb', 'it was the definition of realpolitik', 'line 65'] },
    { name: 'event', options: { date: 'Aug-29' }, shows: ['line 50', 'line 51', '2025-08-28'] },
    { name: 'timeline', shows: ['Timeline', '1944', 'Page 1 of'] },
    { name: 'summary', options: { section: 'finlandization' }, shows: ['finlandization', 'lines 57–68'] },
    { name: 'search', options: { query: 'porcupine' }, shows: ['**porcupine**', 'line 13'] },
    { name: 'speakers', shows: ['Speakers', 'The New York Times'] },
    { name: 'sections', shows: ['Sections', '/summary section:'] },
    { name: 'documents', shows: ["Fruitless discussions about 'security guarantees' for Ukraine continue", '2025-09-04-security-guarantees.txt'] },
    { name: 'help', shows: ['/quote speaker:Stubb', '/event date:Aug-29'] },
  ];

  for (const { name, options, shows } of CASES) {
    it(`answers /${name} with a public reply within Discord limits`, async () => {
      const callback = await command(name, options);
      expect(callback.status).toBe(204);
      expect(callbackOf(callback).type).toBe(4);
      const data = dataOf(callback);
      expect(isEphemeral(data)).toBe(false);
      expect(data.allowed_mentions).toEqual(NO_PINGS);
      expect(data.embeds?.length).toBeGreaterThan(0);
      expectWithinDiscordLimits(data);
      for (const text of shows) expect(textOf(data)).toContain(text);
    });
  }

  // ---- Autocomplete ----

  it('autocompletes /quote speaker with Alexander Stubb first (callback type 8)', async () => {
    const callback = await standin.sendInteraction({ kind: 'autocomplete', name: 'quote', focused: 'speaker', options: { speaker: 'stu' } }).callback();
    expect(callbackOf(callback).type).toBe(8);
    const choices = dataOf(callback).choices ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]).toMatchObject({ value: 'Alexander Stubb', name: expect.stringContaining('Alexander Stubb') });
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('autocompletes /summary section with the finlandization section', async () => {
    const callback = await standin.sendInteraction({ kind: 'autocomplete', name: 'summary', focused: 'section', options: { section: 'finl' } }).callback();
    expect(callbackOf(callback).type).toBe(8);
    const choices = dataOf(callback).choices ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]!.name).toContain('finlandization');
    // The chosen value must answer the command as well as the typed label does.
    const answer = await command('summary', { section: choices[0]!.value });
    expect(callbackOf(answer).type).toBe(4);
    expect(textOf(dataOf(answer))).toContain('lines 57–68');
  });

  // ---- Paging ----

  it('pages a long reply with a disabled Previous and an enabled Next button', async () => {
    const data = dataOf(await command('timeline'));
    const buttons = data.components?.[0]?.components ?? [];
    expect(buttons).toHaveLength(2);
    const [prev, next] = buttons;
    expect(prev).toMatchObject({ type: 2, disabled: true });
    expect(next?.disabled).toBe(false);
    expect(next?.custom_id).toMatch(/^pg:timeline:1:/);
    expect(data.embeds?.[0]?.footer?.text).toMatch(/^Page 1 of \d+$/);
  });

  it('turns to page 2 when Next is pressed (callback type 7)', async () => {
    const sent = standin.sendInteraction({ kind: 'command', name: 'timeline' });
    const first = dataOf(await sent.callback());
    const pages = Number(/of (\d+)/.exec(first.embeds?.[0]?.footer?.text ?? '')?.[1]);
    expect(pages).toBeGreaterThan(1);
    const message = [...standin.messages.values()].find((m) => m.interaction_metadata?.id === sent.id);
    expect(message).toBeDefined();
    const nextId = first.components![0]!.components[1]!.custom_id;
    const callback = await standin.sendInteraction({ kind: 'button', customId: nextId, messageId: message!.id }).callback();
    expect(callbackOf(callback).type).toBe(7);
    const data = dataOf(callback);
    expect(data.embeds?.[0]?.footer?.text).toBe(`Page 2 of ${pages}`);
    expect(data.allowed_mentions).toEqual(NO_PINGS);
    expectWithinDiscordLimits(data);
    const [prev, next] = data.components?.[0]?.components ?? [];
    expect(prev).toMatchObject({ disabled: false, custom_id: expect.stringMatching(/^pg:timeline:0:/) });
    expect(next?.custom_id).toMatch(pages > 2 ? /^pg:timeline:2:/ : /^noop:/);
    expect(textOf(data)).not.toBe(textOf(first));
    // The stand-in applied the update to the message the button is on.
    expect(standin.messages.get(message!.id)?.embeds[0]?.footer?.text).toBe(`Page 2 of ${pages}`);
  });

  it('answers a button that is not one of its own politely and ephemerally', async () => {
    const callback = await standin.sendInteraction({ kind: 'button', customId: 'xyz' }).callback();
    expect(callbackOf(callback).type).toBe(4);
    const data = dataOf(callback);
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toMatch(/not one of mine/);
    expect(data.allowed_mentions).toEqual(NO_PINGS);
  });

  it('answers a page button whose stored state has expired politely and ephemerally', async () => {
    const callback = await standin.sendInteraction({ kind: 'button', customId: 'pg:quote:1:#doesnotexist' }).callback();
    expect(callbackOf(callback).type).toBe(4);
    const data = dataOf(callback);
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toMatch(/expired.*Run the command again/);
  });

  // ---- Not found and failures ----

  it('answers an unknown speaker ephemerally with a suggestion', async () => {
    const callback = await command('quote', { speaker: 'Stub' });
    expect(callbackOf(callback).type).toBe(4);
    const data = dataOf(callback);
    expect(isEphemeral(data)).toBe(true);
    expect(textOf(data)).toContain('Did you mean');
    expect(textOf(data)).toContain('Alexander Stubb');
    expectWithinDiscordLimits(data);
  });

  it('answers a failing handler with a reference that is in the log, and keeps answering', async () => {
    const callback = await command('explode');
    expect(callbackOf(callback).type).toBe(4);
    const data = dataOf(callback);
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('reference');
    const ref = /reference `([0-9a-f]+)`/.exec(data.content ?? '')?.[1];
    expect(ref).toBeDefined();
    const entry = log.entries().find((e) => e.ref === ref);
    expect(entry).toMatchObject({ level: 50, msg: 'interaction failed', interaction: 'explode', guild: guild.id });
    expect(entry?.err).toMatchObject({ type: 'Error', message: 'the handler blew up', stack: expect.stringContaining('Error: the handler blew up') });
    // Other interactions still work.
    const after = await command('help');
    expect(callbackOf(after).type).toBe(4);
    expect(isEphemeral(dataOf(after))).toBe(false);
  });

  // ---- Gateway ----

  it('resumes after the gateway closes with 4000 and still answers', async () => {
    const resumesBefore = standin.resumeCount;
    const identifiesBefore = standin.identifyCount;
    const resumed = next(bot!, Events.ShardResume);
    standin.closeSessions(4000);
    await resumed;
    expect(standin.resumeCount).toBe(resumesBefore + 1);
    expect(standin.identifyCount).toBe(identifiesBefore);
    const callback = await command('help');
    expect(callbackOf(callback).type).toBe(4);
    expect(textOf(dataOf(callback))).toContain('/quote speaker:Stubb');
  });

  it('never writes the bot token to the log', () => {
    expect(log.lines.length).toBeGreaterThan(0);
    expect(log.text).not.toContain(TOKEN);
    // The token did travel where it must: REST authorization and IDENTIFY.
    expect(standin.requests.find((r) => r.route === '/gateway/bot')?.headers.authorization).toBe(`Bot ${TOKEN}`);
  });

  // ---- Start-up while the index is still loading ----

  it('defers a command that arrives while the index is loading, then edits in the answer', async () => {
    let loaded = false;
    const context = sleep(1000).then(() => {
      loaded = true;
      return app;
    });
    const slow = await restart(WITH_EXPLODE, context);
    await expect(slow.commandsSynced).resolves.toBe('unchanged');
    expect(loaded).toBe(false);
    const sent = standin.sendInteraction({ kind: 'command', name: 'help' });
    const callback = await sent.callback();
    expect(callbackOf(callback).type).toBe(5);
    const edit = await standin.waitForRequest((r) => r.method === 'PATCH' && r.route.includes(sent.token), 5000);
    expect(loaded).toBe(true);
    expect(edit.route).toBe(`/webhooks/${standin.applicationId}/${sent.token}/messages/@original`);
    expect(edit.status).toBe(200);
    const data = edit.body as MessageData;
    expect(textOf(data)).toContain('/quote speaker:Stubb');
    expect(data.allowed_mentions).toEqual(NO_PINGS);
    expectWithinDiscordLimits(data);
  });

  // ---- Every message body ----

  it('sends allowed_mentions { parse: [] } with every message it posted or edited', () => {
    const bodies = standin.requests.flatMap((r): MessageData[] => {
      if (r.method === 'POST' && r.route.endsWith('/callback')) {
        const { type, data } = callbackOf(r);
        return type === 4 || type === 7 ? [data ?? {}] : [];
      }
      if (r.route.startsWith('/webhooks/') || r.route.startsWith('/channels/')) {
        return r.method === 'POST' || r.method === 'PATCH' ? [r.body as MessageData] : [];
      }
      return [];
    });
    expect(bodies.length).toBeGreaterThanOrEqual(CASES.length + 6);
    for (const body of bodies) expect(body.allowed_mentions).toEqual(NO_PINGS);
    // And no interaction was left unanswered or answered with an error.
    const failed = standin.requests.filter((r) => r.status >= 400);
    expect(failed.map((r) => `${r.method} ${r.route} ${r.status}`)).toEqual([]);
  });
});
