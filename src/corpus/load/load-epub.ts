import path from 'node:path';
import type { LoadedDocument, LocationStart, Paragraph } from '../types.ts';
import { dateFromFileName, parseStandaloneDate } from './dates.ts';
import { numberParagraphs } from './extracted-lines.ts';
import { loadHtml } from './load-html.ts';
import { titleFromFileName } from './title.ts';
import { UnreadableDocument } from './unreadable.ts';
import { firstText, parseXml, type XmlElement } from './xml.ts';
import { openZip, zipText } from './zip.ts';

const CHAPTER_TYPES = new Set(['application/xhtml+xml', 'text/html']);

/** An href inside the archive, relative to the file that names it, without its #fragment. */
function resolve(base: string, href: string): string {
  let target = href.split('#')[0] ?? '';
  try {
    target = decodeURIComponent(target);
  } catch {
    // A malformed escape is read as written.
  }
  return path.posix.normalize(path.posix.join(path.posix.dirname(base), target));
}

/** Chapter titles by file, from the EPUB 3 navigation document or the EPUB 2 NCX, first entry per file. */
function tableOfContents(files: Map<string, Uint8Array>, opfPath: string, items: XmlElement[]): Map<string, string> {
  const titles = new Map<string, string>();
  const add = (file: string, label: string | null | undefined) => {
    const clean = label?.replace(/\s+/g, ' ').trim();
    if (clean && !titles.has(file)) titles.set(file, clean);
  };
  const nav = items.find((i) => (i.getAttribute('properties') ?? '').split(/\s+/).includes('nav'));
  const ncx = items.find((i) => i.getAttribute('media-type') === 'application/x-dtbncx+xml');
  if (nav) {
    const navPath = resolve(opfPath, nav.getAttribute('href') ?? '');
    const text = zipText(files, navPath);
    if (text) for (const a of parseXml(text).getElementsByTagName('a')) add(resolve(navPath, a.getAttribute('href') ?? ''), a.textContent);
  } else if (ncx) {
    const ncxPath = resolve(opfPath, ncx.getAttribute('href') ?? '');
    const text = zipText(files, ncxPath);
    if (text) {
      for (const point of parseXml(text).getElementsByTagName('navPoint')) {
        add(resolve(ncxPath, point.getElementsByTagName('content')[0]?.getAttribute('src') ?? ''), firstText(point, 'text'));
      }
    }
  }
  return titles;
}

/**
 * An EPUB: its chapters in spine order, each read by the HTML reader; a chapter's title (from the table of
 * contents, or its first heading) starts a section, and its location is "ch. 2, The Flood". Title, author
 * and date come from the package metadata. Each extracted paragraph is one line.
 */
export function loadEpub(id: string, file: string, bytes: Uint8Array): LoadedDocument {
  const files = openZip(bytes, 'EPUB');
  const container = zipText(files, 'META-INF/container.xml');
  const opfPath = container ? parseXml(container).getElementsByTagName('rootfile')[0]?.getAttribute('full-path') : null;
  const opfText = opfPath ? zipText(files, opfPath) : null;
  if (!opfPath || !opfText) throw new UnreadableDocument('it is not a valid EPUB (no package document)');
  const opf = parseXml(opfText);
  const items = [...opf.getElementsByTagName('item')];
  const byId = new Map(items.map((i) => [i.getAttribute('id') ?? '', i]));
  const toc = tableOfContents(files, opfPath, items);

  const paragraphs: Paragraph[] = [];
  const locations: LocationStart[] = [];
  let chapter = 0;
  for (const ref of opf.getElementsByTagName('itemref')) {
    const item = byId.get(ref.getAttribute('idref') ?? '');
    if (!item || !CHAPTER_TYPES.has(item.getAttribute('media-type') ?? '')) continue;
    const chapterPath = resolve(opfPath, item.getAttribute('href') ?? '');
    const xhtml = zipText(files, chapterPath);
    if (!xhtml) continue;
    const read = loadHtml(id, path.posix.basename(chapterPath), xhtml).paragraphs;
    // A cover or a title page without prose is not a chapter.
    if (!read.some((p) => p.kind === 'text' || p.kind === 'blockquote')) continue;
    chapter++;
    const firstHeading = read.find((p) => p.kind === 'heading');
    const title = toc.get(chapterPath) ?? firstHeading?.text ?? null;
    // The chapter's title starts its section, as a heading above any headings inside it.
    const own: Array<Omit<Paragraph, 'line' | 'breaks'>> = read[0]?.kind === 'heading' ? read : [...(title ? [{ text: title, kind: 'heading' as const, level: 1 }] : []), ...read];
    locations.push({ line: paragraphs.length + 1, location: `ch. ${chapter}${title ? `, ${title}` : ''}` });
    paragraphs.push(...numberParagraphs(own, paragraphs.length + 1));
  }
  if (!chapter) throw new UnreadableDocument('it has no chapters with text');

  const date = firstText(opf, 'dc:date');
  return {
    id,
    file,
    format: 'epub',
    title: firstText(opf, 'dc:title') ?? titleFromFileName(file),
    published: (date ? parseStandaloneDate(date.slice(0, 10)) : null) ?? dateFromFileName(file),
    author: firstText(opf, 'dc:creator'),
    source: firstText(opf, 'dc:publisher'),
    lineCount: paragraphs.length,
    paragraphs,
    locations,
  };
}
