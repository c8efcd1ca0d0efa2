import type cliProgress from 'cli-progress';
import { CorpusQuery } from '../query/corpus-query.ts';
import { loadOrBuildIndex, type LoadedIndex } from './cache.ts';

/** Above this many documents a build shows a progress bar on a terminal. */
const PROGRESS_FROM = 50;

/** The corpus index from the cache, or built (with a progress bar for large corpora on a terminal). */
export async function openIndex(corpusDir: string, cacheDir: string, options: { force?: boolean; quiet?: boolean; threads?: number } = {}): Promise<LoadedIndex & { query: CorpusQuery }> {
  let bar: cliProgress.SingleBar | null = null;
  // The bar's module is loaded only for a terminal that will show it.
  const progress = process.stderr.isTTY && !options.quiet ? (await import('cli-progress')).default : null;
  const loaded = await loadOrBuildIndex({
    paths: [corpusDir],
    cacheDir,
    ...(options.force ? { force: true } : {}),
    ...(options.threads ? { threads: options.threads } : {}),
    warn: (m) => {
      if (!options.quiet) process.stderr.write(`${m}\n`);
    },
    onProgress: (done, total) => {
      if (total < PROGRESS_FROM || !progress) return;
      bar ??= new progress.SingleBar({ stream: process.stderr, format: 'Indexing [{bar}] {value}/{total} documents' }, progress.Presets.shades_classic);
      if (done === 1) bar.start(total, 0);
      bar.update(done);
      if (done === total) bar.stop();
    },
  });
  return { ...loaded, query: new CorpusQuery(loaded.index) };
}
