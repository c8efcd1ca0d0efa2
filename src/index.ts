// npm start: load the index (from the cache when nothing changed) and open the local console.
import { cacheDir, corpusDir } from './config/paths.ts';
import { startConsole } from './console/repl.ts';
import { openIndex } from './corpus/index/open-index.ts';

try {
  process.loadEnvFile();
} catch {
  // No .env file: the environment alone configures the bot.
}

const started = performance.now();
const { query, fromCache } = await openIndex(corpusDir(), cacheDir());
const docs = query.index.documents.length;
process.stdout.write(`Index ${fromCache ? 'loaded from cache' : 'built'}: ${docs} document${docs === 1 ? '' : 's'} in ${Math.round(performance.now() - started)} ms.\n`);
if (process.env.DISCORD_TOKEN && !process.argv.includes('--console')) {
  process.stdout.write('DISCORD_TOKEN is set, but this build answers in the local console only; the Discord connection is not part of it yet.\n');
}
const stop = () => process.exit(0);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
await startConsole({ query });
