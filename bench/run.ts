// npm run bench [-- --quick | --sizes 1,100,1000,10000] [--corpus DIR] [--runs 200] [--seed 1] [--servers 10000]
//                 [--cold-starts 5] [--threads N] [--whole-runs 1] [--aquaint DIR] [--keep] [--out FILE]
//
// For each corpus (a generated one of each size, or with --corpus a folder of real documents instead), in this one process after a warm-up: index build time and throughput, cache size,
// cold start from the cache (in a fresh child process), answer latency (median and p99) for every command
// and autocomplete, composing per-server digests, and peak memory; beside them, in the same run, the peers a user
// would pick instead: MiniSearch and FlexSearch on the same sentences and queries, chrono-node alone on the same
// documents (throughput, and recall and precision on ../shared/dev/aquaint), and, for a folder, whole processes
// (export on one thread and on every core against chrono-node alone reading the same files). Prints a Markdown table and writes the
// same figures as JSON to bench/results/<date>-<corpora>.json (or --out FILE). Benchmarks report numbers; they do not fail.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { CommandContext, Options } from '../src/commands/command.ts';
import { findCommand } from '../src/commands/index.ts';
import { analyseFiles, threadsFor } from '../src/corpus/index/analyse-files.ts';
import { assembleIndex } from '../src/corpus/index/build-index.ts';
import { readCacheFile, writeCacheFile } from '../src/corpus/index/cache-file.ts';
import { inputHash } from '../src/corpus/index/cache.ts';
import type { CorpusIndex } from '../src/corpus/index/types.ts';
import { findDocuments } from '../src/corpus/load/find-documents.ts';
import { CorpusQuery } from '../src/corpus/query/corpus-query.ts';
import { composeDigest, type RotationState } from '../src/digest/compose.ts';
import { paginate, renderEmbed } from '../src/discord/render.ts';
import { LiveCorpus } from '../src/library/live-corpus.ts';
import { defaultSettings } from '../src/settings/schema.ts';
import type { Reply } from '../src/reply/reply.ts';
import { folderSource, generatedSource, type CorpusSource } from './corpus-source.ts';
import { generateCorpus } from './generate-corpus.ts';
import { measurePicture, pictureReport, type PictureResult } from './timeline-picture.ts';
import { compareDates, type DateEngineFigures } from './peers/date-peers.ts';
import { compareSearch, type SearchEngineFigures } from './peers/search-peers.ts';
import { measureWholeProcess, type WholeProcessFigures } from './whole-process.ts';
import { workload, type Workload } from './workload.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------------------
// Arguments

function argValue(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = args[i] as string;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[i + 1];
}
const hasFlag = (name: string) => process.argv.slice(2).includes(`--${name}`);

const QUICK = hasFlag('quick');
const CORPUS_GIVEN = process.argv.slice(2).some((a) => a === '--corpus' || a.startsWith('--corpus='));
// A folder of real documents is measured instead of the generated sizes, unless --sizes asks for both.
const SIZES_ARG = argValue('sizes') ?? (CORPUS_GIVEN ? '' : QUICK ? '1,100' : '1,100,1000,10000');
const SIZES = SIZES_ARG === '' ? [] : SIZES_ARG.split(',').map((s) => Number(s.replace(/_/g, '').trim()));
if ((!SIZES.length && !CORPUS_GIVEN) || SIZES.some((n) => !Number.isInteger(n) || n < 1)) {
  process.stderr.write('--sizes takes a comma-separated list of document counts, e.g. --sizes 1,100,1000\n');
  process.exit(2);
}
const FOLDER = await (async () => {
  if (!CORPUS_GIVEN) return null;
  const given = argValue('corpus');
  const found = given && !given.startsWith('--') ? await folderSource(given) : { error: '--corpus takes a folder of documents, e.g. --corpus data/corpus' };
  if ('error' in found) {
    process.stderr.write(`${found.error}\n`);
    process.exit(2);
  }
  return found;
})();
const RUNS = Number(argValue('runs') ?? (QUICK ? 100 : 200));
const SEED = Number(argValue('seed') ?? 1);
const SERVERS = Number(argValue('servers') ?? (QUICK ? 1000 : 10_000));
const COLD_STARTS = argValue('cold-starts') === undefined ? null : Number(argValue('cold-starts'));
if (COLD_STARTS !== null && !(Number.isInteger(COLD_STARTS) && COLD_STARTS >= 1)) {
  process.stderr.write('--cold-starts takes a number of fresh processes to time, e.g. --cold-starts 3\n');
  process.exit(2);
}
const THREADS_ARG = argValue('threads');
if (THREADS_ARG !== undefined && !/^[1-9]\d{0,2}$/.test(THREADS_ARG)) {
  process.stderr.write('--threads takes a number of threads that analyse documents, e.g. --threads 2\n');
  process.exit(2);
}
/** Threads of the build: as asked, or as the bot chooses (one per core, for enough documents). */
const THREADS = THREADS_ARG === undefined ? undefined : Number(THREADS_ARG);
const WHOLE_RUNS = Number(argValue('whole-runs') ?? 1);
if (!(Number.isInteger(WHOLE_RUNS) && WHOLE_RUNS >= 0)) {
  process.stderr.write('--whole-runs takes how many times each whole process is timed (0: not at all), e.g. --whole-runs 3\n');
  process.exit(2);
}
/** TimeML-annotated news for the dates' recall and precision: there when ../shared is beside the clone. */
const AQUAINT = path.resolve(argValue('aquaint') ?? path.join(ROOT, '..', 'shared', 'dev', 'aquaint'));
const KEEP = hasFlag('keep');
const OUT = argValue('out');
const BENCH_GUILD = '100000000000000001';
/** At most this many builds of a small corpus (fewer than 200 documents), for a median. */
const BUILD_REPEATS = 20;
const WORK = path.join(os.tmpdir(), `lectern-bench-${process.pid}`);

// A garbage collector we can call between sizes, so one size's leftovers do not count against the next.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

// ---------------------------------------------------------------------------------------------------------
// Measuring

const now = () => performance.now();

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 0.5);

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

interface Latency {
  runs: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  /** Share of the runs that were real answers (the rest: not found / did you mean). */
  answered: number;
}

/** Peak memory, sampled: RSS and V8 heap in use. */
class MemorySampler {
  rss = 0;
  heap = 0;
  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.rss) this.rss = m.rss;
    if (m.heapUsed > this.heap) this.heap = m.heapUsed;
  }
}

type Outcome = boolean | Promise<boolean>;

async function time(runs: number, inputs: Array<() => Outcome>, memory: MemorySampler, warmup = 10): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await inputs[i % inputs.length]?.();
  const samples: number[] = [];
  let answered = 0;
  for (let i = 0; i < runs; i++) {
    const f = inputs[i % inputs.length] as () => Outcome;
    const t = now();
    const result = f();
    // Commands may answer asynchronously; the synchronous ones are timed without an await.
    const ok = typeof result === 'boolean' ? result : await result;
    samples.push(now() - t);
    if (ok) answered++;
    if (i % 20 === 0) memory.sample();
  }
  samples.sort((a, b) => a - b);
  return {
    runs,
    medianMs: percentile(samples, 0.5),
    p99Ms: percentile(samples, 0.99),
    maxMs: samples[samples.length - 1] ?? NaN,
    meanMs: samples.reduce((a, b) => a + b, 0) / samples.length,
    answered: answered / runs,
  };
}

// ---------------------------------------------------------------------------------------------------------
// One corpus

interface SizeResult {
  /** What was measured: a generated corpus, or a folder of real documents (its absolute path). */
  corpus: { kind: CorpusSource['kind']; label: string; path: string | null; bytes: number };
  documents: number;
  textBytes: number;
  sentences: number;
  quotes: number;
  events: number;
  sections: number;
  speakers: number;
  build: { runs: number; threads: number; loadMs: number; analyseMs: number; totalMs: number; mbPerSecond: number; docsPerSecond: number; cacheWriteMs: number; peakRssBytes: number; peakHeapBytes: number };
  cache: { bytes: number; file: string };
  coldStart: {
    runs: number;
    medianMs: number;
    processToFirstAnswerMs: number;
    hashInputsMs: number;
    readCacheMs: number;
    parseCacheMs: number;
    constructQueryMs: number;
    firstAnswerMs: number;
    firstSearchMs: number;
    peakRssBytes: number;
    peakHeapBytes: number;
    /** The engine's source changed between the build and the cold start (another edit): start-up would rebuild. */
    engineChangedDuringRun: boolean;
  };
  latency: Record<string, Latency>;
  digest: { servers: number; totalMs: number; perServerMedianMs: number; perServerP99Ms: number; note: string };
  serving: { peakRssBytes: number; peakHeapBytes: number };
  /** The search engines a user would pick instead, on this corpus's sentences and the workload's queries. */
  searchPeers: SearchEngineFigures[];
}

/** What is measured once per run rather than per corpus. */
interface PeerResults {
  /** chrono-node alone beside Lectern's dates: on the folder (throughput) and on AQUAINT (recall, precision). */
  dates: Array<{ corpus: string; engines: DateEngineFigures[] }>;
  wholeProcess: (WholeProcessFigures & { corpus: string; bytes: number }) | null;
}

const COMMAND_ROWS = ['/quote', '/event', '/summary', '/search', '/timeline', '/timeline (no range)', 'autocomplete speaker', 'autocomplete section'] as const;

function commandRunner(context: () => CommandContext, name: string): (options: Options) => Outcome {
  const command = findCommand(name);
  if (!command) throw new Error(`no /${name} command`);
  // Timed to the first page drawn as Discord gets it: the paging of a long answer is part of its cost.
  const draw = (r: Reply) => {
    renderEmbed(r, paginate(r), 0);
    return r.kind === 'answer';
  };
  return (options) => {
    const reply = command.run(context(), options);
    return reply instanceof Promise ? reply.then(draw) : draw(reply);
  };
}

function autocompleteRunner(context: () => CommandContext, name: string, option: string): (value: string) => Outcome {
  const command = findCommand(name);
  if (!command?.autocomplete) throw new Error(`no autocomplete on /${name}`);
  return (value) => {
    const choices = command.autocomplete?.(context(), option, value, {}) ?? [];
    return choices instanceof Promise ? choices.then((c) => c.length > 0) : choices.length > 0;
  };
}

async function measureQueries(ctx: () => CommandContext, w: Workload, memory: MemorySampler, runs: number): Promise<Record<string, Latency>> {
  // As the bot does once it has started (the first search's own cost is the cold start's "first /search").
  ctx().query.prepare();
  const quote = commandRunner(ctx, 'quote');
  const event = commandRunner(ctx, 'event');
  const summary = commandRunner(ctx, 'summary');
  const search = commandRunner(ctx, 'search');
  const timeline = commandRunner(ctx, 'timeline');
  const speakerChoices = autocompleteRunner(ctx, 'quote', 'speaker');
  const sectionChoices = autocompleteRunner(ctx, 'summary', 'section');
  const out: Record<string, Latency> = {};
  out['/quote'] = await time(runs, w.quote.map((o) => () => quote(o)), memory);
  out['/event'] = await time(runs, w.event.map((o) => () => event(o)), memory);
  out['/summary'] = await time(runs, w.summary.map((o) => () => summary(o)), memory);
  out['/search'] = await time(runs, w.search.map((o) => () => search(o)), memory);
  out['/timeline'] = await time(runs, w.timeline.map((o) => () => timeline(o)), memory);
  out['autocomplete speaker'] = await time(runs, w.speakerPrefixes.map((p) => () => speakerChoices(p)), memory);
  out['autocomplete section'] = await time(runs, w.sectionPrefixes.map((p) => () => sectionChoices(p)), memory);
  // /timeline with no range: every event in the corpus matches (the reply lists the first MAX_ITEMS).
  out['/timeline (no range)'] = await time(Math.min(runs, 50), [() => timeline({})], memory, 2);
  return out;
}

/**
 * Composing the daily digest for many servers, as the scheduler does at a busy hour: each server its own
 * rotation state (quote and section of the day), every server reading the whole corpus.
 */
async function measureDigest(ctx: CommandContext, servers: number, memory: MemorySampler, day: Date): Promise<SizeResult['digest']> {
  const documents = ctx.documents ?? new Set(ctx.query.documents().map((d) => d.id));
  const localDate = day.toISOString().slice(0, 10);
  const content = { quote: true, onThisDay: true, section: true };
  const per: number[] = [];
  const t0 = now();
  for (let s = 0; s < servers; s++) {
    const t = now();
    // Servers differ in how far their rotations have got: some have seen a few quotes and sections already.
    const state: RotationState = { quotes: [], sections: [] };
    let composed = composeDigest({ query: ctx.query, documents, content, localDate, state });
    for (let k = 0; k < s % 5; k++) composed = composeDigest({ query: ctx.query, documents, content, localDate, state: composed.state });
    per.push((now() - t) / ((s % 5) + 1));
    if (s % 100 === 0) memory.sample();
  }
  const totalMs = now() - t0;
  per.sort((a, b) => a - b);
  return {
    servers,
    totalMs,
    perServerMedianMs: percentile(per, 0.5),
    perServerP99Ms: percentile(per, 0.99),
    note: 'composeDigest per server (quote of the day, on this day, section spotlight), each with its own rotation state; total includes the extra rotations',
  };
}

/** Compiled (npm run bench runs dist/bench.js), the fresh processes run the compiled cold start too; under tsx, tsx's. */
const COMPILED = !import.meta.url.endsWith('.ts');
const childScript = (compiled: string, source: string): string[] => (COMPILED ? [path.join(ROOT, 'dist', `${compiled}.js`)] : ['--import', 'tsx', path.join(ROOT, source)]);

function coldStart(corpusDir: string, cacheFile: string, speaker: string, runs: number): SizeResult['coldStart'] {
  const results: Array<Record<string, number>> = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, [...childScript('bench-cold-start', 'bench/cold-start.ts'), corpusDir, cacheFile, speaker], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 16 * MB,
    });
    if (child.status !== 0) throw new Error(`cold start failed: ${child.stderr}`);
    const line = child.stdout.trim().split('\n').pop() ?? '{}';
    results.push(JSON.parse(line) as Record<string, number>);
  }
  const median = (key: string) => percentile(results.map((r) => r[key] ?? NaN).sort((a, b) => a - b), 0.5);
  return {
    runs,
    medianMs: median('coldStartMs'),
    processToFirstAnswerMs: median('processToFirstAnswerMs'),
    hashInputsMs: median('hashInputsMs'),
    readCacheMs: median('readCacheMs'),
    parseCacheMs: median('parseCacheMs'),
    constructQueryMs: median('constructQueryMs'),
    firstAnswerMs: median('firstAnswerMs'),
    firstSearchMs: median('firstSearchMs'),
    peakRssBytes: Math.max(...results.map((r) => r.peakRssBytes ?? 0)),
    peakHeapBytes: Math.max(...results.map((r) => r.peakHeapBytes ?? 0)),
    engineChangedDuringRun: results.some((r) => Boolean(r.stale)),
  };
}

const cacheDirOf = (source: CorpusSource) => path.join(WORK, `cache-${source.label.replace(/[^\w.-]+/g, '_')}`);

/** A corpus the benchmark cannot measure: said in one line, exit status 2. */
class BenchError extends Error {}

async function buildAndCache(source: CorpusSource, tag: string) {
  const { dir: corpusDir, documents: size } = source;
  const cacheDir = cacheDirOf(source);
  gc();

  // Build: the same steps as loadOrBuildIndex (find, hash, load, analyse and index, write the cache), timed apart.
  const memory = new MemorySampler();
  memory.sample();
  log(`${tag} building the index (${(source.bytes / 1e6).toFixed(1)} MB of text)…`);
  // A small corpus builds in milliseconds, where one run is mostly timer and file-system noise: it is built
  // several times and the median kept (the index is deterministic, so every run builds the same).
  const repeats = Math.max(1, Math.min(BUILD_REPEATS, Math.floor(200 / size)));
  const loads: number[] = [];
  const analyses: number[] = [];
  let built: CorpusIndex | null = null;
  let hash = '';
  let threads = 1;
  for (let r = 0; r < repeats; r++) {
    // As loadOrBuildIndex does: find and hash here, then read and analyse on THREADS threads, then assemble.
    const tLoad = now();
    const files = await findDocuments([corpusDir]);
    hash = await inputHash(files);
    threads = threadsFor(files.length, THREADS);
    loads.push(now() - tLoad);
    memory.sample();
    const tAnalyse = now();
    const step = Math.max(1, Math.floor(size / 20));
    const analysed = await analyseFiles(files, {
      threads,
      warn: (m) => log(`  warning: ${m}`),
      onProgress: (done, total) => {
        if (done % 10 === 0) memory.sample();
        if (size >= 500 && (done % step === 0 || done === total)) log(`  ${done}/${total} documents, ${((now() - tAnalyse) / 1000).toFixed(0)} s`);
      },
    });
    built = assembleIndex(analysed, hash);
    analyses.push(now() - tAnalyse);
    memory.sample();
  }
  if (!built) throw new Error('nothing built');
  const loadMs = median(loads);
  const analyseMs = median(analyses);
  const counts = {
    sentences: built.documents.reduce((a, d) => a + d.sentences.length, 0),
    quotes: built.documents.reduce((a, d) => a + d.quotes.length, 0),
    events: built.documents.reduce((a, d) => a + d.events.length, 0),
    sections: built.documents.reduce((a, d) => a + d.sections.length, 0),
    speakers: built.speakers.length,
  };
  await mkdir(cacheDir, { recursive: true });
  const cacheFile = path.join(cacheDir, `index-${hash}.lectern`);
  const tWrite = now();
  await writeCacheFile(cacheFile, built);
  const cacheWriteMs = now() - tWrite;
  memory.sample();
  const buildMemory = { peakRssBytes: memory.rss, peakHeapBytes: memory.heap };
  const cacheBytes = (await stat(cacheFile)).size;
  return { runs: repeats, threads, loadMs, analyseMs, counts, cacheWriteMs, buildMemory, cacheBytes, cacheFile };
}

async function measureCorpus(source: CorpusSource): Promise<SizeResult> {
  const { dir: corpusDir, documents: size } = source;
  const tag = source.kind === 'folder' ? `[${source.label}, ${docCount(size)}]` : `[${docCount(size)}]`;
  // The built index goes out of scope with buildAndCache, so it does not count against serving.
  const { runs, threads, loadMs, analyseMs, counts, cacheWriteMs, buildMemory, cacheBytes, cacheFile } = await buildAndCache(source, tag);
  gc();

  // Cold start, in fresh processes.
  const firstSpeaker = readCacheFile(cacheFile);
  if (!firstSpeaker) throw new Error(`${cacheFile} is not an index cache file`);
  const speaker = [...firstSpeaker.speakers].sort((a, b) => b.quoteCount - a.quoteCount)[0];
  // Cold start and /quote ask for a speaker: a corpus with no quotes cannot be measured like the others.
  if (!speaker?.quoteCount) throw new BenchError(`${source.label}: no quotes found, so there is no speaker to ask for (the benchmark needs at least one)`);
  log(`${tag} cold start…`);
  const cold = coldStart(corpusDir, cacheFile, speaker.name, COLD_STARTS ?? (size >= 10_000 ? 3 : 5));

  // Answers: from the index as the bot has it, read back from the cache.
  const serving = new MemorySampler();
  const index = firstSpeaker;
  // As a server member asks: the context (with the server's reading list, every document here) is made
  // per command, as src/app/app.ts does for each interaction.
  const live = new LiveCorpus(new CorpusQuery(index));
  const member = (): CommandContext => ({ query: live.query, documents: live.scopeFor(BENCH_GUILD, defaultSettings()) });
  const ctx = member();
  serving.sample();
  log(`${tag} answering (${RUNS} runs per command)…`);
  const w = workload(index, SEED + size, Math.max(RUNS, 50));
  const latency = await measureQueries(member, w, serving, RUNS);
  log(`${tag} composing ${SERVERS.toLocaleString('en-US')} digests…`);
  const digest = await measureDigest(ctx, SERVERS, serving, new Date(Date.UTC(2025, 7, 29)));
  // After serving memory was sampled: the peers' indexes are not the bot's.
  log(`${tag} search beside MiniSearch and FlexSearch…`);
  const searchPeers = compareSearch(index, w.search.map((o) => String(o.query)), gc);

  const totalMs = loadMs + analyseMs;
  return {
    corpus: { kind: source.kind, label: source.label, path: source.kind === 'folder' ? source.dir : null, bytes: source.bytes },
    documents: size,
    textBytes: source.bytes,
    ...counts,
    build: { runs, threads, loadMs, analyseMs, totalMs, mbPerSecond: source.bytes / MB / (totalMs / 1000), docsPerSecond: size / (totalMs / 1000), cacheWriteMs, ...buildMemory },
    cache: { bytes: cacheBytes, file: path.basename(cacheFile) },
    coldStart: cold,
    latency,
    digest,
    serving: { peakRssBytes: serving.rss, peakHeapBytes: serving.heap },
    searchPeers,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Report

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`);
const fmtMb = (bytes: number) => `${(bytes / MB).toFixed(bytes >= 100 * MB ? 0 : 1)} MB`;
const fmtN = (n: number) => n.toLocaleString('en-US');
const docCount = (n: number, noun = 'document') => `${fmtN(n)} ${noun}${n === 1 ? '' : 's'}`;

function table(results: SizeResult[]): string {
  const docs = (r: SizeResult) => docCount(r.documents, 'doc');
  const head = `| | ${results.map((r) => (r.corpus.kind === 'folder' ? `${r.corpus.label} (${docs(r)})` : docs(r))).join(' | ')} |`;
  const sep = `|---|${results.map(() => '---:').join('|')}|`;
  const row = (label: string, f: (r: SizeResult) => string) => `| ${label} | ${results.map(f).join(' | ')} |`;
  const lat = (name: string) => (r: SizeResult) => {
    const l = r.latency[name];
    return l ? `${fmtMs(l.medianMs)} / ${fmtMs(l.p99Ms)}` : '';
  };
  return [
    head,
    sep,
    row('text', (r) => fmtMb(r.textBytes)),
    row('sentences / quotes / events', (r) => `${fmtN(r.sentences)} / ${fmtN(r.quotes)} / ${fmtN(r.events)}`),
    row('speakers / sections', (r) => `${fmtN(r.speakers)} / ${fmtN(r.sections)}`),
    row('**build** (find + hash + read, analyse and index; median of runs)', (r) => `${fmtMs(r.build.totalMs)}${r.build.runs > 1 ? ` (${r.build.runs})` : ''}`),
    row('build threads', (r) => String(r.build.threads)),
    row('… of which find and hash / read, analyse and index', (r) => `${fmtMs(r.build.loadMs)} / ${fmtMs(r.build.analyseMs)}`),
    row('build throughput', (r) => `${r.build.mbPerSecond.toFixed(2)} MB/s, ${r.build.docsPerSecond.toFixed(0)} docs/s`),
    row('cache write', (r) => fmtMs(r.build.cacheWriteMs)),
    row('**cache size** on disk', (r) => fmtMb(r.cache.bytes)),
    row('**cold start**: inputs hashed, cache read → first answer', (r) => fmtMs(r.coldStart.medianMs)),
    row('… of which hash / read the outline / query setup / answer', (r) => `${fmtMs(r.coldStart.hashInputsMs)} / ${fmtMs(r.coldStart.readCacheMs)} / ${fmtMs(r.coldStart.constructQueryMs)} / ${fmtMs(r.coldStart.firstAnswerMs)}`),
    row(`process start → first answer (Node starting, ${COMPILED ? 'compiled code' : 'tsx compiling the TypeScript'})`, (r) => fmtMs(r.coldStart.processToFirstAnswerMs)),
    row('first /search (loads the search index)', (r) => fmtMs(r.coldStart.firstSearchMs)),
    ...COMMAND_ROWS.map((name) => row(`${name} median / p99`, lat(name))),
    row(`digests composed, ${fmtN(results[0]?.digest.servers ?? SERVERS)} servers (total)`, (r) => fmtMs(r.digest.totalMs)),
    row('… per server median / p99', (r) => `${fmtMs(r.digest.perServerMedianMs)} / ${fmtMs(r.digest.perServerP99Ms)}`),
    row('peak RSS / heap: build (this process)', (r) => `${fmtMb(r.build.peakRssBytes)} / ${fmtMb(r.build.peakHeapBytes)}`),
    row('peak RSS / heap: serving (fresh process)', (r) => `${fmtMb(r.coldStart.peakRssBytes)} / ${fmtMb(r.coldStart.peakHeapBytes)}`),
  ].join('\n');
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const share = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The peers side by side, with the ratios of Lectern's figures to theirs. */
function peerReport(results: SizeResult[], peers: PeerResults): string {
  const out: string[] = ['', '', 'Search beside MiniSearch and FlexSearch (same sentences, same queries; per query: median / p99; ratios are Lectern ÷ peer):', ''];
  for (const r of results) {
    const mine = r.searchPeers.find((e) => e.engine === 'Lectern');
    if (!mine) continue;
    out.push(`${r.corpus.kind === 'folder' ? r.corpus.label : docCount(r.documents, 'doc')}, ${fmtN(r.sentences)} sentences:`, '', '| engine | index time | index heap | median / p99 | finds of Lectern\'s matches | p99 ratio | heap ratio |', '|---|---:|---:|---:|---:|---:|---:|');
    for (const e of r.searchPeers) out.push(`| ${e.engine} | ${fmtMs(e.indexMs)} | ${fmtMb(e.heapBytes)} | ${fmtMs(e.medianMs)} / ${fmtMs(e.p99Ms)} | ${share(e.shareOfLecternMatches)} | ${e === mine ? '' : ratio(mine.p99Ms, e.p99Ms)} | ${e === mine ? '' : ratio(mine.heapBytes, e.heapBytes)} |`);
    out.push('');
  }
  for (const d of peers.dates) {
    const [mine, chrono] = d.engines;
    if (!mine || !chrono) continue;
    out.push(`Dates on ${d.corpus}: Lectern beside chrono-node alone (the date step only, documents already loaded; best of 3):`, '', '| engine | time | throughput | dates | recall | precision~ |', '|---|---:|---:|---:|---:|---:|');
    for (const e of d.engines) out.push(`| ${e.engine} | ${fmtMs(e.ms)} | ${e.mbPerSecond.toFixed(2)} MB/s | ${fmtN(e.events)} | ${e.recall === null ? '' : e.recall.toFixed(3)} | ${e.precision === null ? '' : e.precision.toFixed(3)} |`);
    out.push(`Lectern takes ${ratio(mine.ms, chrono.ms)} chrono-node's time${mine.recall !== null && chrono.recall !== null ? `, for ${ratio(mine.recall, chrono.recall)} its recall and ${ratio(mine.precision ?? 0, chrono.precision ?? 1)} its precision` : ''}.`, '');
  }
  const w = peers.wholeProcess;
  if (w) {
    out.push(
      `Whole processes on ${w.corpus} (${fmtMb(w.bytes)}; wall time, Node's start included, median of ${w.runs}):`,
      '',
      '| process | time | ratio to chrono-node alone |',
      '|---|---:|---:|',
      `| \`npm run export\` on 1 thread | ${fmtMs(w.exportOneThreadMs)} | ${ratio(w.exportOneThreadMs, w.chronoAloneMs)} |`,
      `| \`npm run export\` on ${w.threads} threads | ${fmtMs(w.exportAllThreadsMs)} | ${ratio(w.exportAllThreadsMs, w.chronoAloneMs)} |`,
      `| chrono-node alone reading the same files (bench/chrono-alone.ts) | ${fmtMs(w.chronoAloneMs)} | 1.00× |`,
      '',
      `${w.threads} threads build ${ratio(w.exportOneThreadMs, w.exportAllThreadsMs)} as fast as one.`,
    );
  }
  return out.join('\n');
}

function targets(results: SizeResult[], peers: PeerResults | null = null): string[] {
  const lines: string[] = [];
  const check = (ok: boolean, text: string) => lines.push(`${ok ? 'met   ' : 'MISSED'}  ${text}`);
  for (const r of results) {
    const on = r.corpus.kind === 'folder' ? `on ${r.corpus.label} (${docCount(r.documents, 'real doc')})` : `at ${docCount(r.documents, 'doc')}`;
    check(r.build.mbPerSecond >= 1, `build ≥ 1 MB/s ${on}: ${r.build.mbPerSecond.toFixed(2)} MB/s`);
  }
  // The latency targets were set on the generated sizes.
  const generated = results.filter((r) => r.corpus.kind === 'generated');
  const k = generated.find((r) => r.documents === 1000);
  if (k) {
    check(k.coldStart.medianMs < 500, `1,000 docs: cold start < 500 ms: ${fmtMs(k.coldStart.medianMs)}`);
    for (const name of ['/quote', '/event', '/summary', '/search', '/timeline', '/timeline (no range)'] as const) check((k.latency[name]?.p99Ms ?? Infinity) < 10, `1,000 docs: ${name} p99 < 10 ms: ${fmtMs(k.latency[name]?.p99Ms ?? NaN)}`);
    for (const name of ['autocomplete speaker', 'autocomplete section'] as const) check((k.latency[name]?.p99Ms ?? Infinity) < 5, `1,000 docs: ${name} p99 < 5 ms: ${fmtMs(k.latency[name]?.p99Ms ?? NaN)}`);
    check(k.coldStart.peakRssBytes < 300 * MB, `1,000 docs: serving RSS < 300 MB: ${fmtMb(k.coldStart.peakRssBytes)}`);
  }
  const t = generated.find((r) => r.documents === 10_000);
  if (t) {
    for (const name of COMMAND_ROWS) check((t.latency[name]?.p99Ms ?? Infinity) < 50, `10,000 docs: ${name} p99 < 50 ms: ${fmtMs(t.latency[name]?.p99Ms ?? NaN)}`);
    check(t.coldStart.medianMs < 1000, `10,000 docs: cold start < 1 s: ${fmtMs(t.coldStart.medianMs)}`);
    check(t.coldStart.peakRssBytes < 600 * MB, `10,000 docs: serving RSS < 600 MB: ${fmtMb(t.coldStart.peakRssBytes)}`);
    const mine = t.searchPeers.find((e) => e.engine === 'Lectern');
    const mini = t.searchPeers.find((e) => e.engine === 'MiniSearch');
    if (mine && mini) {
      check(mine.p99Ms <= mini.p99Ms / 2, `10,000 docs: search p99 ≤ half of MiniSearch's: ${fmtMs(mine.p99Ms)} against ${fmtMs(mini.p99Ms)} (${ratio(mine.p99Ms, mini.p99Ms)})`);
      check(mine.heapBytes <= mini.heapBytes, `10,000 docs: search index memory ≤ MiniSearch's: ${fmtMb(mine.heapBytes)} against ${fmtMb(mini.heapBytes)}`);
    }
  }
  const w = peers?.wholeProcess;
  if (w) {
    check(w.exportAllThreadsMs <= 2.5 * w.chronoAloneMs, `${w.corpus}: export (whole process, ${w.threads} threads) ≤ 2.5× chrono-node alone: ${ratio(w.exportAllThreadsMs, w.chronoAloneMs)}`);
    if (w.threads >= 2) check(w.exportOneThreadMs >= 1.7 * w.exportAllThreadsMs, `${w.corpus}: ${w.threads} threads ≥ 1.7× as fast as one: ${ratio(w.exportOneThreadMs, w.exportAllThreadsMs)}`);
  }
  return lines;
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Main

const started = now();
let picture: PictureResult | null = null;
await mkdir(WORK, { recursive: true });
try {
  // Warm-up: compile the engine's hot paths on a small corpus before anything is timed.
  log('warm-up…');
  const warmDir = path.join(WORK, 'warm-up');
  await generateCorpus(warmDir, 30, SEED + 999);
  // In this thread: the warm-up is for the answering code, which runs here.
  const warmFiles = await analyseFiles(await findDocuments([warmDir]), { threads: 1, warn: () => undefined });
  const warmIndex = JSON.parse(JSON.stringify(assembleIndex(warmFiles, 'warm-up'))) as CorpusIndex;
  const warm = new CorpusQuery(warmIndex);
  await measureQueries(() => ({ query: warm }), workload(warmIndex, SEED, 50), new MemorySampler(), 50);
  log('timeline picture: 300 events…');
  picture = await measurePicture(warm, QUICK ? 5 : 20);

  const results: SizeResult[] = [];
  for (const size of SIZES) {
    log(`\n[${fmtN(size)} documents] generating…`);
    const source = await generatedSource(WORK, size, SEED);
    results.push(await measureCorpus(source));
    gc();
    await report(results, false);
    if (!KEEP) await rm(source.dir, { recursive: true, force: true }).then(() => rm(cacheDirOf(source), { recursive: true, force: true }));
  }
  if (FOLDER) {
    log(`\n[${FOLDER.label}] ${docCount(FOLDER.documents)}, ${(FOLDER.bytes / 1e6).toFixed(1)} MB, read where they are`);
    results.push(await measureCorpus(FOLDER));
    await report(results, false);
  }

  const peers: PeerResults = { dates: [], wholeProcess: null };
  if (FOLDER) {
    log(`\n[${FOLDER.label}] dates beside chrono-node alone…`);
    peers.dates.push({ corpus: FOLDER.label, engines: await compareDates(FOLDER.dir, null) });
    if (WHOLE_RUNS > 0) {
      log(`[${FOLDER.label}] whole processes: export on 1 and ${os.availableParallelism()} threads, chrono-node alone (${WHOLE_RUNS} run${WHOLE_RUNS === 1 ? '' : 's'} each)…`);
      peers.wholeProcess = { corpus: FOLDER.label, bytes: FOLDER.bytes, ...measureWholeProcess(FOLDER.dir, ROOT, childScript, WHOLE_RUNS) };
    }
  }
  const aquaintDocs = path.join(AQUAINT, 'docs');
  if (await stat(aquaintDocs).then(() => true, () => false)) {
    log('\n[aquaint] dates beside chrono-node alone, scored against the TimeML gold…');
    peers.dates.push({ corpus: 'dev/aquaint', engines: await compareDates(aquaintDocs, path.join(AQUAINT, 'gold')) });
  }

  await report(results, true, peers);
} catch (e) {
  if (!(e instanceof BenchError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 2;
} finally {
  if (!KEEP) await rm(WORK, { recursive: true, force: true });
  else log(`Corpora and caches kept in ${WORK}`);
}

/** Writes the JSON after every size (a long run that fails late keeps what it measured); prints at the end. */
async function report(results: SizeResult[], final: boolean, peers: PeerResults | null = null): Promise<void> {
  const commit = git(['rev-parse', 'HEAD']);
  const dirty = (git(['status', '--porcelain', '--', 'src']) ?? '') !== '';
  const cpus = os.cpus();
  const machine = {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    buildThreads: THREADS ?? 'one per core, at most one per 32 documents',
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
  const date = new Date().toISOString();
  const output = table(results);
  const checks = targets(results, peers);
  const peerTables = peers ? peerReport(results, peers) : '';
  const header = `Lectern benchmark, ${date.slice(0, 10)}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, build threads ${THREADS ?? 'one per core (at most one per 32 documents)'}, commit ${commit?.slice(0, 7) ?? 'unknown'}${dirty ? ' (src has uncommitted changes)' : ''}; seed ${SEED}, ${RUNS} runs per command (median / p99).`;
  if (final) process.stdout.write(`\n${header}\n\n${output}\n\nThe digest row composes the real daily digest (src/digest/compose.ts) for ${fmtN(SERVERS)} servers, each with its own rotation state.${results.some((r) => r.coldStart.engineChangedDuringRun) ? '\n\nNote: the engine source changed during this run (another edit); the cold start timed the cache built earlier in the run.' : ''}${peerTables}\n\nTargets (issue 6; build speed on real news: issue 11; issue 18):\n${checks.map((c) => `  ${c}`).join('\n')}\n${picture ? `\n${pictureReport(picture)}\n` : ''}`);

  const corpora = [...SIZES.map(String), ...(FOLDER ? [FOLDER.label.replace(/^[./]+/, '').replace(/[^\w.-]+/g, '_')] : [])];
  const file = OUT ? path.resolve(OUT) : path.join(ROOT, 'bench', 'results', `${date.slice(0, 10)}-${corpora.join('-')}.json`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(
    file,
    `${JSON.stringify({ date, machine, commit, srcDirty: dirty, seed: SEED, runs: RUNS, servers: SERVERS, quick: QUICK, sizes: SIZES, corpus: FOLDER && { path: FOLDER.dir, bytes: FOLDER.bytes, documents: FOLDER.documents }, complete: final, elapsedMs: now() - started, results, picture, peers, targets: checks, table: output, peerTables }, null, 2)}\n`,
  );
  if (final) log(`\nWrote ${path.relative(ROOT, file)} (${((now() - started) / 1000).toFixed(0)} s in all).`);
}
