import { STOP_WORDS } from '../text/words.ts';

// Letters and digits only: "Finland’s" is searched as "finland", "Al-Assad" as "al" and "assad".
const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;

/** A word as the search index keeps it, or null for words not worth indexing (stop words, lone letters). */
export function searchTerm(word: string): string | null {
  const lower = word.toLowerCase();
  if (lower.length < 2 && !/\d/.test(lower)) return null;
  return STOP_WORDS.has(lower) ? null : lower;
}

/** The index terms of a text, in order, repeats included. */
export function searchTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = searchTerm(m[0]);
    if (t) out.push(t);
  }
  return out;
}
