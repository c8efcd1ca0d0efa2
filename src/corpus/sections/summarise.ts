import { terms } from '../text/words.ts';

const DAMPING = 0.85;
const ITERATIONS = 40;

/** The indexes of the `count` best sentences (see rankOrder), in source order. */
export function rankSentences(sentences: string[], count: number): number[] {
  return rankOrder(sentences)
    .slice(0, count)
    .sort((a, b) => a - b);
}

/**
 * TextRank over sentences: a sentence is central when it shares words with other central sentences.
 * Returns every index, most central first, so one ranking serves every summary length.
 */
export function rankOrder(sentences: string[]): number[] {
  const n = sentences.length;
  if (n <= 1) return sentences.map((_, i) => i);
  const bags = sentences.map((s) => new Set(terms(s)));
  const weights: number[][] = bags.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = bags[i] ?? new Set<string>();
      const b = bags[j] ?? new Set<string>();
      if (a.size < 2 || b.size < 2) continue;
      let common = 0;
      for (const t of a) if (b.has(t)) common++;
      const w = common / (Math.log(a.size) + Math.log(b.size));
      (weights[i] as number[])[j] = w;
      (weights[j] as number[])[i] = w;
    }
  }
  const outSum = weights.map((row) => row.reduce((x, y) => x + y, 0));
  let scores = new Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < ITERATIONS; iter++) {
    const next = new Array<number>(n).fill((1 - DAMPING) / n);
    for (let j = 0; j < n; j++) {
      const out = outSum[j] ?? 0;
      if (out === 0) continue;
      for (let i = 0; i < n; i++) {
        const w = weights[j]?.[i] ?? 0;
        if (w) next[i] = (next[i] ?? 0) + DAMPING * (scores[j] ?? 0) * (w / out);
      }
    }
    scores = next;
  }
  // Ties go to the earlier sentence, which in articles usually carries the point.
  return scores
    .map((score, i) => ({ score: score + (n - i) * 1e-9 + (bags[i]?.size ?? 0) * 1e-7, i }))
    .sort((a, b) => b.score - a.score)
    .map((x) => x.i);
}

export const SUMMARY_LENGTHS = { short: 1, medium: 3, long: 5 } as const;
export type SummaryLength = keyof typeof SUMMARY_LENGTHS;
