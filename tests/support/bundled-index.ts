import { buildIndex } from '../../src/corpus/index/build-index.ts';
import type { CorpusIndex } from '../../src/corpus/index/types.ts';
import { loadDocuments } from '../../src/corpus/load/load-file.ts';

let cached: Promise<CorpusIndex> | null = null;

/** The index of the bundled corpus, built once per test file. */
export function bundledIndex(): Promise<CorpusIndex> {
  cached ??= loadDocuments(['data/corpus'], () => undefined).then((docs) => buildIndex(docs, 'test'));
  return cached;
}
