// Cold start, measured in a fresh process: from hashing the inputs and reading the cached index to the first answer.
// Run by bench/run.ts as `node dist/bench-cold-start.js <corpusDir> <cacheFile> <speaker>` (or under tsx);
// prints one line of JSON.

import path from 'node:path';
import { findCommand } from '../src/commands/index.ts';
import type { CommandContext } from '../src/commands/command.ts';
import { readCacheFile } from '../src/corpus/index/cache-file.ts';
import { inputHash } from '../src/corpus/index/cache.ts';
import { engineVersion } from '../src/corpus/index/engine-version.ts';
import { rememberedHash, rememberHash, stampsOf } from '../src/corpus/index/input-stamps.ts';
import { findDocuments } from '../src/corpus/load/find-documents.ts';
import { CorpusQuery } from '../src/corpus/query/corpus-query.ts';

const [corpusDir, cacheFile, speaker] = process.argv.slice(2);
if (!corpusDir || !cacheFile || !speaker) {
  process.stderr.write('Usage: cold-start.ts <corpusDir> <cacheFile> <speaker>\n');
  process.exit(2);
}

let peakHeap = 0;
const sample = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
const run = async (ctx: CommandContext, name: string, options: Record<string, string>) => {
  const command = findCommand(name);
  if (!command) throw new Error(`no /${name}`);
  const reply = await command.run(ctx, options);
  sample();
  return reply;
};

// Modules are loaded (compiled, or TypeScript compiled by tsx) before this point: that is start-up cost too.
const modulesLoaded = performance.now();

// What start-up does before it can read the cache: find the documents and hash them with the engine.
const t0 = performance.now();
// As loadOrBuildIndex does: the hash remembered from the files' stamps, or the files read and hashed (and the
// stamps remembered for the next start).
const files = await findDocuments([corpusDir]);
const cacheDir = path.dirname(cacheFile);
let hash = rememberedHash(cacheDir, files, engineVersion());
const rememberedInputs = hash !== null;
if (!hash) {
  const takenAt = Date.now();
  const stamps = stampsOf(files);
  hash = await inputHash(files);
  await rememberHash(cacheDir, files, engineVersion(), stamps, takenAt, hash);
}
const hashed = performance.now();
// The engine's source may change while a long benchmark runs (its hash is part of the key): still time the
// cache that was built, and say so.
const stale = !cacheFile.includes(hash);

// From reading the cache file (its outline: the rest is read when first asked for) to the first answer.
const t1 = performance.now();
const index = readCacheFile(cacheFile);
const read = performance.now();
const parsed = read;
sample();
if (!index || index.format !== 2) throw new Error('not an index cache file');
const staleEngine = index.engineVersion !== engineVersion();
const query = new CorpusQuery(index);
const constructed = performance.now();
sample();
const ctx: CommandContext = { query };
const first = await run(ctx, 'quote', { speaker });
const answered = performance.now();
if (first.kind !== 'answer') throw new Error(`first answer was ${first.kind}: ${first.intro ?? ''}`);

// The first /search loads the sentence index (its own part of the cache file, read on first use).
const t2 = performance.now();
await run(ctx, 'search', { query: 'the government' });
const firstSearch = performance.now() - t2;
// Every other command once, so that peak memory covers a bot that has answered everything.
await run(ctx, 'event', { date: '2020' });
await run(ctx, 'timeline', { from: '2020-01-01', to: '2020-12-31' });
await run(ctx, 'summary', { section: 'the' });
await run(ctx, 'speakers', {});
await run(ctx, 'sections', {});

const out = {
  modulesMs: modulesLoaded,
  hashInputsMs: hashed - t0,
  readCacheMs: read - t1,
  parseCacheMs: parsed - read,
  constructQueryMs: constructed - parsed,
  firstAnswerMs: answered - constructed,
  // Start-up hashes the inputs before it can trust the cache: that is part of a cold start too.
  coldStartMs: answered - t0,
  processToFirstAnswerMs: answered,
  firstSearchMs: firstSearch,
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
  peakHeapBytes: peakHeap,
  stale: stale || staleEngine,
  rememberedInputs,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
