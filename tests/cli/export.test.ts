import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { makeDocx, makeEpub, makePdf } from '../support/make-documents.ts';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');

/** The optional `location` (a PDF page, an EPUB chapter): absent for text sources. */
const Location = z.string().min(1).optional();

/** shared/CONTRACT.md as a schema: strict objects, so an extra or missing field fails. */
const Contract = z.strictObject({
  documents: z.array(
    z.strictObject({
      file: z.string(),
      title: z.string().min(1),
      published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
      quotes: z.array(
        z.strictObject({ speaker: z.string().min(1), aliases: z.array(z.string()), text: z.string().min(1), kind: z.enum(['direct', 'indirect', 'block']), line: z.number().int().positive(), location: Location }),
      ),
      events: z.array(z.strictObject({ date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/), text: z.string().min(1), expression: z.string().min(1), line: z.number().int().positive(), location: Location })),
      sections: z.array(z.strictObject({ label: z.string().min(1), keywords: z.array(z.string()), lines: z.tuple([z.number().int().positive(), z.number().int().positive()]), summary: z.string(), location: Location })),
    }),
  ),
});

async function exportJson(...paths: string[]) {
  return run(tsx, ['src/cli/export.ts', ...paths], { encoding: 'utf8' });
}

describe('npm run export', () => {
  it('prints exactly the contract for the bundled corpus, citing real lines', async () => {
    const { stdout } = await exportJson('data/corpus');
    const parsed = Contract.parse(JSON.parse(stdout));
    const doc = parsed.documents[0];
    expect(doc?.file).toBe('2025-09-04-security-guarantees.txt');
    expect(doc?.published).toBe('2025-09-04');
    const source = (await readFile('data/corpus/2025-09-04-security-guarantees.txt', 'utf8')).split('\n');
    for (const q of doc?.quotes ?? []) expect(source[q.line - 1], `${q.speaker} @${q.line}`).toContain(q.text);
    for (const e of doc?.events ?? []) expect(source[e.line - 1]).toContain(e.expression.split(',')[0]);
    for (const s of doc?.sections ?? []) expect(s.lines[0]).toBeLessThanOrEqual(s.lines[1]);
  });

  it('reads .md and .html alongside .txt', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lectern-export-'));
    await writeFile(path.join(dir, 'a.md'), '---\ntitle: Notes\ndate: 2024-03-02\n---\n# Talks\n\n"We will not give up," said Jane Doe, the mayor.\n');
    await writeFile(path.join(dir, 'b.html'), '<html><head><title>Page</title></head><body><h2>Part</h2><p>The ministry said on 3 May 2024 that talks had failed.</p></body></html>');
    const parsed = Contract.parse(JSON.parse((await exportJson(dir)).stdout));
    expect(parsed.documents.map((d) => [d.file, d.title, d.published])).toEqual([
      ['a.md', 'Notes', '2024-03-02'],
      ['b.html', 'Page', null],
    ]);
    expect(parsed.documents[0]?.quotes[0]).toMatchObject({ speaker: 'Jane Doe', text: 'We will not give up,', kind: 'direct', line: 7 });
    expect(parsed.documents[1]?.events[0]).toMatchObject({ date: '2024-05-03', line: 1 });
  });

  it('reads PDF, EPUB and Word files, with the location where the source has pages or chapters', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lectern-export-'));
    await writeFile(
      path.join(dir, 'harbour-council.pdf'),
      await makePdf([{ lines: ['The council met on 3 November 2024.'] }, { lines: ['"The wall will hold," said Anna Berg, the mayor.'] }], { title: 'Harbour council report', furniture: true }),
    );
    await writeFile(
      path.join(dir, 'book.epub'),
      makeEpub({ title: 'The Harbour Book', author: 'Ines Carr', date: '2019-05-01' }, [{ file: 'c1.xhtml', title: 'The Flood', body: '<p>The storm reached the coast on 12 March 1953.</p>' }]),
    );
    await writeFile(path.join(dir, 'minutes.docx'), makeDocx({ title: 'Minutes', author: 'Lena Vos', created: '2024-03-05T10:00:00Z' }, [{ text: 'The board met on 4 March 2024.' }]));
    const parsed = Contract.parse(JSON.parse((await exportJson(dir)).stdout));
    expect(parsed.documents.map((d) => d.file)).toEqual(['book.epub', 'harbour-council.pdf', 'minutes.docx']);
    const [book, pdf, docx] = parsed.documents;
    expect(book?.events[0]).toMatchObject({ date: '1953-03-12', line: 2, location: 'ch. 1, The Flood' });
    expect(pdf?.quotes[0]).toMatchObject({ speaker: 'Anna Berg', line: 2, location: 'p. 2' });
    expect(pdf?.events[0]).toMatchObject({ date: '2024-11-03', line: 1, location: 'p. 1' });
    expect(docx?.events[0]).toMatchObject({ date: '2024-03-04', text: 'The board met on 4 March 2024.', line: 1 });
    // A Word file has no pages of its own to point to: no location, as for text sources.
    expect(docx?.events[0]).not.toHaveProperty('location');
  });

  it('exits 2 with one line on standard error for a missing path or no documents', async () => {
    for (const args of [['does/not/exist'], [await mkdtemp(path.join(tmpdir(), 'lectern-empty-'))]]) {
      const error = await exportJson(...args).then(
        () => null,
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      expect(error?.code).toBe(2);
      expect(error?.stdout).toBe('');
      expect(error?.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
