// The interaction router on its own: a discord.js client connected to the local Discord stand-in, the router as its
// only listener (no bot around it), the real commands and a real app. It dispatches by name and subcommand, runs
// server commands only in a server, and answers a command or button it no longer knows politely.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { ApplicationCommandOptionType, ChannelType, InteractionContextType, InteractionResponseType, PermissionFlagsBits } from 'discord-api-types/v10';
import type Keyv from 'keyv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, createApp, type App } from '../../src/app/app.ts';
import { COMMANDS } from '../../src/commands/index.ts';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { encodePageState } from '../../src/discord/page-state.ts';
import { createRouter } from '../../src/discord/router.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { openStore } from '../../src/store/open-store.ts';
import { bundledIndex } from '../support/bundled-index.ts';
import { DiscordStandIn, type InteractionSpec } from '../support/discord-standin.ts';
import { NO_IDENTIFY_WAIT, noCooldown } from '../support/test-bot.ts';

const TOKEN = 'MTQwMDAwMDAwMDAwMDAwMDAy.GstandIn.lectern-router-token';
const MANAGE = String(PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages);
const EPHEMERAL = 64;

interface Answer {
  type: number;
  data?: { content?: string; flags?: number; embeds?: Array<{ title?: string; description?: string }>; choices?: Array<{ name: string; value: string }> };
}

describe('the interaction router', { timeout: 20_000 }, () => {
  const standin = new DiscordStandIn({ token: TOKEN });
  const guild = standin.addGuild({ name: 'Seminar', channels: [{ name: 'reading' }] });
  const tmp = mkdtempSync(path.join(tmpdir(), 'lectern-router-'));
  let store: Keyv;
  let app: App;
  let client: Client;

  /** What the router answered an interaction with (its callback's body). */
  const answer = async (spec: InteractionSpec): Promise<Answer> => (await standin.sendInteraction(spec).callback()).body as Answer;
  /** The same, sent from a direct message: no server, no member. */
  const inDirectMessage = (spec: InteractionSpec): InteractionSpec => ({
    ...spec,
    overrides: {
      guild_id: undefined,
      guild: undefined,
      member: undefined,
      user: standin.tester,
      channel: { id: standin.tester.id, type: ChannelType.DM, recipients: [standin.tester] },
      channel_id: standin.tester.id,
      context: InteractionContextType.BotDM,
    },
  });
  const text = (a: Answer) => [a.data?.content, ...(a.data?.embeds ?? []).flatMap((e) => [e.title, e.description])].filter(Boolean).join('\n');
  const isPrivate = (a: Answer) => ((a.data?.flags ?? 0) & EPHEMERAL) !== 0;

  beforeAll(async () => {
    await standin.start();
    store = await openStore(`sqlite://${path.join(tmp, 'lectern.sqlite')}`, 'lectern');
    app = await createApp({ query: new CorpusQuery(await bundledIndex()), store, uploadsDir: path.join(tmp, 'uploads'), warn: () => undefined });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standin.apiBase }, ...NO_IDENTIFY_WAIT });
    client.on(
      Events.InteractionCreate,
      createRouter({ commands: COMMANDS, context: (where) => contextFor(app, where), ready: () => true, store, logger: createLogger('silent'), cooldown: noCooldown() }),
    );
    const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(TOKEN);
    await ready;
  });

  afterAll(async () => {
    await client?.destroy();
    await store?.disconnect();
    await standin.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('dispatches a command by name, with its options', async () => {
    const reply = await answer({ kind: 'command', name: 'quote', options: { speaker: 'Stubb' } });
    expect(reply.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(reply.data?.embeds?.[0]?.title).toBe('Quotes from Alexander Stubb');
    expect(isPrivate(reply)).toBe(false);
  });

  it('dispatches a subcommand in a group to its handler', async () => {
    const options = [
      {
        type: ApplicationCommandOptionType.SubcommandGroup,
        name: 'set',
        options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'digest-time', options: [{ name: 'time', value: '07:30', type: ApplicationCommandOptionType.String }] }],
      },
    ];
    const reply = await answer({ kind: 'command', name: 'config', options: options as never, permissions: MANAGE });
    expect(reply.data?.embeds?.[0]?.title).toBe('Setting saved');
    expect(text(reply)).toContain('08:00 → 07:30');
    expect(isPrivate(reply)).toBe(true);
    expect((await app.settings.get(guild.id)).digest.time).toBe('07:30');
  });

  it('runs a server command only in a server: from a direct message it says so, and offers no choices', async () => {
    const show = [{ type: ApplicationCommandOptionType.Subcommand, name: 'show', options: [] }];
    const reply = await answer(inDirectMessage({ kind: 'command', name: 'config', options: show as never }));
    expect(reply.data?.embeds?.[0]?.title).toBe('Check that option');
    expect(text(reply)).toContain('This works in a Discord server.');
    expect(isPrivate(reply)).toBe(true);
    const zone = [{ type: ApplicationCommandOptionType.SubcommandGroup, name: 'set', options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'digest-timezone', options: [{ name: 'zone', value: 'Europe/Hel', type: ApplicationCommandOptionType.String, focused: true }] }] }];
    const outside = await answer(inDirectMessage({ kind: 'autocomplete', name: 'config', focused: 'zone', options: zone as never }));
    expect(outside.data?.choices).toEqual([]);
    const inside = await answer({ kind: 'autocomplete', name: 'config', focused: 'zone', options: zone as never, permissions: MANAGE });
    expect(inside.data?.choices?.[0]).toEqual({ name: 'Europe/Helsinki', value: 'Europe/Helsinki' });
  });

  it('still answers a command that works anywhere from a direct message', async () => {
    const reply = await answer(inDirectMessage({ kind: 'command', name: 'quote', options: { speaker: 'Stubb' } }));
    expect(reply.data?.embeds?.[0]?.title).toBe('Quotes from Alexander Stubb');
  });

  it('answers a command it does not know, and a page button of a command gone, privately', async () => {
    const unknown = await answer({ kind: 'command', name: 'retired' });
    expect(unknown.data?.content).toBe('I do not know that command any more; it may be from an older version of me.');
    expect(isPrivate(unknown)).toBe(true);
    const stale = await answer({ kind: 'button', customId: await encodePageState({ command: 'retired', page: 1, options: {} }, store) });
    expect(stale.data?.content).toBe('That command no longer exists. Try /help.');
    expect(isPrivate(stale)).toBe(true);
  });

  it('turns a page by running the command again and showing the page the button asked for', async () => {
    const first = await answer({ kind: 'command', name: 'timeline' });
    const footer = (a: Answer) => (a.data as { embeds?: Array<{ footer?: { text?: string } }> }).embeds?.[0]?.footer?.text;
    const pages = Number(/of (\d+)$/.exec(footer(first) ?? '')?.[1]);
    expect(pages).toBeGreaterThan(1);
    const turned = await answer({ kind: 'button', customId: await encodePageState({ command: 'timeline', page: 1, options: {} }, store) });
    expect(turned.type).toBe(InteractionResponseType.UpdateMessage);
    expect(footer(turned)).toBe(`Page 2 of ${pages}`);
  });
});
