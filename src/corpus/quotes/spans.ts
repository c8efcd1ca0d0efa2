import { countLetterRuns } from '../text/word-scan.ts';

/** A quoted stretch of a paragraph: `open` and `close` are the offsets of the quote marks. */
export interface QuoteSpan {
  open: number;
  /** Offset of the closing mark, or the paragraph's length when the quote runs on into the next paragraph. */
  close: number;
  mark: '"' | "'";
  closed: boolean;
}

/** Double-quoted spans, paired in order; an odd last mark opens a quote that continues past the paragraph. */
export function doubleQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
    if (open < 0) open = i;
    else {
      spans.push({ open, close: i, mark: '"', closed: true });
      open = -1;
    }
  }
  if (open >= 0 && text.length - open > 20) spans.push({ open, close: text.length, mark: '"', closed: false });
  return spans;
}

/**
 * Single-quoted spans (British style, or scare quotes). An apostrophe inside a word ("that's") or after a
 * plural ("countries'") is not a quote mark: an opening mark follows a space or bracket, a closing one
 * precedes a space, punctuation or the end.
 */
export function singleQuoteSpans(text: string, avoid: QuoteSpan[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const inside = (i: number) => avoid.some((s) => i > s.open && i < s.close);
  let open = -1;
  for (let i = text.indexOf("'"); i >= 0; i = text.indexOf("'", i + 1)) {
    if (inside(i)) continue;
    const before = text[i - 1] ?? ' ';
    const after = text[i + 1] ?? ' ';
    if (open < 0) {
      if (/[\s([{—-]/.test(before) && /[\p{L}\d"[(]/u.test(after)) open = i;
    } else if (/[\p{L}\d.,!?)\]]/u.test(before) && /[\s.,;:!?)\]-]/.test(after)) {
      spans.push({ open, close: i, mark: "'", closed: true });
      open = -1;
    }
  }
  return spans;
}

export const spanText = (text: string, s: QuoteSpan): string => text.slice(s.open + 1, s.close).trim();
/** Words as `/[\p{L}\d][\p{L}\d'’-]* /gu` finds them, counted without building them. */
export const wordCount = (s: string): number => countLetterRuns(s);
