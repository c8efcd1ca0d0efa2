import { cp, mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrBuildIndex } from '../../../src/corpus/index/cache.ts';

describe('index cache', () => {
  it('builds once, then loads from the cache until an input changes', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'lectern-cache-'));
    const corpus = path.join(root, 'corpus');
    const cacheDir = path.join(root, 'cache');
    await cp('data/corpus', corpus, { recursive: true });
    const options = { paths: [corpus], cacheDir, warn: () => undefined };

    const first = await loadOrBuildIndex(options);
    expect(first.fromCache).toBe(false);
    const second = await loadOrBuildIndex(options);
    expect(second.fromCache).toBe(true);
    expect(second.index.documents[0]?.quotes).toEqual(first.index.documents[0]?.quotes);

    await writeFile(path.join(corpus, 'new.txt'), 'March 3, 2025\n"We will rebuild," said Mayor Ann Lee.\n');
    const third = await loadOrBuildIndex(options);
    expect(third.fromCache).toBe(false);
    expect(third.index.documents).toHaveLength(2);
    // The stale cache is removed, so the folder holds one index.
    expect((await readdir(cacheDir)).filter((f) => f.startsWith('index-'))).toHaveLength(1);

    // An edit to a file that keeps its name is a new input too.
    await writeFile(path.join(corpus, 'new.txt'), 'March 4, 2025\n"We will rebuild it all," said Mayor Ann Lee.\n');
    const fourth = await loadOrBuildIndex(options);
    expect(fourth.fromCache).toBe(false);
    expect(fourth.index.documents.find((d) => d.id === 'new.txt')?.quotes[0]?.text).toMatch(/rebuild it all/);
    expect((await loadOrBuildIndex(options)).fromCache).toBe(true);
  });

  it('trusts files unchanged in size and time since the last start without reading them, and reads any that changed', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'lectern-stamps-'));
    const corpus = path.join(root, 'corpus');
    await cp('data/corpus', corpus, { recursive: true });
    const note = path.join(corpus, 'note.txt');
    await writeFile(note, 'March 3, 2025\n"We will rebuild," said Mayor Ann Lee.\n');
    // Files last changed an hour ago: a start now may trust their stamps (a file changed a moment ago is read again).
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const f of await readdir(corpus)) await utimes(path.join(corpus, f), hourAgo, hourAgo);
    const options = { paths: [corpus], cacheDir: path.join(root, 'cache'), warn: () => undefined };
    expect((await loadOrBuildIndex(options)).fromCache).toBe(false);
    expect(await readdir(options.cacheDir)).toContain('inputs.json');
    expect((await loadOrBuildIndex(options)).fromCache).toBe(true);

    // Same size, another time: read again, and the new words are indexed.
    await writeFile(note, 'March 3, 2025\n"We will rebuilt," said Mayor Ann Lee.\n');
    const later = new Date(Date.now() - 1_800_000);
    await utimes(note, later, later);
    const changed = await loadOrBuildIndex(options);
    expect(changed.fromCache).toBe(false);
    expect(changed.index.documents.find((d) => d.id === 'note.txt')?.quotes[0]?.text).toMatch(/rebuilt/);
  });

  it('skips unreadable documents with a warning and indexes the rest', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'lectern-skip-'));
    await writeFile(path.join(root, 'empty.txt'), '');
    await writeFile(path.join(root, 'binary.txt'), Buffer.from([0x00, 0xff, 0x10, 0x00]));
    await writeFile(path.join(root, 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    await writeFile(path.join(root, 'good.txt'), 'The minister said the talks would resume next week.\n');
    const warnings: string[] = [];
    const { index } = await loadOrBuildIndex({ paths: [root], cacheDir: path.join(root, '.cache'), warn: (m) => warnings.push(m) });
    expect(index.documents.map((d) => d.file)).toEqual(['good.txt']);
    expect(warnings).toHaveLength(3);
    expect(warnings.every((w) => /^Skipped \S+: /.test(w) && !w.includes('\n'))).toBe(true);
  });
});
