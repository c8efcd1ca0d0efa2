import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeDocument, loadDocuments, loadFile, parseDocument } from '../../../src/corpus/load/load-file.ts';
import { lineAt } from '../../../src/corpus/load/paragraphs.ts';
import type { Paragraph } from '../../../src/corpus/types.ts';
import { analyse, quoteList } from '../helpers.ts';

const prose = (ps: Paragraph[]) => ps.filter((p) => p.kind === 'text' || p.kind === 'blockquote');

describe('plain text', () => {
  it('reads a first-line date as the publication date and a Title: line as the title', () => {
    const doc = parseDocument('a.txt', 'a.txt', 'txt', 'September 4, 2025\nTitle: Harbour news\n\nThe port closed.\nShips waited.');
    expect(doc.published).toBe('2025-09-04');
    expect(doc.title).toBe('Harbour news');
    expect(prose(doc.paragraphs).map((p) => [p.line, p.text])).toEqual([
      [4, 'The port closed.'],
      [5, 'Ships waited.'],
    ]);
  });

  it('derives a title from the opening and a date from the file name when there is no header', () => {
    const doc = parseDocument('x', '2024-01-15-notes.txt', 'txt', 'The council met again tonight. Nothing was decided.');
    expect(doc.title).toBe('The council met again tonight');
    expect(doc.published).toBe('2024-01-15');
  });

  it('normalises curly quotes, apostrophes, dashes, nbsp and … without moving lines', () => {
    const raw = 'Intro.\n\u201CIt\u2019s over\u201D \u2014 she said\u00A0so\u2026 twice.\n\u2018Fine,\u2019 he said.';
    const doc = parseDocument('a.txt', 'a.txt', 'txt', raw);
    expect(prose(doc.paragraphs).map((p) => [p.line, p.text])).toEqual([
      [1, 'Intro.'],
      [2, '"It\'s over" - she said so... twice.'],
      [3, "'Fine,' he said."],
    ]);
  });

  it('reads two apostrophes as a double quotation mark, as typewritten archives write it', () => {
    const doc = parseDocument('a.txt', 'a.txt', 'txt', "''It's more tinkering at the edges,'' said Alan Cole.\nThe Joneses' house.");
    expect(prose(doc.paragraphs).map((p) => p.text)).toEqual(['"It\'s more tinkering at the edges," said Alan Cole.', "The Joneses' house."]);
    expect(quoteList(analyse("''It's more tinkering at the edges,'' said Alan Cole, an economist."))).toEqual(["Alan Cole: It's more tinkering at the edges,"]);
  });

  it('joins hard-wrapped lines into paragraphs and maps offsets back to their lines', () => {
    const raw = 'The first paragraph starts here and\nwraps onto a second line and\na third one\n\nA second paragraph\nalso wraps here';
    const doc = parseDocument('a.txt', 'a.txt', 'txt', raw);
    const [first] = doc.paragraphs;
    expect(doc.paragraphs).toHaveLength(2);
    expect(first?.text).toBe('The first paragraph starts here and wraps onto a second line and a third one');
    expect(first ? lineAt(first, first.text.indexOf('a third')) : 0).toBe(3);
  });

  it('marks elision lines and reprint footers as structure', () => {
    const doc = parseDocument('a.txt', 'a.txt', 'txt', 'One.\n...\n[...]\nTwo.\nReprinted with permission from Somewhere.');
    expect(doc.paragraphs.map((p) => p.kind)).toEqual(['text', 'elision', 'elision', 'text', 'meta']);
  });
});

describe('Markdown', () => {
  const raw = [
    '---',
    'title: "Front matter title"',
    'date: 2025-08-30',
    'author: Ana Ruiz',
    'source: The Harbour Post',
    '---',
    '# Big heading',
    '',
    'Some *emphasised* text with a [link](http://example.com).',
    '',
    '> Quoted line one,',
    '> quoted line two.',
    '> — Maria Santos, The Tide',
    '',
    '```',
    'code is not prose',
    '```',
  ].join('\n');
  const doc = parseDocument('b.md', 'b.md', 'md', raw);

  it('reads YAML front matter', () => {
    expect(doc).toMatchObject({ title: 'Front matter title', published: '2025-08-30', author: 'Ana Ruiz', source: 'The Harbour Post' });
  });

  it('keeps headings, inline text and block quotes with their attribution and lines', () => {
    expect(doc.paragraphs.map((p) => [p.kind, p.line, p.text, p.cite ?? null])).toEqual([
      ['heading', 7, 'Big heading', null],
      ['text', 9, 'Some emphasised text with a link.', null],
      ['blockquote', 11, 'Quoted line one, quoted line two.', 'Maria Santos, The Tide'],
    ]);
  });

  it('treats malformed front matter as absent', () => {
    const bad = parseDocument('c.md', 'c.md', 'md', '---\ntitle: [unclosed\n---\nBody text here.');
    expect(bad.paragraphs.map((p) => p.text)).toEqual(['Body text here.']);
  });
});

describe('HTML', () => {
  const raw = [
    '<html><head><title>Page title</title>',
    '<meta property="article:published_time" content="2025-07-01T10:00:00Z">',
    '<meta name="author" content="Li Wei">',
    '<script>var x = "not text";</script></head>',
    '<body><h2>Ports</h2>',
    '<p>The port &amp; the bay',
    'closed early.</p>',
    '<blockquote cite="Harbour Gazette"><p>We saw nothing like it.</p></blockquote>',
    '<nav>Menu</nav>',
    '</body></html>',
  ].join('\n');
  const doc = parseDocument('c.html', 'c.html', 'html', raw);

  it('reads the title, the <meta> date and author', () => {
    expect(doc).toMatchObject({ title: 'Page title', published: '2025-07-01', author: 'Li Wei' });
  });

  it('keeps <h2> as a heading, <blockquote cite> as a quote, and drops scripts and navigation', () => {
    expect(doc.paragraphs.map((p) => [p.kind, p.line, p.text, p.cite ?? null])).toEqual([
      ['heading', 5, 'Ports', null],
      ['text', 6, 'The port & the bay closed early.', null],
      ['blockquote', 8, 'We saw nothing like it.', 'Harbour Gazette'],
    ]);
    const p = doc.paragraphs[1];
    expect(p ? lineAt(p, p.text.indexOf('closed')) : 0).toBe(7);
  });
});

describe('HTML inline markup and line ends', () => {
  it('keeps the spaces around inline tags and counts CRLF lines', () => {
    const doc = parseDocument('d.html', 'd.html', 'html', '<p>Hello <b>bold</b> world,\r\n<i>next</i>\u00A0line&hellip;</p>');
    const [p] = doc.paragraphs;
    expect(p?.text).toBe('Hello bold world, next line...');
    expect(p ? lineAt(p, p.text.indexOf('next')) : 0).toBe(2);
  });
});

describe('files that are not articles', () => {
  it.each([
    ['empty', new Uint8Array(), /empty/],
    ['whitespace', new TextEncoder().encode(' \n\t\n'), /empty/],
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), /binary/],
    ['invalid UTF-8', new Uint8Array([0x48, 0x69, 0xff, 0xfe, 0x21]), /UTF-8/],
  ])('rejects %s bytes with a reason', (_name, bytes, reason) => {
    const result = decodeDocument(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('rejects a document over the size limit', () => {
    const result = decodeDocument(new TextEncoder().encode('x'.repeat(2000)), 1000);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/larger/) });
  });

  describe('on disk', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'lectern-load-'));
      await writeFile(path.join(dir, 'good.txt'), 'The port closed on Monday.');
      await writeFile(path.join(dir, 'empty.txt'), '');
      await writeFile(path.join(dir, 'binary.html'), Buffer.from([0x3c, 0x70, 0x00, 0x3e]));
      await writeFile(path.join(dir, 'latin1.md'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]));
      await writeFile(path.join(dir, 'notes.odt'), 'ignored: not a supported format');
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('skips each bad file with one warning line naming it and loads the others', async () => {
      const warnings: string[] = [];
      const docs = await loadDocuments([dir], (m) => warnings.push(m));
      expect(docs.map((d) => d.file)).toEqual(['good.txt']);
      expect(warnings).toHaveLength(3);
      for (const w of warnings) expect(w).not.toContain('\n');
      expect(warnings.join(' ')).toMatch(/binary\.html/);
      expect(warnings.join(' ')).toMatch(/empty\.txt/);
      expect(warnings.join(' ')).toMatch(/latin1\.md/);
    });

    it('warns about a file that cannot be read', async () => {
      const warnings: string[] = [];
      expect(await loadFile(path.join(dir, 'missing.txt'), 'missing.txt', (m) => warnings.push(m))).toBeNull();
      expect(warnings).toEqual([expect.stringMatching(/^Skipped missing\.txt: .*ENOENT/)]);
    });
  });
});
