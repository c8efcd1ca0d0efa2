// Headlines and titles capitalise every word, so their runs of capitals are not names ("Obama Sees 'Personal
// Insult' if Blacks Don't Rally"): a sentence written that way names no one in passing.

/** The short words a title leaves in lower case. */
const MINOR = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'on', 'in', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'if', 'is', 'vs', 'via', 'into', 'over']);
const MIN_WORDS = 4;

/** Every word but the minor ones starts with a capital, over at least four such words. */
export function isTitleCase(sentence: string, minWords = MIN_WORDS): boolean {
  let words = 0;
  for (const w of sentence.match(/[\p{L}][\p{L}\p{M}'’-]*/gu) ?? []) {
    if (MINOR.has(w.toLowerCase()) && w === w.toLowerCase()) continue;
    if (!/^\p{Lu}/u.test(w)) return false;
    words++;
  }
  return words >= minWords;
}

/** A quoted title or name ("Fox News Sunday", "The Art of the Deal"): a few capitalised words, no sentence. */
export function isQuotedTitle(quoted: string): boolean {
  const text = quoted.replace(/[,;:\s]+$/, '');
  return !/[.!?]$/.test(text) && text.split(/\s+/).length <= 8 && isTitleCase(text, 2);
}

/**
 * A title that ends its sentence, the period inside the marks as American style has it: `said on Fox News's "Fox and
 * Friends."`. Only after "on", "in" or a possessive, where a programme or a publication is named.
 */
export function isTitleEndingSentence(quoted: string, before: string): boolean {
  const text = quoted.replace(/\.$/, '');
  return text !== quoted && isQuotedTitle(text) && /(?:\b(?:on|in)|\p{Lu}[\p{L}.]*['’]s?)\s*$/u.test(before);
}
