import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { LoadedDocument, LocationStart, Paragraph } from '../types.ts';
import { dateFromFileName, parseStandaloneDate, validIso } from './dates.ts';
import { classify } from './extracted-lines.ts';
import { normaliseLine } from './normalise.ts';
import { deriveTitle, titleFromFileName } from './title.ts';
import { UnreadableDocument } from './unreadable.ts';

export const MAX_PDF_PAGES = 300;
export const PDF_TIME_LIMIT_MS = 20_000;

export interface PdfLimits {
  maxPages: number;
  timeLimitMs: number;
}

/** One line of text as laid out on a page. */
interface PdfLine {
  page: number;
  y: number;
  height: number;
  text: string;
}

/** What pdf.js gives for a run of text (the parts read here). */
interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

const PAGE_NUMBER = /^(page\s+)?(\d{1,4}|[ivxlc]{1,7})(\s*(of|\/)\s*\d{1,4})?$/i;
/** How many lines at the top and at the bottom of a page may be running headers or footers. */
const EDGE_LINES = 2;

/** Rejoins a page's text items into lines: pdf.js gives runs of text with their position, not lines. */
function pageLines(items: TextItem[], page: number): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: (PdfLine & { endX: number }) | null = null;
  for (const it of items) {
    const x = it.transform[4] ?? 0;
    const y = it.transform[5] ?? 0;
    const height = Math.abs(it.height) || Math.abs(it.transform[3] ?? 0);
    if (it.str !== '') {
      const sameLine = current && Math.abs(current.y - y) <= Math.max(current.height, height) * 0.5;
      if (current && sameLine) {
        const gap = x - current.endX;
        if (gap > Math.max(current.height, height) * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(it.str)) current.text += ' ';
        current.text += it.str;
        current.endX = x + it.width;
        current.height = Math.max(current.height, height);
      } else {
        if (current) lines.push(current);
        current = { page, y, height, text: it.str, endX: x + it.width };
      }
    }
    if (it.hasEOL && current) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines
    .map(({ page: p, y, height, text }) => ({ page: p, y, height, text: normaliseLine(text).trim() }))
    .filter((l) => l.text !== '');
}

/** Running headers and footers repeat on most pages (numbers aside); page numbers sit alone at an edge. */
function withoutFurniture(pages: PdfLine[][]): PdfLine[][] {
  const key = (l: PdfLine) => l.text.toLowerCase().replace(/\d+/g, '#');
  const edges = (lines: PdfLine[]) => new Set([...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)]);
  const seen = new Map<string, number>();
  for (const lines of pages) for (const k of new Set([...edges(lines)].map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  const repeated = (l: PdfLine) => pages.length >= 2 && (seen.get(key(l)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((lines) => {
    const edge = edges(lines);
    return lines.filter((l) => !(edge.has(l) && (PAGE_NUMBER.test(l.text) || repeated(l))));
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** "D:20241104100000Z" (the PDF date format) → "2024-11-04". */
function pdfDate(value: unknown): string | null {
  const m = typeof value === 'string' ? /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value) : null;
  return m ? validIso(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * A PDF with a text layer: lines rejoined from pdf.js's text runs, running headers, footers and page numbers
 * left out, words hyphenated at a line end joined again, paragraphs from the gaps between lines and headings
 * from larger type. Each extracted line is a line of the document; its page is its location ("p. 2").
 */
export async function loadPdf(id: string, file: string, bytes: Uint8Array, limits: PdfLimits = { maxPages: MAX_PDF_PAGES, timeLimitMs: PDF_TIME_LIMIT_MS }): Promise<LoadedDocument> {
  const deadline = Date.now() + limits.timeLimitMs;
  const tooSlow = () => new UnreadableDocument(`reading it took longer than ${limits.timeLimitMs / 1000} seconds`);
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(tooSlow()), limits.timeLimitMs);
  });
  try {
    const pdf = await Promise.race([task.promise, timeout]).catch((error: unknown) => {
      if (error instanceof UnreadableDocument) throw error;
      if ((error as Error).name === 'PasswordException') throw new UnreadableDocument('it is encrypted (it needs a password)');
      throw new UnreadableDocument(`it is not a readable PDF (${(error as Error).message})`);
    });
    const meta = await Promise.race([pdf.getMetadata(), timeout]);
    const info = (meta.info ?? {}) as Record<string, unknown>;
    if (info.EncryptFilterName) throw new UnreadableDocument('it is encrypted');
    if (pdf.numPages > limits.maxPages) throw new UnreadableDocument(`it has ${pdf.numPages} pages; at most ${limits.maxPages} are read`);
    const labels = await Promise.race([pdf.getPageLabels(), timeout]);

    const pages: PdfLine[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      if (Date.now() > deadline) throw tooSlow();
      const page = await Promise.race([pdf.getPage(n), timeout]);
      const content = await Promise.race([page.getTextContent(), timeout]);
      pages.push(pageLines(content.items.flatMap((it) => ('str' in it ? [it] : [])), n));
      page.cleanup();
    }
    if (pages.every((lines) => lines.length === 0)) throw new UnreadableDocument('it has no text layer (a scan?): only PDFs with selectable text can be read');
    return assemble(id, file, withoutFurniture(pages), info, (n) => text(labels?.[n - 1]) ?? String(n));
  } finally {
    clearTimeout(timer);
    await task.destroy();
  }
}

function assemble(id: string, file: string, pages: PdfLine[][], info: Record<string, unknown>, pageLabel: (n: number) => string): LoadedDocument {
  const lines = pages.flat();
  const bodyHeight = median(lines.map((l) => l.height));
  const spacing = median(lines.slice(1).flatMap((l, i) => (lines[i]?.page === l.page ? [(lines[i]?.y ?? 0) - l.y] : [])).filter((g) => g > 0)) || bodyHeight * 1.2;
  const headingHeights = [...new Set(lines.filter((l) => l.height >= bodyHeight * 1.25).map((l) => l.height))].sort((a, b) => b - a);
  const isHeading = (l: PdfLine) => l.height >= bodyHeight * 1.25 && l.text.length <= 120;

  const paragraphs: Paragraph[] = [];
  const locations: LocationStart[] = [];
  let current: Paragraph | null = null;
  const flush = () => {
    if (current) paragraphs.push({ ...current, kind: classify(current.text, current.kind) });
    current = null;
  };
  for (const [i, l] of lines.entries()) {
    const lineNumber = i + 1;
    const prev = lines[i - 1];
    if (prev?.page !== l.page) locations.push({ line: lineNumber, location: `p. ${pageLabel(l.page)}` });
    const heading = isHeading(l);
    const newParagraph =
      !current ||
      heading ||
      current.kind === 'heading' ||
      (prev?.page === l.page ? prev.y - l.y > spacing * 1.4 : /[.!?:"')\]]$/.test(prev?.text ?? ''));
    if (newParagraph) {
      flush();
      current = { line: lineNumber, text: l.text, breaks: [], kind: heading ? 'heading' : 'text', ...(heading ? { level: headingHeights.indexOf(l.height) === 0 ? 1 : 2 } : {}) };
      continue;
    }
    const para = current as Paragraph;
    // A word broken at the end of a line ("defen-" / "ces") is one word again.
    const hyphenated = /\p{L}-$/u.test(para.text) && /^\p{Ll}/u.test(l.text);
    para.text = hyphenated ? para.text.slice(0, -1) : `${para.text} `;
    para.breaks.push({ offset: para.text.length, line: lineNumber });
    para.text += l.text;
  }
  flush();

  const firstPage = lines.filter((l) => l.page === lines[0]?.page);
  const firstHeading = paragraphs.find((p) => p.kind === 'heading' && p.line <= firstPage.length);
  const printedDate = firstPage.map((l) => parseStandaloneDate(l.text)).find((d) => d !== null) ?? null;
  return {
    id,
    file,
    format: 'pdf',
    title: text(info.Title) ?? firstHeading?.text ?? deriveTitle(paragraphs, titleFromFileName(file)),
    // A date printed on the first page is the publication's; the metadata's is when the file was made.
    published: printedDate ?? pdfDate(info.CreationDate) ?? dateFromFileName(file),
    author: text(info.Author),
    source: null,
    lineCount: lines.length,
    paragraphs,
    locations,
  };
}
