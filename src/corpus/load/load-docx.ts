import { zipSync } from 'fflate';
import mammoth from 'mammoth';
import type { LoadedDocument } from '../types.ts';
import { dateFromFileName, parseStandaloneDate } from './dates.ts';
import { numberParagraphs } from './extracted-lines.ts';
import { loadHtml } from './load-html.ts';
import { deriveTitle, titleFromFileName } from './title.ts';
import { UnreadableDocument } from './unreadable.ts';
import { firstText, parseXml } from './xml.ts';
import { openZip, zipText } from './zip.ts';

/**
 * A Word file: mammoth turns its paragraphs into HTML (Heading 1–3 styles into `<h1>`–`<h3>`, so headings are
 * sections), which the HTML reader reads; title, author and date come from the core properties. The file has
 * no lines of its own, so each extracted paragraph is one line.
 */
export async function loadDocx(id: string, file: string, bytes: Uint8Array): Promise<LoadedDocument> {
  const files = openZip(bytes, 'Word file');
  // Every XML part is checked before mammoth parses it; mammoth then reads this checked copy (stored, not
  // compressed), so what it unpacks is exactly what was measured.
  for (const name of files.keys()) if (/\.(xml|rels)$/i.test(name)) zipText(files, name);
  if (!files.has('word/document.xml')) throw new UnreadableDocument('it is not a Word (.docx) document (word/document.xml is missing)');
  const checked = zipSync(Object.fromEntries(files), { level: 0 });
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(checked) }, { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) });
    html = result.value;
  } catch (error) {
    throw new UnreadableDocument(`it is not a readable Word document (${(error as Error).message})`);
  }
  const core = zipText(files, 'docProps/core.xml');
  const props = core ? parseXml(core) : null;
  const read = loadHtml(id, file, html);
  const paragraphs = numberParagraphs(read.paragraphs, 1);
  const created = props ? (firstText(props, 'dcterms:created') ?? firstText(props, 'dc:date')) : null;
  return {
    id,
    file,
    format: 'docx',
    title: (props && firstText(props, 'dc:title')) ?? paragraphs.find((p) => p.kind === 'heading')?.text ?? deriveTitle(paragraphs, titleFromFileName(file)),
    published: (created ? parseStandaloneDate(created.slice(0, 10)) : null) ?? dateFromFileName(file),
    author: props ? firstText(props, 'dc:creator') : null,
    source: null,
    lineCount: paragraphs.length,
    paragraphs,
  };
}
