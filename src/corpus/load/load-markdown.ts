import { parse as parseYaml } from 'yaml';
import type { LoadedDocument, Paragraph } from '../types.ts';
import { dateFromFileName, parseStandaloneDate } from './dates.ts';
import { normaliseLines } from './normalise.ts';
import { isElision, isFooter, joinLines } from './paragraphs.ts';
import { deriveTitle, titleFromFileName } from './title.ts';

type Line = { text: string; line: number };

/** Inline Markdown to plain text, on one line (offsets inside a line may move; lines never do). */
export function stripInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s.,;:!?)]|$)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
}

const ATTRIBUTION = /^\s*(?:-{1,3}|~)\s*(.{2,120})$/;

/**
 * Markdown: YAML front matter (title, date, author, source), `#` headings, `>` block quotes (a last line
 * "— Name, Publication" is the quote's source), lists and paragraphs. Code blocks are not prose.
 */
export function loadMarkdown(id: string, file: string, raw: string): LoadedDocument {
  const lines = normaliseLines(raw);
  // Fences are read from the raw lines: normalisation turns backticks into apostrophes.
  const rawLines = raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let meta: Record<string, unknown> = {};
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
    if (end > 0) {
      try {
        const parsed: unknown = parseYaml(lines.slice(1, end).join('\n'));
        if (parsed && typeof parsed === 'object') meta = parsed as Record<string, unknown>;
      } catch {
        // Malformed front matter is treated as absent rather than failing the whole document.
      }
      start = end + 1;
    }
  }

  const paragraphs: Paragraph[] = [];
  let run: Line[] = [];
  let quote: Line[] = [];
  let inFence = false;
  const flushRun = () => {
    if (run.length) {
      const p = joinLines(run, 'text');
      paragraphs.push(isElision(p.text) ? { ...p, kind: 'elision' } : isFooter(p.text) ? { ...p, kind: 'meta' } : p);
    }
    run = [];
  };
  const flushQuote = () => {
    if (!quote.length) return;
    let cite: string | undefined;
    const last = quote[quote.length - 1];
    const attribution = last ? ATTRIBUTION.exec(last.text) : null;
    if (attribution && quote.length > 1) {
      cite = attribution[1]?.trim();
      quote = quote.slice(0, -1);
    }
    // Blank `>` lines separate paragraphs inside one block quote.
    let part: Line[] = [];
    const parts: Line[][] = [];
    for (const l of quote) {
      if (l.text.trim() === '') {
        if (part.length) parts.push(part);
        part = [];
      } else part.push(l);
    }
    if (part.length) parts.push(part);
    for (const p of parts) {
      const para = joinLines(p, 'blockquote');
      paragraphs.push(isElision(para.text) ? { ...para, kind: 'elision' } : { ...para, ...(cite ? { cite } : {}) });
    }
    quote = [];
  };

  for (let i = start; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = i + 1;
    if (/^\s*(```|~~~)/.test(rawLines[i] ?? '')) {
      flushRun();
      flushQuote();
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw);
    const blockquote = /^\s*>\s?(.*)$/.exec(raw);
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(raw);
    if (heading) {
      flushRun();
      flushQuote();
      paragraphs.push({ line, text: stripInline(heading[2] ?? ''), breaks: [], kind: 'heading', level: heading[1]?.length ?? 1 });
    } else if (blockquote) {
      flushRun();
      quote.push({ text: stripInline(blockquote[1] ?? ''), line });
    } else if (raw.trim() === '' || /^\s*([-*_])(\s*\1){2,}\s*$/.test(raw)) {
      flushRun();
      flushQuote();
    } else if (item) {
      flushRun();
      flushQuote();
      run.push({ text: stripInline(item[1] ?? ''), line });
      flushRun();
    } else {
      flushQuote();
      run.push({ text: stripInline(raw), line });
    }
  }
  flushRun();
  flushQuote();

  const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const metaDate = meta.date instanceof Date ? meta.date.toISOString().slice(0, 10) : str(meta.date);
  const firstH1 = paragraphs.find((p) => p.kind === 'heading' && p.level === 1);
  return {
    id,
    file,
    format: 'md',
    title: str(meta.title) ?? firstH1?.text ?? deriveTitle(paragraphs, titleFromFileName(file)),
    published: (metaDate ? parseStandaloneDate(metaDate) : null) ?? dateFromFileName(file),
    author: str(meta.author),
    source: str(meta.source),
    lineCount: lines.length,
    paragraphs,
  };
}
