import cliProgress from 'cli-progress';
import { CorpusQuery } from '../query/corpus-query.ts';
import { loadOrBuildIndex, type LoadedIndex } from './cache.ts';

/** Above this many documents a build shows a progress bar on a terminal. */
const PROGRESS_FROM = 50;

/** The corpus index from the cache, or built (with a progress bar for large corpora on a terminal). */
export async function openIndex(corpusDir: string, cacheDir: string, options: { force?: boolean; quiet?: boolean } = {}): Promise<LoadedIndex & { query: CorpusQuery }> {
  let bar: cliProgress.SingleBar | null = null;
  const loaded = await loadOrBuildIndex({
    paths: [corpusDir],
    cacheDir,
    ...(options.force ? { force: true } : {}),
    warn: (m) => {
      if (!options.quiet) process.stderr.write(`${m}\n`);
    },
    onProgress: (done, total) => {
      if (total < PROGRESS_FROM || !process.stderr.isTTY || options.quiet) return;
      bar ??= new cliProgress.SingleBar({ stream: process.stderr, format: 'Indexing [{bar}] {value}/{total} documents' }, cliProgress.Presets.shades_classic);
      if (done === 1) bar.start(total, 0);
      bar.update(done);
      if (done === total) bar.stop();
    },
  });
  return { ...loaded, query: new CorpusQuery(loaded.index) };
}
