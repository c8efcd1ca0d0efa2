// Discord faults, injected by the local stand-in into the real bot (startBot, discord.js, SQLite): rate limits
// (per route and global), 500/502/503 on messages and interaction responses (before and after Discord did the
// work), a slow interaction callback, every kind of gateway interruption, and a process restart. After each,
// the bot answers the next command; a digest is due during every fault and is posted exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Events } from 'discord.js';
import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord-api-types/v10';
import type Keyv from 'keyv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppOptions } from '../../src/app/app.ts';
import { startBot, type RunningBot } from '../../src/app/start-bot.ts';
import { COMMANDS } from '../../src/commands/index.ts';
import { readConfig, type Config } from '../../src/config/env.ts';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { type DigestClaims } from '../../src/digest/claims.ts';
import { SqliteClaims } from '../../src/digest/claims-sqlite.ts';
import { markerOf } from '../../src/digest/runner.ts';
import { createLogger, type Logger } from '../../src/logging/logger.ts';
import { SettingsStore } from '../../src/settings/settings-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { bundledIndex } from '../support/bundled-index.ts';
import { configure } from '../support/configure.ts';
import { LogCapture } from '../support/log-capture.ts';
import { noCooldown } from '../support/test-bot.ts';
import { DiscordStandIn, discordError, rateLimited, type RecordedRequest, type StandInResponse } from '../support/discord-standin.ts';

const TOKEN = 'MTQwMDAwMDAwMDAwMDAwMDA1.Gfaults.lectern-hardening-secret';
const MANAGE = String(PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel);
const EPHEMERAL = 64;
const serverError = (status: 500 | 502 | 503): StandInResponse =>
  discordError(status, 0, status === 500 ? '500: Internal Server Error' : status === 502 ? '502: Bad Gateway' : '503: Service Unavailable');


/** Polls `check` until it holds, for at most `ms`. */
async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(20);
  }
}

describe('Discord faults against the real bot', { timeout: 20_000 }, () => {
  const standin = new DiscordStandIn({ token: TOKEN });
  const guild = standin.addGuild({ name: 'Readers', channels: [{ name: 'general' }, { name: 'digest' }] });
  const DIGEST = guild.channels[1]!.id;
  const tmp = mkdtempSync(path.join(tmpdir(), 'lectern-discord-faults-'));
  const dbFile = path.join(tmp, 'lectern.sqlite');
  const log = new LogCapture();
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  let logger: Logger;
  let config: Config & { DISCORD_TOKEN: string };
  let store: Keyv;
  let claims: DigestClaims;
  let bot: RunningBot;
  /** 07:00 in Helsinki on 1 June: before the 08:00 digest. Each scenario moves it to its own day's 08:00. */
  let clock = new Date('2026-06-01T04:00:00Z');
  const daysPosted: string[] = [];

  // The figures for the README.
  let faults = 0;
  let gatewayRestarts = 0;
  let processRestarts = 0;

  const newApp = (pending = 0): Promise<AppOptions> =>
    (async () => {
      const app = { query: new CorpusQuery(await bundledIndex()), store, uploadsDir: path.join(tmp, 'uploads'), warn: () => undefined };
      if (pending) await sleep(pending);
      return app;
    })();
  const startLectern = (app: Promise<AppOptions>) =>
    startBot({
      config,
      app,
      store,
      logger,
      commands: COMMANDS,
      digest: { claims, owner: `faults-${processRestarts}`, now: () => clock },
      clientOptions: { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) } },
      cooldown: noCooldown(),
    });

  const command = (name: string, options: Record<string, string> = {}) => standin.sendInteraction({ kind: 'command', name, options });
  const body = (r: RecordedRequest) => (r.body ?? {}) as { type?: number; data?: { content?: string; embeds?: { title?: string; description?: string }[]; flags?: number } };
  /** Messages the stand-in holds for one interaction (its reply and follow-ups). */
  const messagesFor = (interactionId: string) => [...standin.messages.values()].filter((m) => m.interaction_metadata?.id === interactionId);
  const callbacksOf = (token: string) => standin.requests.filter((r) => r.method === 'POST' && r.route.endsWith(`${token}/callback`));

  /** Sets the clock to 08:00:30 Helsinki time (05:00:30 UTC in summer) on 2026-06-<day>; returns the local date. */
  const dueOn = (day: number) => {
    const date = `2026-06-${String(day).padStart(2, '0')}`;
    clock = new Date(`${date}T05:00:30Z`);
    return date;
  };
  const tick = () => bot.scheduler()!.tick();
  /** The digest channel holds exactly one digest for every day so far: none lost, none doubled. */
  const expectDigests = () => {
    const footers = standin.messagesIn(DIGEST).map((m) => m.embeds[0]?.footer?.text);
    expect(footers).toEqual(daysPosted.map((d) => markerOf(guild.id, d)));
  };

  /** Resolves when the shard is back: resumed, or identified anew (READY). */
  const backOnline = () =>
    new Promise<'resumed' | 'identified'>((resolve, reject) => {
      const client = bot.client;
      const finish = (how: 'resumed' | 'identified' | null) => {
        clearTimeout(timer);
        client.off(Events.ShardResume, onResume);
        client.off(Events.ShardReady, onReady);
        if (how) resolve(how);
        else reject(new Error('the bot did not resume or identify within 10 s'));
      };
      const onResume = () => finish('resumed');
      const onReady = () => finish('identified');
      const timer = setTimeout(() => finish(null), 10_000);
      client.on(Events.ShardResume, onResume);
      client.on(Events.ShardReady, onReady);
    });

  const expectHelpAnswered = async () => {
    const sent = command('help');
    const callback = await sent.callback(5_000);
    expect(callback.status).toBe(204);
    expect(body(callback).type).toBe(4);
    expect(body(callback).data?.embeds?.[0]?.description ?? '').toBeTruthy();
    expect(messagesFor(sent.id)).toHaveLength(1);
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    await standin.start();
    const read = readConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE_URL: standin.apiBase, DEV_GUILD_ID: guild.id, DATABASE_URL: `sqlite://${dbFile}`, LOG_LEVEL: 'info' });
    if (!read.ok) throw new Error(read.errors.join('\n'));
    config = { ...read.config, DISCORD_TOKEN: TOKEN };
    logger = createLogger('info', TOKEN, log);
    store = await openStore(config.DATABASE_URL, 'lectern');
    claims = await SqliteClaims.open(dbFile);
    await configure(new SettingsStore(store), guild.id, { digest: 'on', 'digest-channel': DIGEST, 'digest-time': '08:00', 'digest-timezone': 'Europe/Helsinki' });
    bot = await startLectern(newApp());
    await bot.commandsSynced;
    await waitFor(() => bot.scheduler() !== null, 5_000, 'the digest scheduler');
  }, 20_000);

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    if (process.env.LOG_DUMP) console.log(log.text);
    await bot?.stop();
    await claims?.close();
    await store?.disconnect();
    await standin.stop();
    rmSync(tmp, { recursive: true, force: true });
    expect(standin.connections).toBe(0);
    const posted = standin.messagesIn(DIGEST).length;
    const distinct = new Set(standin.messagesIn(DIGEST).map((m) => m.embeds[0]?.footer?.text)).size;
    console.log(
      `Discord faults: ${faults} injected; ${gatewayRestarts} gateway reconnects and ${processRestarts} process restart survived; ` +
        `digests: ${daysPosted.length} due, ${posted} posted, ${daysPosted.length - distinct} lost, ${posted - distinct} doubled.`,
    );
  });

  it('answers before any fault, and posts no digest before it is due', async () => {
    await expectHelpAnswered();
    await tick();
    expect(standin.messagesIn(DIGEST)).toHaveLength(0);
  });

  // ---- Rate limits ----

  it('waits out a 429 with retry-after on the interaction callback route and answers once', async () => {
    standin.failNext({ method: 'POST', pathIncludes: '/callback' }, rateLimited(0.5));
    faults++;
    const sent = command('help');
    await standin.waitForRequest((r) => r.route.endsWith(`${sent.token}/callback`) && r.status === 204, 5_000);
    expect(callbacksOf(sent.token).map((r) => r.status)).toEqual([429, 204]);
    expect(messagesFor(sent.id)).toHaveLength(1);
  });

  it('waits out a global 429 on the digest post and posts the digest once', async () => {
    daysPosted.push(dueOn(1));
    standin.failNext({ method: 'POST', pathIncludes: `/channels/${DIGEST}/messages` }, rateLimited(0.5, { global: true }));
    faults++;
    const started = Date.now();
    expect((await tick()).get(guild.id)?.status).toBe('posted');
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    await tick();
    expectDigests();
  });

  it('waits out a per-route 429 on the digest post and posts the digest once', async () => {
    daysPosted.push(dueOn(2));
    standin.failNext({ method: 'POST', pathIncludes: `/channels/${DIGEST}/messages` }, rateLimited(0.5));
    faults++;
    expect((await tick()).get(guild.id)?.status).toBe('posted');
    await tick();
    expectDigests();
  });

  // ---- 500, 502, 503 on the digest post ----

  it('retries a 500 and a 502 on the digest post and posts it once', async () => {
    daysPosted.push(dueOn(3));
    const route = { method: 'POST', pathIncludes: `/channels/${DIGEST}/messages` };
    standin.failNext(route, serverError(500));
    standin.failNext(route, serverError(502));
    faults += 2;
    expect((await tick()).get(guild.id)?.status).toBe('posted');
    const posts = standin.requests.filter((r) => r.method === 'POST' && r.route === `/channels/${DIGEST}/messages`).slice(-3);
    expect(posts.map((r) => r.status)).toEqual([500, 502, 200]);
    expectDigests();
  });

  it('reports a 503 that outlasts the retries, gives the claim back, and posts once on the next run', async () => {
    daysPosted.push(dueOn(4));
    standin.failNext({ method: 'POST', pathIncludes: `/channels/${DIGEST}/messages` }, serverError(503), 4);
    faults += 4;
    const first = (await tick()).get(guild.id);
    expect(first).toMatchObject({ status: 'failed', permanent: false });
    expect(standin.messagesIn(DIGEST)).toHaveLength(daysPosted.length - 1);
    expect((await tick()).get(guild.id)?.status).toBe('posted');
    await tick();
    expectDigests();
  });

  it('does not double a digest when a 502 comes after Discord already posted it (the nonce returns the first message)', async () => {
    daysPosted.push(dueOn(5));
    standin.failAfterHandling({ method: 'POST', pathIncludes: `/channels/${DIGEST}/messages` }, serverError(502));
    faults++;
    expect((await tick()).get(guild.id)?.status).toBe('posted');
    const posts = standin.requests.filter((r) => r.method === 'POST' && r.route === `/channels/${DIGEST}/messages`).slice(-2);
    expect(posts.map((r) => r.status)).toEqual([502, 200]);
    await tick();
    expectDigests();
  });

  // ---- 500, 502, 503 on interaction responses ----

  it('retries a 500 on an interaction callback and answers once', async () => {
    standin.failNext({ method: 'POST', pathIncludes: '/callback' }, serverError(500));
    faults++;
    const sent = command('help');
    await standin.waitForRequest((r) => r.route.endsWith(`${sent.token}/callback`) && r.status === 204, 5_000);
    expect(callbacksOf(sent.token).map((r) => r.status)).toEqual([500, 204]);
    expect(messagesFor(sent.id)).toHaveLength(1);
  });

  it('reports a callback failure that outlasts the retries with a reference, and answers the next command', async () => {
    standin.failNext({ method: 'POST', pathIncludes: '/callback' }, serverError(503), 4);
    faults += 4;
    const sent = command('help');
    const report = await standin.waitForRequest((r) => r.route.endsWith(`${sent.token}/callback`) && r.status === 204, 5_000);
    expect(callbacksOf(sent.token).map((r) => r.status)).toEqual([503, 503, 503, 503, 204]);
    // The user is told, privately, with a reference that is in the log.
    expect(body(report).data?.flags).toBe(EPHEMERAL);
    const ref = /reference `([0-9a-f]+)`/.exec(body(report).data?.content ?? '')?.[1];
    expect(ref).toBeDefined();
    expect(log.entries().find((e) => e.ref === ref)).toMatchObject({ msg: 'interaction failed', interaction: 'help' });
    expect(messagesFor(sent.id)).toHaveLength(1);
    await expectHelpAnswered();
  });

  it('never answers twice when a 500 comes after Discord accepted the callback', async () => {
    standin.failAfterHandling({ method: 'POST', pathIncludes: '/callback' }, serverError(500));
    faults++;
    const sent = command('help');
    // The retry is refused (already acknowledged); the bot logs that and stops there.
    await waitFor(() => callbacksOf(sent.token).some((r) => r.status === 400), 5_000, 'the retried callback');
    await waitFor(() => log.entries().some((e) => e.msg === 'could not report the failure to the user'), 5_000, 'the failure to be logged');
    expect(messagesFor(sent.id)).toHaveLength(1);
    await expectHelpAnswered();
  });

  it('retries a 502 on a deferred answer’s edit (PATCH @original) and edits once', async () => {
    standin.failNext({ method: 'PATCH', pathIncludes: '/messages/@original' }, serverError(502));
    faults++;
    const options = [{ type: ApplicationCommandOptionType.Subcommand, name: 'list', options: [] }];
    const sent = standin.sendInteraction({ kind: 'command', name: 'library', options: options as never, permissions: MANAGE });
    expect(body(await sent.callback()).type).toBe(5);
    const edit = await standin.waitForRequest((r) => r.method === 'PATCH' && r.route.includes(sent.token) && r.status === 200, 5_000);
    expect(standin.requests.filter((r) => r.method === 'PATCH' && r.route.includes(sent.token)).map((r) => r.status)).toEqual([502, 200]);
    expect(JSON.stringify(edit.body)).toContain('bundled');
    const messages = messagesFor(sent.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.flags ?? 0).toBe(EPHEMERAL); // the "thinking" state was replaced by the answer
  });

  // ---- A slow interaction callback ----

  it('answers when the callback takes close to the 3-second deadline', async () => {
    standin.delay({ method: 'POST', pathIncludes: '/callback' }, 2_300);
    faults++;
    try {
      const sent = command('help');
      const callback = await sent.callback(6_000);
      expect(callback.status).toBe(204);
      expect(messagesFor(sent.id)).toHaveLength(1);
    } finally {
      standin.clearFaults();
    }
  });

  it('past the deadline: logs a clear failure, throws nothing out of the router, and answers the next command', async () => {
    standin.delay({ method: 'POST', pathIncludes: '/callback' }, 3_200);
    faults++;
    const failuresBefore = log.entries().filter((e) => e.msg === 'interaction failed').length;
    try {
      const sent = command('help');
      const callback = await sent.callback(6_000);
      expect(callback.status).toBe(404);
      expect(body(callback).type).toBe(4); // the bot's answer, refused by Discord with 10062 Unknown interaction
      // The error boundary caught it, logged it with a reference, and tried to tell the user.
      await waitFor(() => log.entries().filter((e) => e.msg === 'interaction failed').length > failuresBefore, 8_000, 'the failure in the log');
      const entry = log.entries().filter((e) => e.msg === 'interaction failed').at(-1);
      expect(entry).toMatchObject({ interaction: 'help', err: { message: expect.stringMatching(/Unknown interaction/) } });
      expect(messagesFor(sent.id)).toHaveLength(0);
      await waitFor(() => log.entries().some((e) => e.msg === 'could not report the failure to the user' && e.ref === entry?.ref), 8_000, 'the report attempt');
    } finally {
      standin.clearFaults();
    }
    expect(unhandled).toEqual([]);
    await expectHelpAnswered();
  }, 25_000);

  // ---- Gateway interruptions, each with a digest due while the bot is disconnected ----

  const GATEWAY: { name: string; day: number; inject: () => void; expect: 'resumed' | 'identified' }[] = [
    { name: 'a close with 1000', day: 6, inject: () => standin.closeSessions(1000), expect: 'identified' },
    { name: 'a close with 4000 (unknown error)', day: 7, inject: () => standin.closeSessions(4000), expect: 'resumed' },
    { name: 'a close with 4009 (session timed out)', day: 8, inject: () => standin.closeSessions(4009), expect: 'identified' },
    { name: 'op 9 invalid session, resumable', day: 9, inject: () => standin.invalidateSession(true), expect: 'resumed' },
    { name: 'op 9 invalid session, not resumable', day: 10, inject: () => standin.invalidateSession(false), expect: 'identified' },
    { name: 'op 7 reconnect', day: 11, inject: () => standin.gateway.requestReconnect(), expect: 'resumed' },
    { name: 'a dropped socket without a close frame', day: 12, inject: () => standin.dropSessions(), expect: 'resumed' },
  ];

  for (const g of GATEWAY) {
    it(`after ${g.name}: ${g.expect === 'resumed' ? 'resumes' : 'identifies anew'}, answers, and posts the day's digest once`, async () => {
      const identifies = standin.identifyCount;
      const resumes = standin.resumeCount;
      daysPosted.push(dueOn(g.day));
      const back = backOnline();
      g.inject();
      faults++;
      // The digest falls due while the gateway is down (a 502 on its post, too); REST does not need the gateway.
      standin.failNext({ method: 'POST', pathIncludes: `/channels/${DIGEST}/messages` }, serverError(502));
      faults++;
      const during = tick();
      const how = await back;
      await during;
      gatewayRestarts++;
      expect(how).toBe(g.expect);
      if (how === 'resumed') expect([standin.resumeCount - resumes, standin.identifyCount - identifies]).toEqual([1, 0]);
      else expect(standin.identifyCount - identifies).toBe(1);
      expect(standin.connections).toBe(1);
      await expectHelpAnswered();
      await tick();
      expectDigests();
    });
  }

  // ---- A process restart while the index loads, with 5xx on the follow-up ----

  it('survives a process restart with the digest due: posts it once, and retries a 503 on a follow-up', async () => {
    daysPosted.push(dueOn(13));
    await bot.stop();
    await claims.close();
    await store.disconnect();
    store = await openStore(config.DATABASE_URL, 'lectern');
    claims = await SqliteClaims.open(dbFile);
    processRestarts++;
    faults++;
    // The index takes 1.5 s to load: commands are deferred, and an ephemeral answer replaces the public deferral.
    bot = await startLectern(newApp(1_500));
    await bot.commandsSynced;
    standin.failNext({ method: 'POST', pathIncludes: '/webhooks/' }, serverError(503));
    faults++;
    const sent = command('quote', { speaker: 'Stub' });
    expect(body(await sent.callback()).type).toBe(5);
    const followUp = await standin.waitForRequest((r) => r.method === 'POST' && r.route.includes(`/webhooks/`) && r.route.endsWith(sent.token) && r.status === 200, 8_000);
    expect(standin.requests.filter((r) => r.method === 'POST' && r.route.endsWith(sent.token) && r.route.includes('/webhooks/')).map((r) => r.status)).toEqual([503, 200]);
    expect(JSON.stringify(followUp.body)).toContain('Did you mean');
    const messages = messagesFor(sent.id);
    expect(messages).toHaveLength(1);
    expect((messages[0]!.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    // The new process's scheduler posts the digest that fell due across the restart; a tick finds it done.
    await waitFor(() => bot.scheduler() !== null, 5_000, 'the scheduler after the restart');
    await waitFor(() => standin.messagesIn(DIGEST).length === daysPosted.length, 5_000, 'the digest after the restart');
    await tick();
    expectDigests();
  });

  // ---- Secrets ----

  it('never put the bot token in a log line, a request body or a message, through all these faults', () => {
    expect(log.lines.length).toBeGreaterThan(10);
    expect(log.text).not.toContain(TOKEN);
    expect(log.text).not.toContain(TOKEN.split('.')[2]);
    for (const r of standin.requests) expect(JSON.stringify(r.body ?? null)).not.toContain(TOKEN);
    for (const m of standin.messages.values()) expect(JSON.stringify(m)).not.toContain(TOKEN);
    // The token did go where it must: REST authorization.
    expect(standin.requests.find((r) => r.route === '/gateway/bot')?.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(unhandled).toEqual([]);
  });
});
