import { SPEECH_VERBS } from '../speakers/vocabulary.ts';
import { memoised } from '../text/memo.ts';
import { isDigits, stem, STOP_WORDS, termOf, words } from '../text/words.ts';

/** What the section rules need of one word. */
export interface WordInfo {
  /** The word as a similarity term (see termOf), or null when it is not one. */
  term: string | null;
  /** Without its possessive and trailing apostrophes or hyphens: how a keyword is shown. */
  bare: string;
  /** The keyword key. */
  stem: string;
  /** May be a keyword (and start a phrase). */
  head: boolean;
  /** May end a two-word phrase. */
  follows: boolean;
}

/** Worked out once per distinct word rather than per occurrence: documents repeat their words. */
export const wordInfo = memoised((word: string): WordInfo => {
  const w = bare(word);
  const lower = w.toLowerCase();
  const number = isDigits(w);
  return {
    term: termOf(word),
    bare: w,
    stem: stem(w),
    head: !(w.length < 3 || STOP_WORDS.has(lower) || SPEECH_VERBS.has(lower) || number),
    follows: w.length > 2 && !STOP_WORDS.has(lower) && !number,
  };
});

/** A word without its possessive and trailing apostrophes or hyphens. */
function bare(w: string): string {
  const last = w.charCodeAt(w.length - 1);
  // Only words ending in an apostrophe, "s" or a hyphen can change.
  if (last !== 39 && last !== 0x2019 && last !== 115 && last !== 45) return w;
  return w.replace(/['’]s$/, '').replace(/['’-]+$/, '');
}

/** Where a two-word phrase cannot run on: after clause punctuation and a space. */
const PHRASE_BREAK = /(?<=[.!?:;])\s+/;

/** A text's words in runs that phrases do not cross. */
export function phraseRuns(text: string): WordInfo[][] {
  return text.split(PHRASE_BREAK).map((run) => words(run).map(wordInfo));
}
