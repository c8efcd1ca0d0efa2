// Smoke test: a real discord.js Client against the local Discord stand-in (no network).
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApplicationCommandOptionType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  type TextChannel,
} from 'discord.js';
import { DiscordStandIn, rateLimited } from '../support/discord-standin.ts';

const TOKEN = 'standin.fake.token';

/** Waits for a client event, bounded so a broken gateway fails the test instead of hanging it. */
const next = (client: Client, event: string) => once(client, event, { signal: AbortSignal.timeout(10_000) });

describe('discord.js against the Discord stand-in', { timeout: 15_000 }, () => {
  const standin = new DiscordStandIn({ token: TOKEN });
  const guild = standin.addGuild({ name: 'Book club', channels: [{ name: 'general' }, { name: 'reading' }] });
  const channelId = guild.channels[0]!.id;
  let client: Client;
  // Each test installs the handler it needs; the client has a single listener.
  let onInteraction: (i: Interaction) => Promise<unknown> = async () => undefined;
  const handlerErrors: unknown[] = [];

  beforeAll(async () => {
    const { apiBase } = await standin.start();
    client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: apiBase },
      // @discordjs/ws spaces IDENTIFYs 5 s apart; the re-identify test below need not wait for that.
      ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) },
    });
    client.on(Events.InteractionCreate, (i) => void onInteraction(i).catch((e: unknown) => handlerErrors.push(e)));
    const ready = next(client, Events.ClientReady);
    await client.login(TOKEN);
    await ready;
  }, 15_000);

  afterAll(async () => {
    if (process.env.STANDIN_DUMP) for (const r of standin.requests) console.log(r.method, r.path, JSON.stringify(r.query), r.status, JSON.stringify(r.body));
    await client?.destroy();
    await standin.stop();
    expect(standin.connections).toBe(0);
  });

  it('logs in through GET /gateway/bot, IDENTIFY and READY, and caches the guild', () => {
    expect(standin.identifyCount).toBe(1);
    expect(client.user?.id).toBe(standin.bot.id);
    expect(client.application?.id).toBe(standin.applicationId);
    expect(client.guilds.cache.get(guild.id)?.name).toBe('Book club');
    expect(client.channels.cache.has(channelId)).toBe(true);
    const gatewayBot = standin.requests.find((r) => r.route === '/gateway/bot');
    expect(gatewayBot?.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(standin.gateway.connectQueries[0]).toEqual({ v: '10', encoding: 'json' });
    const identify = standin.gateway.received.find((f) => f.op === 2);
    expect(identify?.d).toMatchObject({ token: TOKEN, intents: GatewayIntentBits.Guilds, compress: false, shard: [0, 1] });
  });

  it('serves the application and bot user over REST', async () => {
    const application = await client.application!.fetch();
    expect(application.id).toBe(standin.applicationId);
    expect((await client.users.fetch(standin.tester.id, { force: true })).username).toBe('tester');
    // Anything not served gets a recorded, Discord-shaped 404.
    await expect(client.rest.get('/guilds/1/audit-logs')).rejects.toMatchObject({ status: 404, code: 0, message: '404: Not Found' });
    expect(standin.requests.at(-1)).toMatchObject({ method: 'GET', route: '/guilds/1/audit-logs', status: 404 });
  });

  it('stores guild slash commands registered with commands.set', async () => {
    const set = await client.application!.commands.set(
      [
        {
          name: 'ping',
          description: 'Replies with pong',
          options: [{ name: 'book', description: 'A book', type: ApplicationCommandOptionType.String, autocomplete: true }],
        },
      ],
      guild.id,
    );
    const stored = standin.commands.get(guild.id);
    expect(stored?.map((c) => c.name)).toEqual(['ping']);
    expect(set.first()?.id).toBe(stored?.[0]?.id);
    const put = standin.requests.find((r) => r.method === 'PUT');
    expect(put?.route).toBe(`/applications/${standin.applicationId}/guilds/${guild.id}/commands`);
    expect(put?.body).toMatchObject([{ name: 'ping', description: 'Replies with pong' }]);
  });

  it('rejects a command name Discord would reject', async () => {
    await expect(client.application!.commands.set([{ name: 'Ping', description: 'upper case' }], guild.id)).rejects.toMatchObject({
      code: 50035,
    });
  });

  it('records a chat-input reply (callback type 4) with content and allowed_mentions', async () => {
    onInteraction = async (i) => {
      if (i.isChatInputCommand()) {
        expect(i.options.getString('book')).toBe('Middlemarch');
        await i.reply({ content: 'pong @everyone', allowedMentions: { parse: [] } });
      }
    };
    const sent = standin.sendInteraction({ kind: 'command', name: 'ping', options: { book: 'Middlemarch' } });
    const callback = await sent.callback();
    expect(callback.status).toBe(204);
    expect(callback.query).toEqual({ with_response: 'false' });
    expect(callback.headers.authorization).toBeUndefined(); // interaction tokens authorize, not the bot token
    expect(callback.body).toEqual({ type: 4, data: expect.objectContaining({ content: 'pong @everyone', allowed_mentions: { parse: [] } }) });
    expect(handlerErrors).toEqual([]);
  });

  it('returns an interaction callback response when withResponse is set', async () => {
    let replyId: string | undefined;
    onInteraction = async (i) => {
      if (!i.isChatInputCommand()) return;
      const response = await i.reply({ content: 'with response', withResponse: true });
      replyId = response.resource?.message?.id;
    };
    const callback = await standin.sendInteraction({ kind: 'command', name: 'ping' }).callback();
    expect(callback.query).toEqual({ with_response: 'true' });
    expect(callback.status).toBe(200);
    await expect.poll(() => replyId).toBeDefined();
    expect(standin.messages.get(replyId!)?.content).toBe('with response');
    expect(handlerErrors).toEqual([]);
  });

  it('finishes a deferred reply with editReply (PATCH @original)', async () => {
    onInteraction = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await i.editReply({ content: 'done', embeds: [{ title: 'Summary', description: 'Chapter 1' }] });
    };
    const sent = standin.sendInteraction({ kind: 'command', name: 'ping' });
    expect((await sent.callback()).body).toMatchObject({ type: 5 });
    const edit = await standin.waitForRequest((r) => r.method === 'PATCH' && r.route.includes(sent.token));
    expect(edit.route).toBe(`/webhooks/${standin.applicationId}/${sent.token}/messages/@original`);
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ content: 'done', embeds: [{ title: 'Summary', description: 'Chapter 1' }] });
    expect(handlerErrors).toEqual([]);
  });

  it('answers autocomplete with respond (callback type 8)', async () => {
    onInteraction = async (i) => {
      if (i.isAutocomplete()) await i.respond([{ name: `${i.options.getFocused()}march`, value: 'middlemarch' }]);
    };
    const sent = standin.sendInteraction({ kind: 'autocomplete', name: 'ping', focused: 'book', options: { book: 'Middle' } });
    expect((await sent.callback()).body).toEqual({ type: 8, data: { choices: [{ name: 'Middlemarch', value: 'middlemarch' }] } });
  });

  it('updates the message of a button (callback type 7)', async () => {
    onInteraction = async (i) => {
      if (i.isButton()) await i.update({ content: `pressed ${i.customId}`, components: [] });
    };
    const sent = standin.sendInteraction({ kind: 'button', customId: 'next-page' });
    const callback = await sent.callback();
    expect(callback.body).toEqual({ type: 7, data: expect.objectContaining({ content: 'pressed next-page', components: [] }) });
    const messageId = (sent.interaction as { message?: { id: string } }).message!.id;
    expect(standin.messages.get(messageId)?.content).toBe('pressed next-page');
  });

  it('sends a channel message and gets the stored message back', async () => {
    const channel = client.channels.cache.get(channelId) as TextChannel;
    const message = await channel.send({ content: 'hello', allowedMentions: { parse: [] } });
    expect(standin.messages.get(message.id)?.content).toBe('hello');
    const post = await standin.waitForRequest((r) => r.method === 'POST' && r.route === `/channels/${channelId}/messages`);
    expect(post.body).toMatchObject({ content: 'hello', allowed_mentions: { parse: [] } });
  });

  it('sends files as multipart with payload_json', async () => {
    const channel = client.channels.cache.get(channelId) as TextChannel;
    const message = await channel.send({ content: 'notes', files: [{ attachment: Buffer.from('chapter one'), name: 'notes.txt' }] });
    const post = standin.requests.at(-1)!;
    expect(post.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(post.body).toMatchObject({ content: 'notes', attachments: [{ id: '0' }] });
    expect(post.files).toEqual([expect.objectContaining({ field: 'files[0]', name: 'notes.txt', size: 11 })]);
    expect(message.attachments.first()?.name).toBe('notes.txt');
  });

  it('retries after a 429 with retry-after and then succeeds', async () => {
    const mark = standin.requests.length;
    standin.failNext({ method: 'POST', pathIncludes: `/channels/${channelId}/messages` }, rateLimited(0.2));
    const channel = client.channels.cache.get(channelId) as TextChannel;
    const started = Date.now();
    await channel.send('after the limit');
    const posts = standin.requests.slice(mark).filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(150);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('retries a 502 once and then succeeds', async () => {
    const mark = standin.requests.length;
    standin.failNext({ method: 'POST', pathIncludes: '/messages' }, { status: 502, body: { message: 'Bad Gateway' } });
    await (client.channels.cache.get(channelId) as TextChannel).send('after the outage');
    expect(standin.requests.slice(mark).map((r) => r.status)).toEqual([502, 200]);
  });

  it('answers deleted and forbidden channels with Discord error codes', async () => {
    const channel = client.channels.cache.get(guild.channels[1]!.id) as TextChannel;
    standin.markChannel(channel.id, 'forbidden');
    await expect(channel.send('x')).rejects.toSatisfy((e) => e instanceof DiscordAPIError && e.code === 50013 && e.status === 403);
    standin.markChannel(channel.id, 'deleted');
    await expect(channel.send('x')).rejects.toMatchObject({ code: 10003, status: 404 });
    standin.markChannel(channel.id, 'ok');
  });

  it('resumes after the gateway closes with 4000 and still receives interactions', async () => {
    const resumed = next(client, Events.ShardResume);
    standin.closeSessions(4000);
    await resumed;
    expect(standin.resumeCount).toBe(1);
    expect(standin.identifyCount).toBe(1);
    onInteraction = async (i) => {
      if (i.isChatInputCommand()) await i.reply('still here');
    };
    const callback = await standin.sendInteraction({ kind: 'command', name: 'ping' }).callback();
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'still here' } });
  });

  it('replays an interaction dispatched while the socket was dropped', async () => {
    onInteraction = async (i) => {
      if (i.isChatInputCommand()) await i.reply('replayed');
    };
    const resumed = next(client, Events.ShardResume);
    standin.dropSessions(); // no close frame: the client sees 1006 and resumes
    const sent = standin.sendInteraction({ kind: 'command', name: 'ping' });
    await resumed;
    expect(standin.resumeCount).toBe(2);
    expect((await sent.callback()).body).toMatchObject({ type: 4, data: { content: 'replayed' } });
  });

  it('resumes on the same socket after a resumable INVALID_SESSION', async () => {
    const resumed = next(client, Events.ShardResume);
    standin.invalidateSession(true);
    await resumed;
    expect(standin.resumeCount).toBe(3);
    expect(standin.identifyCount).toBe(1);
    expect(standin.connections).toBe(1);
  });

  it('identifies anew after a non-resumable INVALID_SESSION and gets the guilds again', async () => {
    const shardReady = next(client, Events.ShardReady);
    standin.invalidateSession(false);
    await shardReady;
    expect(standin.identifyCount).toBe(2);
    expect(standin.gateway.sessions.size).toBe(2);
    expect(client.guilds.cache.get(guild.id)?.available).toBe(true);
    onInteraction = async (i) => {
      if (i.isChatInputCommand()) await i.reply('new session');
    };
    const callback = await standin.sendInteraction({ kind: 'command', name: 'ping' }).callback();
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'new session' } });
  });
});
