import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteClaims } from '../../src/digest/claims-sqlite.ts';
import { SettingsStore } from '../../src/settings/settings-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { DiscordStandIn } from './discord-standin.ts';
import { startTestBot } from './test-bot.ts';

/**
 * The stand-in started and the real bot posting digests against it, on a fresh SQLite file, with its own clock;
 * `prepare` sets settings before the bot starts. `stop` undoes it all.
 */
export async function startDigestBot(o: { standin: DiscordStandIn; token: string; guildId: string; now: () => Date; prepare?: (settings: SettingsStore) => Promise<void> }) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'lectern-e2e-digest-'));
  const dbFile = path.join(tmp, 'lectern.sqlite');
  await o.standin.start();
  const store = await openStore(`sqlite://${dbFile}`, 'lectern');
  const claims = await SqliteClaims.open(dbFile);
  await o.prepare?.(new SettingsStore(store));
  const { bot } = await startTestBot({ standin: o.standin, token: o.token, guildId: o.guildId, store, tmp, digest: { claims, owner: 'e2e', now: o.now } });
  const stop = async () => {
    await bot.stop();
    await claims.close();
    await store.disconnect();
    await o.standin.stop();
    rmSync(tmp, { recursive: true, force: true });
  };
  return { bot, claims, stop };
}
