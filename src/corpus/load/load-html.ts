import { Parser } from 'htmlparser2';
import type { LoadedDocument, Paragraph } from '../types.ts';
import { dateFromFileName, parseStandaloneDate } from './dates.ts';
import { normaliseLine } from './normalise.ts';
import { isElision, isFooter } from './paragraphs.ts';
import { deriveTitle, titleFromFileName } from './title.ts';

const BLOCK = new Set(['p', 'div', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'td', 'th', 'dd', 'dt', 'figcaption', 'article', 'section', 'main', 'br', 'tr', 'ul', 'ol', 'table', 'figure', 'header', 'footer', 'cite']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'aside', 'iframe', 'object', 'form', 'button', 'select', 'head']);
const MAX_DEPTH = 256;

/**
 * HTML: the article's text with its source line numbers. `<h1>`–`<h3>` are section headings,
 * `<blockquote>` keeps its boundary and its `cite` (attribute, `<cite>` or `<footer>` inside).
 */
export function loadHtml(id: string, file: string, raw: string): LoadedDocument {
  const lineStarts = [0];
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (index: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const paragraphs: Paragraph[] = [];
  const stack: string[] = [];
  let skipDepth = 0;
  let quoteDepth = 0;
  let quoteCite: string | undefined;
  let quoteParagraphs: Paragraph[] = [];
  let citeText: string | null = null;
  let heading: number | null = null;
  let titleTag = '';
  let inTitle = false;
  const meta: Record<string, string> = {};
  let timeDate: string | null = null;

  let text = '';
  let firstLine = 0;
  let breaks: Paragraph['breaks'] = [];
  let lastLine = 0;

  const flush = () => {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (trimmed && firstLine) {
      const lead = text.length - text.trimStart().length;
      const p: Paragraph = {
        line: firstLine,
        text: trimmed,
        breaks: breaks.map((b) => ({ offset: Math.max(0, b.offset - lead), line: b.line })).filter((b) => b.offset < trimmed.length),
        kind: heading !== null ? 'heading' : quoteDepth > 0 ? 'blockquote' : 'text',
        ...(heading !== null ? { level: heading } : {}),
      };
      if (p.kind !== 'heading' && isElision(p.text)) p.kind = 'elision';
      else if (p.kind === 'text' && isFooter(p.text)) p.kind = 'meta';
      paragraphs.push(p);
      if (p.kind === 'blockquote' || (quoteDepth > 0 && p.kind === 'elision')) quoteParagraphs.push(p);
    }
    text = '';
    firstLine = 0;
    breaks = [];
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (stack.length >= MAX_DEPTH) return;
        stack.push(name);
        if (SKIP.has(name)) skipDepth++;
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
          if (key && attrs.content) meta[key] = attrs.content;
        }
        if (name === 'time' && attrs.datetime && !timeDate) timeDate = attrs.datetime;
        if (name === 'title') inTitle = true;
        if (BLOCK.has(name)) flush();
        if (name === 'blockquote') {
          if (quoteDepth === 0) {
            quoteCite = attrs.cite && !/^https?:/i.test(attrs.cite) ? attrs.cite : undefined;
            quoteParagraphs = [];
          }
          quoteDepth++;
        }
        if ((name === 'cite' || name === 'footer') && quoteDepth > 0) citeText = '';
        const h = /^h([1-6])$/.exec(name);
        if (h) heading = Number(h[1]);
      },
      ontext(chunk) {
        if (inTitle) titleTag += chunk;
        if (skipDepth > 0 || inTitle) return;
        if (citeText !== null) {
          citeText += chunk;
          return;
        }
        const start = parser.startIndex;
        const pieces = chunk.split(/\r\n|\r|\n/);
        let offsetInChunk = 0;
        for (const [i, piece] of pieces.entries()) {
          const line = lineOf(start + offsetInChunk);
          const clean = normaliseLine(piece);
          if (clean.trim()) {
            if (!firstLine) firstLine = line;
            else if (line !== lastLine) breaks.push({ offset: text.length + (text.endsWith(' ') ? 0 : 1), line });
            lastLine = line;
          }
          text += (i > 0 ? ' ' : '') + clean;
          offsetInChunk += piece.length + 1;
        }
      },
      onclosetag(name) {
        if (stack[stack.length - 1] !== name) return;
        stack.pop();
        if (SKIP.has(name)) skipDepth--;
        if (name === 'title') inTitle = false;
        if ((name === 'cite' || name === 'footer') && citeText !== null) {
          const cite = normaliseLine(citeText.replace(/\s+/g, ' ')).replace(/^[-\s]+/, '').trim();
          if (cite) quoteCite = quoteCite ?? cite;
          citeText = null;
          return;
        }
        if (BLOCK.has(name)) flush();
        if (/^h[1-6]$/.test(name)) heading = null;
        if (name === 'blockquote') {
          quoteDepth--;
          if (quoteDepth === 0 && quoteCite) for (const p of quoteParagraphs) p.cite = quoteCite;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(raw);
  parser.end();
  flush();

  const published =
    parseStandaloneDate(meta['article:published_time'] ?? '') ??
    parseStandaloneDate(meta['date'] ?? meta['datepublished'] ?? meta['dc.date'] ?? '') ??
    parseStandaloneDate(timeDate ?? '') ??
    dateFromFileName(file);
  const h1 = paragraphs.find((p) => p.kind === 'heading' && p.level === 1);
  const docTitle = normaliseLine(titleTag.replace(/\s+/g, ' ')).trim();
  return {
    id,
    file,
    format: 'html',
    title: meta['og:title'] ?? (docTitle || h1?.text) ?? deriveTitle(paragraphs, titleFromFileName(file)),
    published,
    author: meta['author'] ?? meta['article:author'] ?? null,
    source: meta['og:site_name'] ?? null,
    lineCount: lineStarts.length,
    paragraphs,
  };
}
