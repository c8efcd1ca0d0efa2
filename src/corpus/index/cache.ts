import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { findDocuments } from '../load/find-documents.ts';
import type { Warn } from '../load/load-file.ts';
import { readCacheFile, writeCacheFile } from './cache-file.ts';
import { engineVersion } from './engine-version.ts';
import { rememberedHash, rememberHash, stampsOf } from './input-stamps.ts';
import type { CorpusIndex } from './types.ts';

export interface LoadIndexOptions {
  paths: string[];
  cacheDir: string;
  warn: Warn;
  onProgress?: (done: number, total: number) => void;
  /** Build even when a cached index matches. */
  force?: boolean;
  /** Threads that analyse documents at once (one per core by default). */
  threads?: number;
}

export interface LoadedIndex {
  index: CorpusIndex;
  fromCache: boolean;
  cacheFile: string;
}

/** Files read at once while hashing: start-up waits on the disk, not on one read after another. */
const READ_AHEAD = 16;

/** Hash of the engine version and every input file's name and bytes. */
export async function inputHash(files: Array<{ path: string; id: string }>): Promise<string> {
  const hash = createHash('sha256').update(engineVersion());
  const read = (f: { path: string }) => readFile(f.path).catch(() => null);
  const pending: Array<Promise<Buffer | null> | undefined> = files.slice(0, READ_AHEAD).map(read);
  for (const [i, f] of files.entries()) {
    const bytes = await pending[i];
    // Hashed: let the bytes go (holding every file until the end would hold the whole corpus).
    pending[i] = undefined;
    const next = files[i + READ_AHEAD];
    if (next) pending.push(read(next));
    hash.update(f.id).update('\0');
    hash.update(bytes ?? 'unreadable');
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 24);
}

/**
 * Analyses the files and assembles their index. The analysers (chrono-node, wink-nlp, the loaders) are loaded
 * only here, when there is something to analyse: a start from the cache never loads them.
 */
async function build(files: Array<{ path: string; id: string }>, hash: string, options: { warn: Warn; threads?: number; onProgress?: (done: number, total: number) => void }): Promise<CorpusIndex> {
  const [{ analyseFiles }, { assembleIndex }] = await Promise.all([import('./analyse-files.ts'), import('./build-index.ts')]);
  return assembleIndex(await analyseFiles(files, options), hash);
}

/** The index of these paths built now, without touching any cache (export and eval). */
export async function buildFresh(paths: string[], warn: Warn, threads?: number): Promise<CorpusIndex> {
  const files = await findDocuments(paths);
  return build(files, await inputHash(files), { warn, ...(threads ? { threads } : {}) });
}

/**
 * The index for these inputs: read from the cache when the inputs and the engine are unchanged,
 * otherwise built and written (atomically, so a crash never leaves half a cache behind).
 */
export async function loadOrBuildIndex(options: LoadIndexOptions): Promise<LoadedIndex> {
  const files = await findDocuments(options.paths);
  let hash = rememberedHash(options.cacheDir, files, engineVersion());
  if (!hash) {
    const takenAt = Date.now();
    const stamps = stampsOf(files);
    hash = await inputHash(files);
    await rememberHash(options.cacheDir, files, engineVersion(), stamps, takenAt, hash).catch(() => undefined);
  }
  const cacheFile = path.join(options.cacheDir, `index-${hash}.lectern`);
  if (!options.force) {
    try {
      const cached = readCacheFile(cacheFile);
      if (cached && cached.format === 2 && cached.inputHash === hash && cached.engineVersion === engineVersion()) return { index: cached, fromCache: true, cacheFile };
    } catch {
      // No cache, or an unreadable one: build afresh.
    }
  }
  const index = await build(files, hash, options);
  await mkdir(options.cacheDir, { recursive: true });
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  await writeCacheFile(tmp, index);
  await rename(tmp, cacheFile);
  // Older caches of this corpus are dead weight.
  for (const name of await readdir(options.cacheDir)) {
    if (/^index-[0-9a-f]+\.(json|lectern)$/.test(name) && name !== path.basename(cacheFile)) await unlink(path.join(options.cacheDir, name)).catch(() => undefined);
  }
  return { index, fromCache: false, cacheFile };
}
