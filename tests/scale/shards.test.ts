// `npm run start:shards` with SHARD_COUNT=2: discord.js's ShardingManager starts one bot process per shard, each
// gets its shard's servers from the gateway (the stand-in routes them as Discord does) and posts only their digests,
// through the claims in the shared PostgreSQL store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openClaims } from '../../src/digest/open-claims.ts';
import { SettingsStore } from '../../src/settings/settings-store.ts';
import { openSharedStore } from '../../src/store/open-store.ts';
import { startBackend, describeLive, type Backend } from '../support/backends.ts';
import { configure } from '../support/configure.ts';
import { DiscordStandIn, snowflake } from '../support/discord-standin.ts';
import { spawnTs } from '../support/node-ts.ts';
import { onShard } from '../support/standin-gateway.ts';

const TOKEN = 'MTQwMDAwMDAwMDAwMDAwMDA3.Gshard.lectern-shards-token';
const SERVERS = 20;
const ROOT = path.resolve(import.meta.dirname, '../..');

describeLive('shards', () => {
  const standin = new DiscordStandIn({ token: TOKEN });
  // Ids made at different milliseconds, so that the servers fall on both shards.
  const guilds = Array.from({ length: SERVERS }, (_, i) => standin.addGuild({ id: snowflake(Date.now() - i * 37), name: `Group ${i}`, channels: [{ name: 'digest' }] }));
  const tmp = mkdtempSync(path.join(tmpdir(), 'lectern-shards-'));
  let backend: Backend;

  beforeAll(async () => {
    await standin.start();
    backend = await startBackend('postgres');
    const now = new Date();
    const { store } = await openSharedStore(backend.url, 'lectern');
    const settings = new SettingsStore(store);
    for (const g of guilds) await configure(settings, g.id, { digest: 'on', 'digest-channel': g.channels[0]!.id, 'digest-time': now.toISOString().slice(11, 16), 'digest-timezone': 'UTC' });
    await store.disconnect();
  }, 60_000);
  afterAll(async () => {
    await standin.stop();
    await backend?.destroy();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('runs one process per shard, each posting its own servers’ digests once', async () => {
    const day = new Date().toISOString().slice(0, 10);
    const manager = spawnTs(path.join(ROOT, 'src/shard-manager.ts'), [], {
      cwd: tmp,
      env: {
        PATH: process.env.PATH ?? '',
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_BASE_URL: standin.apiBase,
        DATABASE_URL: backend.url,
        SHARD_COUNT: '2',
        CORPUS_DIR: path.join(ROOT, 'data/corpus'),
        INDEX_CACHE_DIR: path.join(tmp, 'cache'),
        LOG_LEVEL: 'info',
      },
    });
    let out = '';
    manager.stdout.on('data', (d: Buffer) => (out += String(d)));
    manager.stderr.on('data', (d: Buffer) => (out += String(d)));
    const exited = new Promise<number | null>((resolve) => manager.once('exit', (code) => resolve(code)));
    try {
      const posted = () => guilds.filter((g) => standin.messagesIn(g.channels[0]!.id).length > 0).length;
      for (let t = Date.now(); posted() < SERVERS && manager.exitCode === null && Date.now() - t < 120_000; ) await sleep(200);
      await sleep(1_000);
      for (const g of guilds) expect(standin.messagesIn(g.channels[0]!.id), out).toHaveLength(1);
      // Two sessions, one per shard, identified by two processes.
      const shards = standin.sessionIds().length;
      expect(shards).toBe(2);
      // Each server's digest was claimed by the process of its own shard: one owner per shard, and not the other's.
      const { store, link } = await openSharedStore(backend.url, 'lectern');
      const claims = await openClaims(link);
      const ownerOf = new Map<number, Set<string>>([[0, new Set()], [1, new Set()]]);
      for (const g of guilds) {
        const owner = (await claims.get(g.id, day))?.owner.split(':')[1] ?? 'none';
        ownerOf.get(onShard(g.id, [0, 2]) ? 0 : 1)!.add(owner);
      }
      await store.disconnect();
      expect(ownerOf.get(0)!.size).toBe(1);
      expect(ownerOf.get(1)!.size).toBe(1);
      expect([...ownerOf.get(0)!][0]).not.toBe([...ownerOf.get(1)!][0]);
      expect(guilds.some((g) => onShard(g.id, [0, 2])) && guilds.some((g) => onShard(g.id, [1, 2]))).toBe(true);
      manager.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      manager.kill('SIGKILL');
    }
  }, 180_000);
});
