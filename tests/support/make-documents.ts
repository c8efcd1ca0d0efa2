// Real PDF, EPUB and Word files for the loader tests, written by real libraries: pdfkit writes PDFs, fflate
// zips the EPUB and DOCX parts (both formats are zip archives of XML, written here as the formats define).
import { strToU8, zipSync, type Zippable } from 'fflate';
import PDFDocument from 'pdfkit';

export interface PdfPage {
  /** Lines drawn one under the other in body type; a line starting with "# " is drawn large, as a heading. */
  lines: string[];
}

export interface PdfOptions {
  title?: string;
  author?: string;
  created?: Date;
  /** A running header on every page and the page number at the foot, as printed papers have. */
  furniture?: boolean;
  userPassword?: string;
  ownerPassword?: string;
  /** Draw shapes only: a page without a text layer, like a scan. */
  noText?: boolean;
}

export async function makePdf(pages: PdfPage[], options: PdfOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    info: { ...(options.title ? { Title: options.title } : {}), ...(options.author ? { Author: options.author } : {}), ...(options.created ? { CreationDate: options.created } : {}) },
    ...(options.userPassword ? { userPassword: options.userPassword } : {}),
    ...(options.ownerPassword ? { ownerPassword: options.ownerPassword, permissions: { copying: false } } : {}),
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (const [i, page] of pages.entries()) {
    doc.addPage();
    if (options.noText) {
      doc.rect(50, 100, 400, 300).fill('#777777');
      continue;
    }
    if (options.furniture) doc.font('Helvetica').fontSize(8).text('Harbour Council Report - November 2024', 50, 30, { lineBreak: false });
    let y = 80;
    for (const line of page.lines) {
      const heading = line.startsWith('# ');
      doc.font(heading ? 'Helvetica-Bold' : 'Helvetica').fontSize(heading ? 18 : 11).text(heading ? line.slice(2) : line, 50, y, { lineBreak: false });
      y += heading ? 30 : line === '' ? 28 : 14;
    }
    if (options.furniture) doc.font('Helvetica').fontSize(8).text(String(i + 1), 290, 800, { lineBreak: false });
  }
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

export interface EpubChapter {
  file: string;
  title: string;
  /** XHTML body content. */
  body: string;
}

const xhtml = (title: string, body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">\n<head><title>${title}</title></head>\n<body>\n${body}\n</body>\n</html>\n`;

/** An EPUB 3 book (table of contents in a navigation document), or with `toc: 'ncx'` an EPUB 2 one (an NCX). */
export function makeEpub(meta: { title: string; author: string; date: string }, chapters: EpubChapter[], extra: Zippable = {}, toc: 'nav' | 'ncx' = 'nav'): Uint8Array {
  const manifest = chapters.map((c, i) => `<item id="c${i}" href="text/${c.file}" media-type="application/xhtml+xml"/>`).join('\n    ');
  const spine = chapters.map((_, i) => `<itemref idref="c${i}"/>`).join('');
  const nav = xhtml('Contents', `<nav epub:type="toc"><ol>${chapters.map((c) => `<li><a href="text/${c.file}">${c.title}</a></li>`).join('')}</ol></nav>`);
  const ncx = `<?xml version="1.0" encoding="UTF-8"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>${chapters
    .map((c, i) => `<navPoint id="n${i}" playOrder="${i + 1}"><navLabel><text>${c.title}</text></navLabel><content src="text/${c.file}"/></navPoint>`)
    .join('')}</navMap></ncx>`;
  const tocItem = toc === 'nav' ? '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>' : '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>';
  return zipSync({
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    ),
    'OEBPS/content.opf': strToU8(`<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:lectern-test</dc:identifier>
    <dc:title>${meta.title}</dc:title>
    <dc:creator>${meta.author}</dc:creator>
    <dc:date>${meta.date}</dc:date>
    <dc:language>en</dc:language>
  </metadata>
  <manifest>
    ${tocItem}
    ${manifest}
  </manifest>
  <spine>${spine}</spine>
</package>`),
    ...(toc === 'nav' ? { 'OEBPS/nav.xhtml': strToU8(nav) } : { 'OEBPS/toc.ncx': strToU8(ncx) }),
    ...Object.fromEntries(chapters.map((c) => [`OEBPS/text/${c.file}`, strToU8(xhtml(c.title, c.body))])),
    ...extra,
  });
}

export interface DocxParagraph {
  text: string;
  /** A Word paragraph style: "Heading1", "Heading2", or none for body text. */
  style?: string;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function makeDocx(meta: { title: string; author: string; created: string }, paragraphs: DocxParagraph[], extra: Zippable = {}): Uint8Array {
  const body = paragraphs
    .map((p) => `<w:p>${p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${escapeXml(p.text)}</w:t></w:r></w:p>`)
    .join('');
  const style = (id: string, name: string) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`),
    'word/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">${style('Heading1', 'heading 1')}${style('Heading2', 'heading 2')}</w:styles>`),
    'docProps/core.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${meta.title}</dc:title><dc:creator>${meta.author}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${meta.created}</dcterms:created></cp:coreProperties>`,
    ),
    ...extra,
  });
}
