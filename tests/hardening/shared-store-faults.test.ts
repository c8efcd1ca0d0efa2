// Faults of the shared store, on real PostgreSQL and Redis servers: the server restarted in the middle of a digest
// run (no digest lost or doubled), and unreachable when the bot starts (it says so and waits, instead of exiting into
// a crash loop; a wrong database name stops it with a clear message).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { REST } from 'discord.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { openClaims } from '../../src/digest/open-claims.ts';
import { DIGEST_SPACING_MS, Pacer } from '../../src/digest/pacer.ts';
import { runDigest, type RunOutcome } from '../../src/digest/runner.ts';
import { DigestScheduler } from '../../src/digest/scheduler.ts';
import { discordPoster } from '../../src/discord/digest-poster.ts';
import { LiveCorpus } from '../../src/library/live-corpus.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { SettingsStore } from '../../src/settings/settings-store.ts';
import { openSharedStore } from '../../src/store/open-store.ts';
import { startBackend, describeLive, type Backend, type BackendName } from '../support/backends.ts';
import { startBotProcess } from '../support/bot-process.ts';
import { bundledIndex } from '../support/bundled-index.ts';
import { configure } from '../support/configure.ts';
import { DiscordStandIn } from '../support/discord-standin.ts';
import { freePort } from '../support/live-servers.ts';

const TOKEN = 'MTQwMDAwMDAwMDAwMDAwMDA2.Gfault.lectern-store-faults-token';
const SERVERS = 30;
const STALE_MS = 30_000;

function faults(name: BackendName) {
  const standin = new DiscordStandIn({ token: TOKEN });
  const guild = standin.addGuild({ name: 'Many', channels: Array.from({ length: SERVERS }, (_, i) => ({ name: `digest-${i}` })) });
  const servers = guild.channels.map((c, i) => ({ id: `6000000000000000${String(i).padStart(2, '0')}`, channel: c.id }));
  const tmp = mkdtempSync(path.join(tmpdir(), `lectern-store-faults-${name}-`));
  let backend: Backend;

  beforeAll(async () => {
    await standin.start();
  });
  afterAll(async () => {
    await standin.stop();
    await backend?.destroy();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('posts every digest exactly once when the database restarts in the middle of a run', async () => {
    backend = await startBackend(name);
    const { store, link } = await openSharedStore(backend.url, 'lectern');
    const claims = await openClaims(link, { staleAfterMs: STALE_MS });
    const settings = new SettingsStore(store);
    for (const s of servers) await configure(settings, s.id, { digest: 'on', 'digest-channel': s.channel, 'digest-time': '08:00', 'digest-timezone': 'UTC' });
    standin.delay({ method: 'POST', pathIncludes: '/messages' }, 80);
    let clock = Date.parse('2026-06-10T08:00:05Z');
    const corpus = new LiveCorpus(new CorpusQuery(await bundledIndex()));
    const poster = discordPoster(new REST({ api: standin.apiBase }).setToken(TOKEN), () => standin.bot.id, new Pacer(DIGEST_SPACING_MS));
    const outcomes: RunOutcome[] = [];
    const scheduler = new DigestScheduler({
      guilds: () => servers.map((s) => s.id),
      settings,
      claims,
      run: async (g, s, d) => {
        const outcome = await runDigest({ claims, store, corpus, poster, owner: 'faulty', now: () => new Date(clock) }, g, s, d);
        outcomes.push(outcome);
        return outcome;
      },
      now: () => new Date(clock),
      logger: createLogger('silent'),
    });
    const posts = () => servers.reduce((n, s) => n + standin.messagesIn(s.channel).length, 0);
    const run = scheduler.tick().catch((e: unknown) => e);
    while (posts() < 8) await sleep(10);
    // The server goes away while digests are being posted, and comes back a moment later.
    await backend.server!.stop();
    await sleep(1_500);
    await backend.server!.start();
    const first = await run;
    expect(first, 'the run in progress ends with the store error').toBeInstanceOf(Error);
    // The scheduler's next ticks, the clock moved past the stale-claim time each time, post the rest. A tick that
    // meets the client still reconnecting skips the servers whose settings it cannot read, at once; the bot's own
    // next tick comes a while later, so here too a tick that posted nothing waits a moment before the next.
    let ticks = 1;
    const deadline = Date.now() + 60_000;
    while (servers.some((s) => standin.messagesIn(s.channel).length === 0) && Date.now() < deadline) {
      clock += STALE_MS + 1_000;
      const before = posts();
      await scheduler.tick().catch(() => undefined);
      ticks++;
      if (posts() === before) await sleep(250);
    }
    for (const s of servers) expect(standin.messagesIn(s.channel), s.channel).toHaveLength(1);
    for (const s of servers) expect((await claims.get(s.id, '2026-06-10'))?.status, s.id).toBe('posted');
    const recovered = outcomes.filter((o) => o.status === 'recovered').length;
    console.log(`${name} restarted mid-run: ${SERVERS} digests posted once each over ${ticks} ticks (${recovered} recovered from the channel after the restart), 0 lost, 0 doubled`);
    await store.disconnect();
  }, 120_000);

  it('waits for a database that is not reachable at start-up, then starts', async () => {
    const port = await freePort();
    const url = name === 'postgres' ? `postgres://lectern@127.0.0.1:${port}/postgres` : `redis://127.0.0.1:${port}`;
    const bot = startBotProcess({ dataDir: path.join(tmp, 'late'), env: { DISCORD_TOKEN: TOKEN, DISCORD_API_BASE_URL: standin.apiBase, DATABASE_URL: url } });
    try {
      await bot.waitForLog(/attempt 2\)/, 120_000);
      expect(bot.stderr()).toContain(`Lectern is waiting for the database: Cannot open the database ${url}`);
      expect(bot.child.exitCode).toBeNull();
      const late = await startBackend(name, { port });
      try {
        await bot.waitForLog(/^the database is reachable again; starting$/, 120_000);
        await bot.waitForLog(/^connected to Discord$/, 120_000);
        await bot.kill('SIGTERM');
        expect((await bot.exited).code).toBe(0);
      } finally {
        await late.destroy();
      }
    } finally {
      await bot.kill('SIGKILL');
    }
  }, 300_000);

  if (name === 'postgres')
    it('stops with a clear message for a database that does not exist', async () => {
      const url = backend.url.replace(/\/postgres$/, '/no_such_database');
      const bot = startBotProcess({ dataDir: path.join(tmp, 'wrong'), env: { DISCORD_TOKEN: TOKEN, DISCORD_API_BASE_URL: standin.apiBase, DATABASE_URL: url } });
      const { code } = await bot.exited;
      expect(code).toBe(1);
      expect(bot.stderr()).toContain(`Lectern cannot start: Cannot open the database ${url}: database "no_such_database" does not exist`);
    }, 60_000);
}

describeLive('shared store faults: PostgreSQL', () => faults('postgres'));
describeLive('shared store faults: Redis', () => faults('redis'));
