// Headlines in plain text: a file that holds several articles marks them only by a short line above each.
import type { Paragraph } from '../types.ts';

const MIN_WORDS = 3;
const MAX_WORDS = 15;
const MAX_LENGTH = 120;
/**
 * How a sentence or a clause ends (closing quotes and brackets allowed after it). Some headlines ask, but an
 * article's lines that ask are mostly its own questions.
 */
const ENDS_CLAUSE = /[.!?:;,]["')\]]*$/;
/** Sentence punctuation inside the line: two sentences are prose, not a headline. */
const INNER_STOP = /[.!?]\s/;
/** " - " or " | ": a citation line ("Title - Publisher"), not a headline. */
const SEPARATOR = /\s[-|–—]\s/;
const STARTS_CAPITAL = /^["'‘“]?[\p{Lu}\d]/u;
/** "Rates rise again (ft)", "… [Reuters]": a title credited to its outlet heads a pasted excerpt, not an article. */
const CREDIT = /[([][^)\]]{1,40}[)\]]$/;

/** A line that could head an article: short, capitalised, one sentence at most, with no punctuation at its end. */
export function looksLikeHeadline(text: string): boolean {
  const t = text.trim();
  if (t.length > MAX_LENGTH || ENDS_CLAUSE.test(t) || INNER_STOP.test(t) || SEPARATOR.test(t) || CREDIT.test(t) || !STARTS_CAPITAL.test(t)) return false;
  const words = t.split(/\s+/).length;
  // Two words are mostly a byline ("Amanda Terkel") or a name in a list.
  return words >= MIN_WORDS && words <= MAX_WORDS;
}

const endsSentence = (p: Paragraph | undefined) => !!p && /[.!?]["')\]]*$/.test(p.text.trim());

/**
 * Plain-text paragraphs with the headlines of several articles marked as headings (level 1), so that the
 * articles become sections and no headline is read as a sentence. A headline opens the file or follows a
 * paragraph that ends a sentence (not an introduction or a citation line: a title quoted inside an article
 * stays where it is), and the paragraph after it is prose that ends a sentence. A single headline is the
 * title of a single article, and is left as text.
 */
export function markHeadlines(paragraphs: Paragraph[]): Paragraph[] {
  const at: number[] = [];
  paragraphs.forEach((p, i) => {
    if (p.kind !== 'text' || !looksLikeHeadline(p.text)) return;
    const before = paragraphs[i - 1];
    if ((i === 0 || (before?.kind === 'text' && endsSentence(before))) && paragraphs[i + 1]?.kind === 'text' && endsSentence(paragraphs[i + 1])) at.push(i);
  });
  if (at.length < 2) return paragraphs;
  const heads = new Set(at);
  return paragraphs.map((p, i) => (heads.has(i) ? { ...p, kind: 'heading', level: 1 } : p));
}
