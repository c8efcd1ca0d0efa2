// The digest scheduler with a controllable clock, real SQLite claims, and real posts to the local Discord stand-in.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REST } from 'discord.js';
import type Keyv from 'keyv';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { type DigestClaims, STALE_CLAIM_MS } from '../../src/digest/claims.ts';
import { SqliteClaims } from '../../src/digest/claims-sqlite.ts';
import { DIGEST_SPACING_MS, Pacer } from '../../src/digest/pacer.ts';
import { lastDigestError, markerOf, runDigest, type RunnerDeps } from '../../src/digest/runner.ts';
import { DigestScheduler } from '../../src/digest/scheduler.ts';
import { discordPoster } from '../../src/discord/digest-poster.ts';
import { LiveCorpus } from '../../src/library/live-corpus.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { SettingsStore } from '../../src/settings/settings-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { bundledIndex } from '../support/bundled-index.ts';
import { configure as configureAs } from '../support/configure.ts';
import { DiscordStandIn, rateLimited } from '../support/discord-standin.ts';

const TOKEN = 'MTQwMDAwMDAwMDAwMDAwMDAy.Gdigest.scheduler-token';
const standin = new DiscordStandIn({ token: TOKEN });
const guild = standin.addGuild({ name: 'Readers', channels: [{ name: 'digest' }] });
const CHANNEL = guild.channels[0]!.id;
const G = guild.id;

let dbFile: string;
let store: Keyv;
let settings: SettingsStore;
let claims: DigestClaims;
let corpus: LiveCorpus;
let rest: REST;
let clock: Date;

const logger = createLogger('silent');
const pacer = new Pacer(DIGEST_SPACING_MS);
const deps = (owner = 'test-process'): RunnerDeps => ({ claims, store, corpus, poster: discordPoster(rest, () => standin.bot.id, pacer), owner, now: () => clock });
const scheduler = (guilds = [G], owner = 'test-process') =>
  new DigestScheduler({ guilds: () => guilds, settings, claims, run: (g, s, d) => runDigest(deps(owner), g, s, d), now: () => clock, logger });
const posts = () => standin.messagesIn(CHANNEL);

const configure = (guildId: string, values: Record<string, string>) => configureAs(settings, guildId, values);

beforeAll(async () => {
  await standin.start();
  rest = new REST({ api: standin.apiBase, retries: 2 }).setToken(TOKEN);
  corpus = new LiveCorpus(new CorpusQuery(await bundledIndex()));
});

beforeEach(async () => {
  // A fresh database and an empty channel for every test.
  dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'lectern-digest-')), 'lectern.sqlite');
  store = await openStore(`sqlite://${dbFile}`, 'lectern');
  settings = new SettingsStore(store);
  claims = await SqliteClaims.open(dbFile);
  standin.clearChannel(CHANNEL);
  standin.clearFaults();
  await configure(G, { digest: 'on', 'digest-channel': CHANNEL, 'digest-time': '08:00', 'digest-timezone': 'Europe/Helsinki' });
  return async () => {
    await claims.close();
    await store.disconnect();
  };
});

afterAll(async () => {
  await standin.stop();
});

describe('the digest scheduler', () => {
  it('posts at 08:00 Helsinki time across the March change to summer time, once a day', async () => {
    const s = scheduler();
    clock = new Date('2026-03-28T05:59:00Z'); // 07:59 EET
    await s.tick();
    expect(posts()).toHaveLength(0);
    clock = new Date('2026-03-28T06:00:00Z'); // 08:00 EET
    expect((await s.tick()).get(G)?.status).toBe('posted');
    clock = new Date('2026-03-28T06:30:00Z');
    await s.tick();
    expect(posts()).toHaveLength(1);
    expect(await s.nextDue()).toEqual(new Date('2026-03-29T05:00:00Z')); // 08:00 EEST
    clock = new Date('2026-03-29T04:59:00Z');
    await s.tick();
    expect(posts()).toHaveLength(1);
    clock = new Date('2026-03-29T05:00:00Z');
    await s.tick();
    expect(posts()).toHaveLength(2);
    expect(posts().map((m) => m.embeds[0]?.footer?.text)).toEqual([markerOf(G, '2026-03-28'), markerOf(G, '2026-03-29')]);
  });

  it('follows the October change back to winter time', async () => {
    const s = scheduler();
    clock = new Date('2026-10-24T05:00:00Z'); // 08:00 EEST
    await s.tick();
    clock = new Date('2026-10-25T05:00:00Z'); // 07:00 EET: not yet
    await s.tick();
    expect(posts()).toHaveLength(1);
    clock = new Date('2026-10-25T06:00:00Z'); // 08:00 EET
    await s.tick();
    expect(posts()).toHaveLength(2);
  });

  it('in New York, posts a 02:30 digest on the night that skips 02:30, and once on the night that repeats 01:30', async () => {
    await configure(G, { 'digest-timezone': 'America/New_York', 'digest-time': '02:30' });
    const s = scheduler();
    clock = new Date('2026-03-08T06:59:00Z');
    expect(await s.nextDue()).toEqual(new Date('2026-03-08T07:00:00Z')); // 03:00 EDT, the first minute after the gap
    clock = new Date('2026-03-08T07:00:00Z');
    await s.tick();
    expect(posts()).toHaveLength(1);

    await configure(G, { 'digest-time': '01:30' });
    clock = new Date('2026-11-01T05:30:00Z'); // 01:30 EDT
    await s.tick();
    clock = new Date('2026-11-01T06:30:00Z'); // 01:30 EST, the same local date again
    await s.tick();
    expect(posts()).toHaveLength(2);
    expect(posts()[1]?.embeds[0]?.footer?.text).toBe(markerOf(G, '2026-11-01'));
  });

  it('after a restart inside the catch-up window posts the missed digest, once; outside it, not', async () => {
    clock = new Date('2026-06-10T09:30:00Z'); // 12:30 local, 4.5 h late; the window is 6 h
    await scheduler().tick();
    expect(posts()).toHaveLength(1);
    // Another restart a minute later: already posted.
    clock = new Date('2026-06-10T09:31:00Z');
    await scheduler(undefined, 'second-process').tick();
    expect(posts()).toHaveLength(1);
    // The next day the bot is down until 15:00 local, 7 h late: that day is skipped, not posted late.
    clock = new Date('2026-06-11T12:00:00Z');
    await scheduler().tick();
    expect(posts()).toHaveLength(1);
  });

  it('keeps to the configured weekdays, and pauses', async () => {
    await configure(G, { 'digest-days': 'weekdays' });
    clock = new Date('2026-06-13T05:00:00Z'); // Saturday 08:00
    await scheduler().tick();
    expect(posts()).toHaveLength(0);
    await configure(G, { 'digest-days': 'every day' });
    await configure(G, { digest: 'paused' });
    await scheduler().tick();
    expect(posts()).toHaveLength(0);
  });

  it('recovers a claim left by a process killed while posting, without posting twice', async () => {
    clock = new Date('2026-06-10T05:00:00Z');
    // The dead process claimed the day and posted, but died before recording the message.
    const day = '2026-06-10';
    await claims.claim(G, day, 'dead-process', clock.getTime());
    const posted = await discordPoster(rest, () => standin.bot.id).post(CHANNEL, { kind: 'answer', title: 'Daily digest', items: [{ text: 'x' }], ephemeral: false }, markerOf(G, day));
    // Within the stale time the claim is respected.
    clock = new Date(clock.getTime() + 60_000);
    expect((await scheduler().tick()).get(G)?.status).toBe('already');
    clock = new Date(clock.getTime() + STALE_CLAIM_MS);
    const outcome = (await scheduler().tick()).get(G);
    expect(outcome).toEqual({ status: 'recovered', messageId: posted });
    expect(posts()).toHaveLength(1);
    expect((await claims.get(G, day))?.status).toBe('posted');
  });

  it('posts a claim left by a process killed before posting, once', async () => {
    clock = new Date('2026-06-10T05:00:00Z');
    await claims.claim(G, '2026-06-10', 'dead-process', clock.getTime());
    clock = new Date(clock.getTime() + STALE_CLAIM_MS + 1000);
    expect((await scheduler().tick()).get(G)?.status).toBe('posted');
    await scheduler().tick();
    expect(posts()).toHaveLength(1);
  });

  it('records a deleted channel, does not retry it in a loop, and resumes once fixed', async () => {
    standin.markChannel(CHANNEL, 'deleted');
    clock = new Date('2026-06-10T05:00:00Z');
    const outcome = (await scheduler().tick()).get(G);
    expect(outcome).toMatchObject({ status: 'failed', permanent: true, error: { code: 10003 } });
    expect(await lastDigestError(store, G)).toMatchObject({ day: '2026-06-10', code: 10003 });
    const attempts = standin.requests.filter((r) => r.method === 'POST' && r.route === `/channels/${CHANNEL}/messages`).length;
    for (const minutes of [1, 10, 60]) {
      clock = new Date(Date.parse('2026-06-10T05:00:00Z') + minutes * 60_000);
      await scheduler().tick();
    }
    expect(standin.requests.filter((r) => r.method === 'POST' && r.route === `/channels/${CHANNEL}/messages`)).toHaveLength(attempts);

    standin.markChannel(CHANNEL, 'ok');
    clock = new Date('2026-06-11T05:00:00Z');
    expect((await scheduler().tick()).get(G)?.status).toBe('posted');
    expect(await lastDigestError(store, G)).toBeNull();
  });

  it('records a missing permission the same way', async () => {
    standin.markChannel(CHANNEL, 'forbidden');
    clock = new Date('2026-06-10T05:00:00Z');
    expect((await scheduler().tick()).get(G)).toMatchObject({ status: 'failed', permanent: true, error: { code: 50013 } });
    standin.markChannel(CHANNEL, 'ok');
  });

  it('honours a 429 and still posts exactly once', async () => {
    standin.failNext({ method: 'POST', pathIncludes: `/channels/${CHANNEL}/messages` }, rateLimited(0.3));
    clock = new Date('2026-06-10T05:00:00Z');
    const started = Date.now();
    expect((await scheduler().tick()).get(G)?.status).toBe('posted');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(posts()).toHaveLength(1);
  });

  it('paces many servers due at the same moment under Discord’s global limit', async () => {
    const others = Array.from({ length: 12 }, (_, i) => `4000000000000000${String(i).padStart(2, '0')}`);
    for (const id of others) await configure(id, { digest: 'on', 'digest-channel': CHANNEL, 'digest-time': '08:00', 'digest-timezone': 'Europe/Helsinki' });
    clock = new Date('2026-06-10T05:00:00Z');
    await scheduler([G, ...others]).tick();
    const times = standin.requests.filter((r) => r.method === 'POST' && r.route === `/channels/${CHANNEL}/messages`).map((r) => r.at).slice(-13);
    expect(posts()).toHaveLength(13);
    // Twelve gaps of at least 25 ms at the source; arrival jitter at the server is a few milliseconds at most.
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(12 * DIGEST_SPACING_MS * 0.8);
  });

  it('lets two bot processes race on one SQLite file: one posts, the other stands back', async () => {
    const run = promisify(execFile);
    const child = (owner: string) =>
      run(path.resolve('node_modules/.bin/tsx'), ['tests/support/digest-race-child.ts'], {
        env: { ...process.env, API: standin.apiBase, TOKEN, DB: dbFile, GUILD: G, OWNER: owner, NOW: '2026-06-10T05:00:00Z' },
        encoding: 'utf8',
      });
    const results = await Promise.all([child('process-a'), child('process-b')]);
    const statuses = results.map((r) => JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { status: string }).map((o) => o.status).sort();
    expect(statuses).toEqual(['already', 'posted']);
    expect(posts()).toHaveLength(1);
  }, 30_000);
});
