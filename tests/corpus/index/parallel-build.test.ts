// The index built on several threads is the index built on one: same documents in the same order, same speakers,
// same search index, same warnings in the same order, on real documents of every kind.
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateArticle } from '../../../bench/generate-corpus.ts';
import { buildFresh } from '../../../src/corpus/index/cache.ts';
import type { CorpusIndex } from '../../../src/corpus/index/types.ts';
import { makeDocx, makeEpub, makePdf } from '../../support/make-documents.ts';

let corpus: string;
beforeAll(async () => {
  corpus = await mkdtemp(path.join(tmpdir(), 'lectern-threads-'));
  await cp('data/corpus', corpus, { recursive: true });
  for (let i = 0; i < 14; i++) {
    const { file, text } = generateArticle(i, 7);
    await writeFile(path.join(corpus, file), text);
  }
  await writeFile(
    path.join(corpus, 'harbour-council.pdf'),
    await makePdf([{ lines: ['# Harbour council report', 'The council met on 3 November 2024.', '"We will rebuild the sea wall before the winter," said Mayor', 'Anna Berg, who chairs the council.'] }], { title: 'Harbour council report', author: 'Tom Ellery', created: new Date('2024-11-06T09:00:00Z') }),
  );
  await writeFile(
    path.join(corpus, 'harbour-book.epub'),
    makeEpub({ title: 'The Harbour Book', author: 'Ines Carr', date: '2019-05-01' }, [
      { file: 'ch1.xhtml', title: 'The Town', body: '<p>The town was founded in 1850, the mayor said.</p>' },
      { file: 'ch2.xhtml', title: 'The Flood', body: '<p>The storm reached the coast on 12 March 1953.</p>' },
    ]),
  );
  await writeFile(path.join(corpus, 'minutes.docx'), makeDocx({ title: 'Minutes', author: 'Clerk', created: '2024-11-07T10:00:00Z' }, [{ text: '"The wall will hold," said engineer Lars Holm on 7 November 2024.' }]));
  // Unreadable files: each is reported once, in file order, whichever thread read it.
  await writeFile(path.join(corpus, 'empty.txt'), '');
  await writeFile(path.join(corpus, 'scan.pdf'), await makePdf([{ lines: [] }]));
});

async function build(threads: number): Promise<{ index: Omit<CorpusIndex, 'builtAt'>; warnings: string[] }> {
  const warnings: string[] = [];
  const { builtAt: _, ...index } = await buildFresh([corpus], (m) => warnings.push(m), threads);
  return { index, warnings };
}

describe('building the index on several threads', { timeout: 120_000 }, () => {
  it('gives exactly the index and the warnings of one thread', async () => {
    const one = await build(1);
    expect(one.index.documents.length).toBeGreaterThanOrEqual(17);
    expect(one.index.documents.map((d) => d.format)).toEqual(expect.arrayContaining(['txt', 'md', 'pdf', 'epub', 'docx']));
    expect(one.warnings.map((w) => w.split(':')[0])).toEqual(['Skipped empty.txt', 'Skipped scan.pdf']);
    for (const threads of [2, 3]) {
      const many = await build(threads);
      expect(JSON.stringify(many.index)).toBe(JSON.stringify(one.index));
      expect(many.warnings).toEqual(one.warnings);
    }
  });
});
