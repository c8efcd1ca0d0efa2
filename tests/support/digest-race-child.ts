// One "bot process" for the race test: it runs today's digest for one server against a shared SQLite file.
import { REST } from 'discord.js';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { SqliteClaims } from '../../src/digest/claims-sqlite.ts';
import { runDigest } from '../../src/digest/runner.ts';
import { discordPoster } from '../../src/discord/digest-poster.ts';
import { LiveCorpus } from '../../src/library/live-corpus.ts';
import { SettingsStore } from '../../src/settings/settings-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { bundledIndex } from './bundled-index.ts';

const env = (k: string) => process.env[k] ?? '';
const store = await openStore(`sqlite://${env('DB')}`, 'lectern');
const claims = await SqliteClaims.open(env('DB'));
const rest = new REST({ api: env('API') }).setToken(env('TOKEN'));
const corpus = new LiveCorpus(new CorpusQuery(await bundledIndex()));
const settings = await new SettingsStore(store).get(env('GUILD'));
const now = new Date(env('NOW'));
const outcome = await runDigest({ claims, store, corpus, poster: discordPoster(rest, () => null), owner: env('OWNER'), now: () => now }, env('GUILD'), settings, '2026-06-10');
process.stdout.write(`${JSON.stringify(outcome)}\n`);
await claims.close();
await store.disconnect();
