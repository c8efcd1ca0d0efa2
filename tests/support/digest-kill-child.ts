// One bot process for the SIGKILL tests and the soak: runs one scheduler tick for several servers at a given moment,
// on a shared store (a SQLite file given as DB, or any DATABASE_URL: PostgreSQL or Redis for several machines).
import { REST } from 'discord.js';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { openClaims } from '../../src/digest/open-claims.ts';
import { runDigest } from '../../src/digest/runner.ts';
import { DigestScheduler } from '../../src/digest/scheduler.ts';
import { discordPoster } from '../../src/discord/digest-poster.ts';
import { LiveCorpus } from '../../src/library/live-corpus.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { SettingsStore } from '../../src/settings/settings-store.ts';
import { openSharedStore } from '../../src/store/open-store.ts';
import { openIndex } from '../../src/corpus/index/open-index.ts';
import { bundledIndex } from './bundled-index.ts';

const env = (k: string) => process.env[k] ?? '';
const { store, link } = await openSharedStore(env('DATABASE_URL') || `sqlite://${env('DB')}`, 'lectern');
const claims = await openClaims(link, env('STALE_MS') ? { staleAfterMs: Number(env('STALE_MS')) } : {});
const rest = new REST({ api: env('API') }).setToken(env('TOKEN'));
// With INDEX_CACHE_DIR (the soak's many starts), the index is read from a cache made once, as the bot does.
const corpus = new LiveCorpus(env('INDEX_CACHE_DIR') ? (await openIndex('data/corpus', env('INDEX_CACHE_DIR'), { quiet: true })).query : new CorpusQuery(await bundledIndex()));
const now = new Date(env('NOW'));
const poster = discordPoster(rest, () => null);
const deps = { claims, store, corpus, poster, owner: `${env('MACHINE') || 'child'}-${process.pid}`, now: () => now };
const scheduler = new DigestScheduler({
  guilds: () => env('GUILDS').split(','),
  settings: new SettingsStore(store),
  claims,
  run: (g, s, d) => runDigest(deps, g, s, d),
  now: () => now,
  logger: createLogger('silent'),
});
process.stdout.write('ready\n');
const outcomes = await scheduler.tick();
process.stdout.write(`${JSON.stringify(Object.fromEntries(outcomes))}\n`);
await claims.close();
await store.disconnect();
