import path from 'node:path';

/** Where the bundled documents and the index cache live, overridable from the environment. */
export function corpusDir(): string {
  return path.resolve(process.env.CORPUS_DIR ?? 'data/corpus');
}
export function cacheDir(): string {
  return path.resolve(process.env.INDEX_CACHE_DIR ?? 'data/cache');
}
/** Where the console writes pictures (a timeline's PNG), overridable from the environment. */
export function picturesDir(): string {
  return path.resolve(process.env.PICTURES_DIR ?? 'data/pictures');
}
