import type { Paragraph } from '../types.ts';

const MAX_TITLE_WORDS = 14;

/** A title derived from the opening prose: its first sentence, shortened at a word boundary. */
export function deriveTitle(paragraphs: Paragraph[], fallback: string): string {
  const first = paragraphs.find((p) => p.kind === 'text' || p.kind === 'heading');
  if (!first) return fallback;
  const sentence = (/^(.+?[.!?])(\s|$)/.exec(first.text)?.[1] ?? first.text).replace(/[.:]$/, '');
  const words = sentence.split(/\s+/);
  return words.length <= MAX_TITLE_WORDS ? sentence : `${words.slice(0, MAX_TITLE_WORDS).join(' ')}…`;
}

/** "2025-09-04-security-guarantees.txt" → "security guarantees". */
export function titleFromFileName(file: string): string {
  return file.replace(/\.[^.]+$/, '').replace(/^\d{4}-\d{2}-\d{2}[-_ ]?/, '').replace(/[-_]+/g, ' ').trim() || file;
}
