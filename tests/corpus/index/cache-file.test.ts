// The cache file read in parts gives back the index that was written, part by part, and reads each part only when
// it is asked for.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../../bench/generate-corpus.ts';
import { readCacheFile, writeCacheFile } from '../../../src/corpus/index/cache-file.ts';
import { buildFresh } from '../../../src/corpus/index/cache.ts';
import { CorpusQuery } from '../../../src/corpus/query/corpus-query.ts';

describe('the index cache file', () => {
  it('reads back exactly the index written, each document part on first use', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lectern-cache-file-'));
    for (let i = 0; i < 6; i++) {
      const { file, text } = generateArticle(i, 3);
      await writeFile(path.join(dir, file), text);
    }
    const built = await buildFresh(['data/corpus', dir], () => undefined, 1);
    const file = path.join(dir, 'index.lectern');
    await writeCacheFile(file, built);
    const read = readCacheFile(file);
    expect(read).not.toBeNull();
    if (!read) return;
    // Untouched parts are not read yet: they are accessors until first use.
    const first = read.documents[0] as object;
    expect(Object.getOwnPropertyDescriptor(first, 'sentences')?.get).toBeTypeOf('function');
    expect(JSON.parse(JSON.stringify(read))).toEqual(JSON.parse(JSON.stringify(built)));
    expect(Object.getOwnPropertyDescriptor(first, 'sentences')?.get).toBeUndefined();

    // A fresh read answers as the built index does, the search included.
    const fromFile = new CorpusQuery(readCacheFile(file) ?? built);
    const fromBuild = new CorpusQuery(built);
    expect(fromFile.searchSentences('steel porcupine', {}, 25)).toEqual(fromBuild.searchSentences('steel porcupine', {}, 25));
    expect(fromFile.searchSentences('steel porcupine').length).toBeGreaterThan(0);
    await rm(dir, { recursive: true, force: true });
  });

  it('is not mistaken for another file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lectern-cache-file-'));
    const file = path.join(dir, 'old.lectern');
    await writeFile(file, '{"format":2}');
    expect(readCacheFile(file)).toBeNull();
    await rm(dir, { recursive: true, force: true });
  });
});
