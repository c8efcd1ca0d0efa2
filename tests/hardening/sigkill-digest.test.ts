// The process killed with SIGKILL at random points during a digest run, then restarted, many times over:
// every server still gets its digest exactly once.
import { spawnTs } from '../support/node-ts.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STALE_CLAIM_MS } from '../../src/digest/claims.ts';
import { SqliteClaims } from '../../src/digest/claims-sqlite.ts';
import { SettingsStore } from '../../src/settings/settings-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { configure } from '../support/configure.ts';
import { DiscordStandIn } from '../support/discord-standin.ts';

const TOKEN = 'MTQwMDAwMDAwMDAwMDAwMDA0.Gkill.lectern-sigkill-token';
const SERVERS = 6;
const DAYS = 3;
const KILLS_PER_DAY = 4;
/** A fixed seed: the kill points are random but the same on every run, so a failure can be replayed. */
let seed = 20261126;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

describe('SIGKILL during digest runs', () => {
  const standin = new DiscordStandIn({ token: TOKEN });
  const guild = standin.addGuild({ name: 'Many', channels: Array.from({ length: SERVERS }, (_, i) => ({ name: `digest-${i}` })) });
  const servers = guild.channels.map((c, i) => ({ id: `50000000000000000${i}`, channel: c.id }));
  const db = path.join(mkdtempSync(path.join(tmpdir(), 'lectern-kill-')), 'lectern.sqlite');

  beforeAll(async () => {
    await standin.start();
    // Slow posts make the kills land while messages are in flight.
    standin.delay({ method: 'POST', pathIncludes: '/messages' }, 60);
    const store = await openStore(`sqlite://${db}`, 'lectern');
    const settings = new SettingsStore(store);
    for (const s of servers) await configure(settings, s.id, { digest: 'on', 'digest-channel': s.channel, 'digest-time': '08:00', 'digest-timezone': 'UTC' });
    await store.disconnect();
  });
  afterAll(async () => {
    await standin.stop();
  });

  /** Starts a bot process at `now`; kills it `killAfterMs` after it is ready, or lets it finish. */
  const runProcess = (now: Date, killAfterMs: number | null) =>
    new Promise<{ killed: boolean; output: string }>((resolve, reject) => {
      const child = spawnTs('tests/support/digest-kill-child.ts', [], {
        env: { ...process.env, API: standin.apiBase, TOKEN, DB: db, NOW: now.toISOString(), GUILDS: servers.map((s) => s.id).join(',') },
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => {
        output += String(d);
        if (killAfterMs !== null && output.includes('ready\n')) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      });
      child.on('error', reject);
      child.on('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL', output }));
    });

  it(`posts each of ${SERVERS} servers’ digests exactly once a day across ${DAYS * KILLS_PER_DAY} kills and restarts`, async () => {
    let killed = 0;
    for (let day = 0; day < DAYS; day++) {
      const date = `2026-06-1${day}`;
      let clock = Date.parse(`${date}T08:00:05Z`);
      for (let i = 0; i < KILLS_PER_DAY; i++) {
        const result = await runProcess(new Date(clock), Math.floor(random() * 250));
        if (result.killed) killed++;
        // The next start comes after the killed process's claims have gone stale.
        clock += STALE_CLAIM_MS + 1000;
      }
      const last = await runProcess(new Date(clock), null);
      expect(last.killed).toBe(false);
      for (const s of servers) expect(standin.messagesIn(s.channel).filter((m) => m.embeds[0]?.footer?.text?.includes(date)), `${s.channel} on ${date}`).toHaveLength(1);
      const claims = await SqliteClaims.open(db);
      for (const s of servers) expect((await claims.get(s.id, date))?.status).toBe('posted');
      await claims.close();
    }
    // Most restarts really did interrupt a run in progress.
    expect(killed).toBeGreaterThanOrEqual(DAYS);
    for (const s of servers) expect(standin.messagesIn(s.channel)).toHaveLength(DAYS);
    console.log(`SIGKILL test: ${killed} kills during digest runs, ${DAYS * (KILLS_PER_DAY + 1)} restarts, ${SERVERS * DAYS} digests posted, 0 lost, 0 doubled`);
  }, 600_000);
});
