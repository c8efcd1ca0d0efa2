import { beforeAll, describe, expect, it } from 'vitest';
import { toContract } from '../../../src/corpus/export.ts';
import { buildIndex } from '../../../src/corpus/index/build-index.ts';
import { readDocument } from '../../../src/corpus/load/load-file.ts';
import { loadPdf } from '../../../src/corpus/load/load-pdf.ts';
import type { LoadedDocument } from '../../../src/corpus/types.ts';
import { makePdf, type PdfPage } from '../../support/make-documents.ts';

const HARBOUR_PAGES: PdfPage[] = [
  {
    lines: [
      '# Harbour council report',
      'The council met on 3 November 2024 to discuss the flood defen-',
      'ces of the old town. The meeting lasted four hours.',
      '',
      '"We will rebuild the sea wall before the winter," said Mayor',
      'Anna Berg, who chairs the council.',
    ],
  },
  { lines: ['# The works', 'On 5 November 2024 the engineers began work on the wall.', 'Berg said that the work would take two years.'] },
];

let doc: LoadedDocument;
beforeAll(async () => {
  const bytes = await makePdf(HARBOUR_PAGES, { title: 'Harbour council report', author: 'Tom Ellery', created: new Date('2024-11-06T09:00:00Z'), furniture: true });
  doc = await loadPdf('harbour-council.pdf', 'harbour-council.pdf', bytes);
});

describe('a PDF with a text layer', () => {
  it('reads the text in order, without running headers or page numbers, with words broken at a line end joined', () => {
    const text = doc.paragraphs.map((p) => p.text);
    expect(text).toEqual([
      'Harbour council report',
      'The council met on 3 November 2024 to discuss the flood defences of the old town. The meeting lasted four hours.',
      '"We will rebuild the sea wall before the winter," said Mayor Anna Berg, who chairs the council.',
      'The works',
      'On 5 November 2024 the engineers began work on the wall. Berg said that the work would take two years.',
    ]);
    expect(doc.paragraphs.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual(['Harbour council report', 'The works']);
    expect(doc).toMatchObject({ format: 'pdf', title: 'Harbour council report', author: 'Tom Ellery', published: '2024-11-06', lineCount: 8 });
    expect(doc.locations).toEqual([
      { line: 1, location: 'p. 1' },
      { line: 6, location: 'p. 2' },
    ]);
  });

  it('gives quotes, events and sections their page in the export', () => {
    const [out] = toContract(buildIndex([doc], 'test')).documents;
    expect(out?.quotes.map((q) => [q.speaker, q.kind, q.line, q.location])).toEqual([
      ['Anna Berg', 'direct', 4, 'p. 1'],
      ['Anna Berg', 'indirect', 8, 'p. 2'],
    ]);
    expect(out?.events.map((e) => [e.date, e.line, e.location])).toEqual([
      ['2024-11-03', 2, 'p. 1'],
      ['2024-11-05', 7, 'p. 2'],
    ]);
    expect(out?.sections.map((s) => [s.label, s.lines, s.location])).toEqual([
      ['harbour council report', [2, 5], 'p. 1'],
      ['the works', [7, 8], 'p. 2'],
    ]);
  });

  it('carries a paragraph on over a page break, each line keeping its own page', async () => {
    const bytes = await makePdf([{ lines: ['The engineers reported on 9 November 2024 that the old wall'] }, { lines: ['had moved by ten centimetres in the storm.'] }], { furniture: true });
    const split = await loadPdf('split.pdf', 'split.pdf', bytes);
    expect(split.paragraphs.map((p) => p.text)).toEqual(['The engineers reported on 9 November 2024 that the old wall had moved by ten centimetres in the storm.']);
    expect(split.paragraphs[0]?.breaks).toEqual([{ offset: 60, line: 2 }]);
    expect(split.locations).toEqual([
      { line: 1, location: 'p. 1' },
      { line: 2, location: 'p. 2' },
    ]);
  });

  it('takes the title and date from the first page when the metadata has none', async () => {
    const bytes = await makePdf([{ lines: ['# Notes on the flood', 'November 4, 2024', 'The river rose by two metres overnight.'] }]);
    const plain = await loadPdf('notes.pdf', 'notes.pdf', bytes);
    expect(plain).toMatchObject({ title: 'Notes on the flood', published: '2024-11-04', author: null });
  });
});

describe('PDFs that cannot be read', () => {
  const refused = async (bytes: Uint8Array) => {
    const result = await readDocument('x.pdf', 'x.pdf', bytes);
    return result.ok ? 'read' : result.reason;
  };

  it('refuses a scan (no text layer), an encrypted PDF and bytes that are not a PDF, saying why', async () => {
    expect(await refused(await makePdf(HARBOUR_PAGES, { noText: true }))).toMatch(/no text layer/);
    expect(await refused(await makePdf(HARBOUR_PAGES, { userPassword: 'secret', ownerPassword: 'owner' }))).toMatch(/encrypted \(it needs a password\)/);
    expect(await refused(await makePdf(HARBOUR_PAGES, { ownerPassword: 'owner' }))).toBe('it is encrypted');
    expect(await refused(new TextEncoder().encode('%PDF-1.7\nnot really'))).toMatch(/not a readable PDF/);
  });

  it('stops at the page limit and the time limit', async () => {
    const bytes = await makePdf(HARBOUR_PAGES);
    await expect(loadPdf('x.pdf', 'x.pdf', bytes, { maxPages: 1, timeLimitMs: 10_000 })).rejects.toThrow('it has 2 pages; at most 1 are read');
    await expect(loadPdf('x.pdf', 'x.pdf', bytes, { maxPages: 10, timeLimitMs: 1 })).rejects.toThrow(/took longer than 0.001 seconds/);
  });
});
