import { Parser } from 'htmlparser2';
import { lowerBound } from '../text/lower-bound.ts';
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
 * With `keep` (source offsets of start tags, see read-article.ts), only text whose nearest element is kept
 * is read: the article without the page around it.
 */
export function loadHtml(id: string, file: string, raw: string, keep?: ReadonlySet<number>): LoadedDocument {
  const lineStarts = [0];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    // LF, or a CR that is not part of CRLF (old Mac files), starts a line, as in normaliseLines.
    if (c === 10 || (c === 13 && raw.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
  }
  // The number of lines starting on or before the index (the first starts at 0): its line, counted from 1.
  const lineOf = (index: number): number => lowerBound(lineStarts.length, (i) => (lineStarts[i] ?? 0) <= index);

  const paragraphs: Paragraph[] = [];
  const stack: string[] = [];
  /** Per open element: whether its text is read (always, without `keep`). */
  const kept: boolean[] = [];
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

  /** Appends to the paragraph with single spaces and no leading space, so break offsets never move. */
  const append = (piece: string) => {
    let s = piece.replace(/\s+/g, ' ');
    if (text === '' || text.endsWith(' ')) s = s.replace(/^ /, '');
    text += s;
  };

  const flush = () => {
    const trimmed = text.trimEnd();
    if (trimmed && firstLine) {
      const p: Paragraph = {
        line: firstLine,
        text: trimmed,
        breaks: breaks.filter((b) => b.offset < trimmed.length),
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
      onopentag(name, attrs, isImplied) {
        if (stack.length >= MAX_DEPTH) return;
        stack.push(name);
        kept.push(!keep || (isImplied ? (kept[kept.length - 1] ?? false) : keep.has(parser.startIndex)));
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
        if (skipDepth > 0 || inTitle || (keep && kept[kept.length - 1] !== true)) return;
        if (citeText !== null) {
          citeText += chunk;
          return;
        }
        const start = parser.startIndex;
        // Pieces between line breaks, with their offsets in the chunk (CRLF counts as one break).
        const pieces: Array<{ piece: string; at: number }> = [];
        let at = 0;
        for (const m of chunk.matchAll(/\r\n|\r|\n/g)) {
          pieces.push({ piece: chunk.slice(at, m.index), at });
          at = (m.index ?? 0) + m[0].length;
        }
        pieces.push({ piece: chunk.slice(at), at });
        for (const [i, { piece, at: offsetInChunk }] of pieces.entries()) {
          const line = lineOf(start + offsetInChunk);
          if (i > 0) append(' ');
          // Keep the space before the next inline chunk ("Hello <b>world</b>"); normaliseLine trims it.
          const clean = normaliseLine(piece) + (/\s$/.test(piece) ? ' ' : '');
          if (clean.trim()) {
            append(clean.slice(0, clean.length - clean.trimStart().length));
            if (!firstLine) firstLine = line;
            else if (line !== lastLine) breaks.push({ offset: text.length, line });
            lastLine = line;
            append(clean.trimStart());
          } else append(clean);
        }
      },
      onclosetag(name) {
        if (stack[stack.length - 1] !== name) return;
        stack.pop();
        kept.pop();
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
