// Lectern's sentence search beside MiniSearch and FlexSearch, on the same sentences and the same queries: index
// time, memory the index holds, median and p99 per query, and the share of Lectern's matches each one finds.
import { Index as FlexIndex } from 'flexsearch';
import MiniSearch from 'minisearch';
import type { CorpusIndex } from '../../src/corpus/index/types.ts';
import { SentenceIndex } from '../../src/corpus/search/sentence-index.ts';

export interface SearchEngineFigures {
  engine: string;
  /** How it is configured to read a query as Lectern does (every word, completions, near spellings). */
  setup: string;
  indexMs: number;
  /** V8 heap the built index holds (measured after a collection, the sentences themselves not counted). */
  heapBytes: number;
  medianMs: number;
  p99Ms: number;
  /** Of the sentences Lectern returns, the share this engine's results hold (1 for Lectern itself). */
  shareOfLecternMatches: number;
}

/** Lectern returns the best 25; the peers are asked for as many, and (for the share) for every match. */
const LIMIT = 25;

interface Engine {
  name: string;
  setup: string;
  build(sentences: string[]): void;
  search(query: string, limit: number): number[];
}

function lectern(index: CorpusIndex, numbering: Map<string, number[]>): Engine {
  let live: SentenceIndex | null = null;
  return {
    name: 'Lectern',
    setup: 'src/corpus/search (every word, completions from 3 letters, 1–2 edits from 5 letters, BM25)',
    build: () => {
      live = SentenceIndex.build(index.documents);
    },
    search: (query, limit) => (live?.search(query, { limit }) ?? []).map((m) => numbering.get(m.documentId)?.[m.sentence] ?? -1),
  };
}

function miniSearch(): Engine {
  let ms: MiniSearch<{ id: number; text: string }> | null = null;
  return {
    name: 'MiniSearch',
    setup: 'combineWith AND, prefix, fuzzy 0.2 (the options that read a query as Lectern does)',
    build: (sentences) => {
      ms = new MiniSearch({ fields: ['text'], idField: 'id' });
      ms.addAll(sentences.map((text, id) => ({ id, text })));
    },
    search: (query, limit) => (ms?.search(query, { combineWith: 'AND', prefix: true, fuzzy: 0.2 }) ?? []).slice(0, limit).map((r) => r.id as number),
  };
}

function flexSearch(): Engine {
  let fx: FlexIndex | null = null;
  return {
    name: 'FlexSearch',
    setup: "Index, tokenize 'forward' (prefixes), every word required",
    build: (sentences) => {
      fx = new FlexIndex({ tokenize: 'forward' });
      for (const [id, text] of sentences.entries()) fx.add(id, text);
    },
    search: (query, limit) => (fx?.search(query, { limit }) ?? []) as number[],
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;

/** Each engine in turn, on every sentence of the index and the same queries; `gc` runs between them. */
export function compareSearch(index: CorpusIndex, queries: string[], gc: () => void): SearchEngineFigures[] {
  // One numbering of the sentences for every engine: document order, then sentence order.
  const sentences: string[] = [];
  const numbering = new Map<string, number[]>();
  for (const d of index.documents) numbering.set(d.id, d.sentences.map((s) => sentences.push(s.text) - 1));
  const engines = [lectern(index, numbering), miniSearch(), flexSearch()];
  let reference: Array<Set<number>> = [];
  const out: SearchEngineFigures[] = [];
  for (const engine of engines) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const t = performance.now();
    engine.build(sentences);
    const indexMs = performance.now() - t;
    gc();
    const heapBytes = Math.max(0, process.memoryUsage().heapUsed - before);
    // Warm-up, then each query timed once per round, three rounds.
    for (const q of queries.slice(0, 20)) engine.search(q, LIMIT);
    const samples: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const q of queries) {
        const t0 = performance.now();
        engine.search(q, LIMIT);
        samples.push(performance.now() - t0);
      }
    }
    samples.sort((a, b) => a - b);
    const found = queries.map((q) => new Set(engine.search(q, Number.MAX_SAFE_INTEGER)));
    if (engine.name === 'Lectern') reference = queries.map((q) => new Set(engine.search(q, LIMIT)));
    let wanted = 0;
    let hit = 0;
    for (const [i, ref] of reference.entries()) {
      for (const s of ref) {
        wanted++;
        if (found[i]?.has(s)) hit++;
      }
    }
    out.push({ engine: engine.name, setup: engine.setup, indexMs, heapBytes, medianMs: percentile(samples, 0.5), p99Ms: percentile(samples, 0.99), shareOfLecternMatches: wanted ? hit / wanted : 1 });
  }
  return out;
}
