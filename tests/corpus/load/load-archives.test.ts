import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toContract } from '../../../src/corpus/export.ts';
import { buildIndex } from '../../../src/corpus/index/build-index.ts';
import { readDocument, type ReadResult } from '../../../src/corpus/load/load-file.ts';
import { openZip } from '../../../src/corpus/load/zip.ts';
import type { LoadedDocument } from '../../../src/corpus/types.ts';
import { makeDocx, makeEpub, type EpubChapter } from '../../support/make-documents.ts';

const CHAPTERS: EpubChapter[] = [
  { file: 'cover.xhtml', title: 'Cover', body: '<div><img src="cover.png" alt=""/></div>' },
  { file: 'ch1.xhtml', title: 'The Town', body: '<h1>The Town</h1>\n<p>The harbour town had stood for three hundred years.</p>\n<p>"We never feared the sea," said Marta Olsen, the harbour master.</p>' },
  { file: 'ch2.xhtml', title: 'The Flood', body: '<p>The storm reached the coast on 12 March 1953.</p>\n<p>Olsen said that the wall had held for an hour before it broke.</p>' },
];
const META = { title: 'The Harbour Book', author: 'Ines Carr', date: '2019-05-01' };

const read = (file: string, bytes: Uint8Array): Promise<ReadResult> => readDocument(file, file, bytes);
async function doc(file: string, bytes: Uint8Array): Promise<LoadedDocument> {
  const result = await read(file, bytes);
  if (!result.ok) throw new Error(result.reason);
  return result.doc;
}
const reason = async (file: string, bytes: Uint8Array) => {
  const result = await read(file, bytes);
  return result.ok ? 'read' : result.reason;
};

describe('an EPUB', () => {
  it('reads chapters in spine order with their titles as sections, and the package metadata', async () => {
    const book = await doc('harbour.epub', makeEpub(META, CHAPTERS));
    expect(book).toMatchObject({ format: 'epub', title: 'The Harbour Book', author: 'Ines Carr', published: '2019-05-01' });
    expect(book.paragraphs.map((p) => [p.line, p.kind, p.text.slice(0, 24)])).toEqual([
      [1, 'heading', 'The Town'],
      [2, 'text', 'The harbour town had sto'],
      [3, 'text', '"We never feared the sea'],
      [4, 'heading', 'The Flood'],
      [5, 'text', 'The storm reached the co'],
      [6, 'text', 'Olsen said that the wall'],
    ]);
    expect(book.locations).toEqual([
      { line: 1, location: 'ch. 1, The Town' },
      { line: 4, location: 'ch. 2, The Flood' },
    ]);
  });

  it('takes chapter titles from an EPUB 2 table of contents (NCX) too, or else from the chapter’s first heading', async () => {
    const untitled = CHAPTERS.map((c) => (c.file === 'ch1.xhtml' ? { ...c, title: '' } : c));
    const book = await doc('old.epub', makeEpub(META, untitled, {}, 'ncx'));
    expect(book.locations).toEqual([
      { line: 1, location: 'ch. 1, The Town' },
      { line: 4, location: 'ch. 2, The Flood' },
    ]);
  });

  it('gives quotes, events and sections their chapter in the export', async () => {
    const [out] = toContract(buildIndex([await doc('harbour.epub', makeEpub(META, CHAPTERS))], 'test')).documents;
    expect(out?.quotes.map((q) => [q.speaker, q.kind, q.line, q.location])).toEqual([
      ['Marta Olsen', 'direct', 3, 'ch. 1, The Town'],
      ['Marta Olsen', 'indirect', 6, 'ch. 2, The Flood'],
    ]);
    expect(out?.events.map((e) => [e.date, e.location])).toEqual([['1953-03-12', 'ch. 2, The Flood']]);
    expect(out?.sections.map((s) => [s.label, s.location])).toEqual([
      ['the town', 'ch. 1, The Town'],
      ['the flood', 'ch. 2, The Flood'],
    ]);
  });

  it('refuses XML that declares entities, and an archive without a package document', async () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY secret SYSTEM "file:///etc/passwd">]><html xmlns="http://www.w3.org/1999/xhtml"><body><p>&secret;</p></body></html>';
    const hostile = makeEpub(META, CHAPTERS, { 'OEBPS/text/ch2.xhtml': strToU8(xxe) });
    expect(await reason('x.epub', hostile)).toBe('OEBPS/text/ch2.xhtml in it declares XML entities, which are not read');
    expect(await reason('x.epub', zipSync({ 'notes.txt': strToU8('hello') }))).toBe('it is not a valid EPUB (no package document)');
    expect(await reason('x.epub', strToU8('not a zip at all'))).toBe('it is not a valid EPUB (not a zip archive)');
  });
});

describe('a Word file', () => {
  const paragraphs = [
    { text: 'Minutes of the harbour board', style: 'Heading1' },
    { text: 'The board met on 4 March 2024 in the old customs house.' },
    { text: '"The pier must be closed until it is safe," said Jonas Pike, the board chair.' },
    { text: 'Repairs', style: 'Heading1' },
    { text: 'Work on the pier will start on 1 April 2024.' },
  ];
  const meta = { title: 'Harbour board minutes', author: 'Lena Vos', created: '2024-03-05T10:00:00Z' };

  it('reads paragraphs, headings as sections and the core properties', async () => {
    const minutes = await doc('minutes.docx', makeDocx(meta, paragraphs));
    expect(minutes).toMatchObject({ format: 'docx', title: 'Harbour board minutes', author: 'Lena Vos', published: '2024-03-05', lineCount: 5 });
    expect(minutes.paragraphs.map((p) => [p.line, p.kind])).toEqual([
      [1, 'heading'],
      [2, 'text'],
      [3, 'text'],
      [4, 'heading'],
      [5, 'text'],
    ]);
    const [out] = toContract(buildIndex([minutes], 'test')).documents;
    expect(out?.quotes.map((q) => [q.speaker, q.line])).toEqual([['Jonas Pike', 3]]);
    expect(out?.events.map((e) => [e.date, e.line])).toEqual([
      ['2024-03-04', 2],
      ['2024-04-01', 5],
    ]);
    expect(out?.sections.map((s) => s.label)).toEqual(['minutes of the harbour board', 'repairs']);
  });

  it('refuses entity declarations, and a zip that is not a Word document', async () => {
    const xxe = makeDocx(meta, paragraphs, { 'word/styles.xml': strToU8('<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">]><s>&a;</s>') });
    expect(await reason('x.docx', xxe)).toBe('word/styles.xml in it declares XML entities, which are not read');
    expect(await reason('x.docx', zipSync({ 'a.xml': strToU8('<a/>') }))).toMatch(/not a Word \(\.docx\) document/);
  });
});

describe('zip archives', () => {
  it('are measured before anything is unpacked: too many files or too many bytes are refused', async () => {
    // 60 MB of zeros compress to about 60 KB: a small upload that would unpack to far more than it looks.
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await reason('bomb.docx', bomb)).toBe('it unpacks to 60 MB; at most 50 MB are read');
    const many = zipSync(Object.fromEntries(Array.from({ length: 2_001 }, (_, i) => [`f${i}.txt`, strToU8('x')])));
    expect(await reason('many.epub', many)).toBe('it holds 2001 files; at most 2000 are read');
    expect(() => openZip(zipSync({ a: strToU8('abc'), b: strToU8('def') }), 'test', { maxEntries: 1, maxUncompressedBytes: 100 })).toThrow('it holds 2 files');
  });
});
