import type { Paragraph, ParagraphKind } from '../types.ts';
import { looksLikeHeadline } from './headlines.ts';

/** Offset → 1-based source line, for a paragraph joined from several lines. */
export function lineAt(paragraph: Paragraph, offset: number): number {
  let line = paragraph.line;
  for (const b of paragraph.breaks) {
    if (b.offset > offset) break;
    line = b.line;
  }
  return line;
}

/** A run of consecutive source lines joined into one paragraph. */
export function joinLines(lines: Array<{ text: string; line: number }>, kind: ParagraphKind): Paragraph {
  let text = '';
  const breaks: Paragraph['breaks'] = [];
  for (const [i, l] of lines.entries()) {
    const piece = l.text.trim();
    if (i > 0) {
      text += ' ';
      breaks.push({ offset: text.length, line: l.line });
    }
    text += piece;
  }
  return { line: lines[0]?.line ?? 1, text, breaks, kind };
}

/** A headline line is shorter than this share of the wrapping width (the length of most full lines). */
const HEADLINE_SHARE = 0.8;

const ELISION = /^\s*[[(]?\s*(\.\.\.|\*\s*\*\s*\*)\s*[\])]?\s*$/;
const FOOTER = /^(reprinted|republished|originally published|first published|copyright|©|all rights reserved|this (article|piece|post) (was|first|originally))\b/i;

export function isElision(text: string): boolean {
  return ELISION.test(text);
}

export function isFooter(text: string): boolean {
  return FOOTER.test(text.trim());
}

/**
 * Plain-text paragraphs: blank lines separate paragraphs. Hard-wrapped text (short lines that rarely end a
 * sentence) is joined; otherwise every line is its own paragraph, as in most copied web articles.
 */
export function textParagraphs(lines: Array<{ text: string; line: number }>): Paragraph[] {
  const nonEmpty = lines.filter((l) => l.text.trim() !== '');
  const endsSentence = nonEmpty.filter((l) => /[.!?:"')\]]$/.test(l.text.trim())).length;
  const lengths = nonEmpty.map((l) => l.text.length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  const hasBlank = nonEmpty.length < lines.length;
  const hardWrapped = hasBlank && median > 0 && median <= 100 && endsSentence < nonEmpty.length * 0.6;
  // A wrapped paragraph's first line runs to the wrapping width; a headline above it stops well short, and
  // opens the text or follows the end of a sentence.
  const width = lengths[Math.floor(lengths.length * 0.75)] ?? 0;
  const out: Paragraph[] = [];
  const headline = (l: { text: string }) => {
    const before = out[out.length - 1];
    return (!before || /[.!?]["')\]]*$/.test(before.text)) && l.text.trim().length < width * HEADLINE_SHARE && looksLikeHeadline(l.text);
  };

  let run: Array<{ text: string; line: number }> = [];
  const flush = () => {
    if (run.length) out.push(classify(joinLines(run, 'text')));
    run = [];
  };
  for (const l of lines) {
    if (l.text.trim() === '') {
      flush();
    } else if (hardWrapped && !isElision(l.text) && !(run.length === 0 && headline(l))) {
      run.push(l);
    } else {
      flush();
      run.push(l);
      flush();
    }
  }
  flush();
  return out;
}

function classify(p: Paragraph): Paragraph {
  if (isElision(p.text)) return { ...p, kind: 'elision' };
  if (isFooter(p.text)) return { ...p, kind: 'meta' };
  return p;
}
