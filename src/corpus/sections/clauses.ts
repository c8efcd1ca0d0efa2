// The clause of a sentence around a phrase: enough context for the tagger to tell a noun from a verb.

/** Clause punctuation: a phrase does not run across it. */
const BREAK = /[,;:()[\]]|\s[-–—]\s/g;

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{M}\d'’-]/u.test(c);

/** Where `phrase` first stands as whole words in `text`, or -1. */
export function findWords(text: string, phrase: string): number {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + phrase.length])) return at;
  }
  return -1;
}

/**
 * The clause of `text` that holds [start, end): from the clause punctuation before it to the one after it.
 * Null when punctuation falls inside the span: words either side of a comma are no phrase.
 */
export function clauseAround(text: string, start: number, end: number): { start: number; end: number } | null {
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(BREAK)) {
    const s = m.index;
    const e = s + m[0].length;
    if (e <= start) from = e;
    else if (s >= end) {
      to = s;
      break;
    } else return null;
  }
  return { start: from, end: to };
}
