import type { WordInfo } from './word-info.ts';

/** Ends a phrase run when a space follows it (see PHRASE_BREAK). */
const BREAKS_AFTER = /[.!?:;]$/;

/**
 * The phrase runs of sentences joined with spaces, from each sentence's own runs: the same runs as
 * `phraseRuns(texts.join(' '))`. Inside a sentence the breaks are its own; between two sentences the joining
 * space breaks a run only after clause punctuation (sentences are trimmed, so nothing else meets there).
 */
export function joinRuns(sentences: Array<{ text: string; runs: WordInfo[][] }>): WordInfo[][] {
  const out: WordInfo[][] = [];
  // Whether the next sentence starts a new run: at the start, and after clause punctuation (an empty sentence
  // adds only spaces and changes nothing).
  let breaks = true;
  for (const { text, runs } of sentences) {
    const [first, ...rest] = runs;
    if (breaks) out.push([...(first ?? [])]);
    else (out[out.length - 1] as WordInfo[]).push(...(first ?? []));
    for (const run of rest) out.push([...run]);
    if (text !== '') breaks = BREAKS_AFTER.test(text);
  }
  return out;
}
