import type { LoadedDocument } from '../types.ts';
import { parseStandaloneDate, dateFromFileName } from './dates.ts';
import { normaliseLines } from './normalise.ts';
import { markHeadlines } from './headlines.ts';
import { textParagraphs } from './paragraphs.ts';
import { deriveTitle, titleFromFileName } from './title.ts';

const HEADER = /^(title|author|by|source|date|published)\s*:\s*(.+)$/i;

/**
 * Plain text. Leading header lines are metadata: a line that is only a date is the publication date,
 * `Title:`, `Author:`/`By:`, `Source:` and `Date:` lines fill the fields they name.
 */
export function loadText(id: string, file: string, raw: string): LoadedDocument {
  const lines = normaliseLines(raw);
  let title: string | null = null;
  let published: string | null = null;
  let author: string | null = null;
  let source: string | null = null;
  let bodyStart = 0;
  for (let i = 0; i < lines.length && i < 6; i++) {
    const text = (lines[i] ?? '').trim();
    if (text === '') {
      bodyStart = i + 1;
      continue;
    }
    const header = HEADER.exec(text);
    const date = parseStandaloneDate(text);
    if (date && !published) published = date;
    else if (header) {
      const key = (header[1] ?? '').toLowerCase();
      const value = (header[2] ?? '').trim();
      if (key === 'title') title = value;
      else if (key === 'author' || key === 'by') author = value;
      else if (key === 'source') source = value;
      else published = parseStandaloneDate(value) ?? published;
    } else break;
    bodyStart = i + 1;
  }
  const body = lines.slice(bodyStart).map((text, i) => ({ text, line: bodyStart + i + 1 }));
  const paragraphs = markHeadlines(textParagraphs(body));
  return {
    id,
    file,
    format: 'txt',
    title: title ?? deriveTitle(paragraphs, titleFromFileName(file)),
    published: published ?? dateFromFileName(file),
    author,
    source,
    lineCount: lines.length,
    paragraphs,
  };
}
