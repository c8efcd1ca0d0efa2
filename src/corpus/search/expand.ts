import { boundedDistance } from './edit-distance.ts';
import { lowerBound } from '../text/lower-bound.ts';

/** What expanding a query word needs of the index's vocabulary. */
export interface Vocabulary {
  /** Every term, in code-unit order. */
  sorted(): string[];
  termId(term: string): number | undefined;
  /** How many sentences hold the term. */
  frequency(id: number): number;
}

/** An index term a query word stands for, and how much a match on it counts. */
export interface Expansion {
  id: number;
  weight: number;
}

// A completion or a near spelling counts for less than the word itself, and only the likeliest few are
// searched: a three-letter prefix can complete to thousands of words, and each would cost a list walk.
const COMPLETION_WEIGHT = 0.4;
const NEAR_WEIGHT = 0.45;
const MAX_COMPLETIONS = 20;
const MAX_NEAR = 10;

/**
 * The terms a query word stands for: itself; from three letters, its completions ("porcupin" →
 * "porcupine"), the commonest first (then the shortest); and, from five letters and only when the word itself is
 * nowhere in the corpus (a typo, then), words within one edit (two from eight letters) that start with
 * the same letter, as people seldom mistype the first.
 */
export function expandTerm(word: string, vocab: Vocabulary): Expansion[] {
  const out: Expansion[] = [];
  const exact = vocab.termId(word);
  if (exact !== undefined) out.push({ id: exact, weight: 1 });
  const sorted = vocab.sorted();

  if (word.length >= 3) {
    const completions: Array<{ id: number; length: number; frequency: number }> = [];
    for (let i = lowerBound(sorted.length, (k) => (sorted[k] as string) < word); i < sorted.length && (sorted[i] as string).startsWith(word); i++) {
      const t = sorted[i] as string;
      const id = vocab.termId(t);
      if (t !== word && id !== undefined) completions.push({ id, length: t.length, frequency: vocab.frequency(id) });
    }
    completions.sort((a, b) => b.frequency - a.frequency || a.length - b.length);
    for (const c of completions.slice(0, MAX_COMPLETIONS)) out.push({ id: c.id, weight: (COMPLETION_WEIGHT * word.length) / c.length });
  }

  if (exact === undefined && word.length >= 5) {
    const max = word.length >= 8 ? 2 : 1;
    const first = word.charAt(0);
    const row = new Int32Array(word.length + max + 2);
    const near: Array<{ id: number; distance: number; frequency: number }> = [];
    for (let i = lowerBound(sorted.length, (k) => (sorted[k] as string) < first); i < sorted.length && (sorted[i] as string).startsWith(first); i++) {
      const t = sorted[i] as string;
      if (Math.abs(t.length - word.length) > max || t.startsWith(word)) continue;
      const distance = boundedDistance(word, t, max, row);
      const id = vocab.termId(t);
      if (distance <= max && id !== undefined) near.push({ id, distance, frequency: vocab.frequency(id) });
    }
    near.sort((a, b) => a.distance - b.distance || b.frequency - a.frequency);
    for (const n of near.slice(0, MAX_NEAR)) out.push({ id: n.id, weight: (NEAR_WEIGHT * word.length) / (word.length + n.distance) });
  }
  return out;
}
