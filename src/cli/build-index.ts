// npm run index [-- --force] [--threads N]: builds the index cache for the corpus (only when inputs or the engine changed).
import { cacheDir, corpusDir } from '../config/paths.ts';
import { openIndex } from '../corpus/index/open-index.ts';
import { threadsOption } from './threads-option.ts';

const threads = threadsOption();
const started = performance.now();
const { index, fromCache, cacheFile } = await openIndex(corpusDir(), cacheDir(), { force: process.argv.includes('--force'), ...(threads ? { threads } : {}) });
const ms = Math.round(performance.now() - started);
const quotes = index.documents.reduce((n, d) => n + d.quotes.length, 0);
const events = index.documents.reduce((n, d) => n + d.events.length, 0);
console.log(`${fromCache ? 'Up to date' : 'Built'}: ${index.documents.length} documents, ${index.speakers.length} speakers, ${quotes} quotes, ${events} events in ${ms} ms`);
console.log(`Cache: ${cacheFile}`);
