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
  return rankBags(sentences.map((s) => new Set(terms(s))));
}

/** rankOrder for sentences already read into their sets of terms. */
export function rankBags(bags: Array<Set<string>>): number[] {
  const n = bags.length;
  if (n <= 1) return bags.map((_, i) => i);
  const logSize = bags.map((b) => Math.log(b.size));
  // Shared words per pair, counted term by term: each term adds one to every pair of sentences it is in,
  // which touches only the pairs that share something (most pairs share nothing). Sentences of fewer than
  // two terms take no part. Kept symmetric, so row j reads j's pairs in ascending order.
  const common = new Int32Array(n * n);
  const holders = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    if ((bags[i] as Set<string>).size < 2) continue;
    for (const t of bags[i] as Set<string>) {
      const list = holders.get(t);
      if (list) {
        for (const h of list) {
          common[h * n + i] = (common[h * n + i] as number) + 1;
          common[i * n + h] = (common[i * n + h] as number) + 1;
        }
        list.push(i);
      } else holders.set(t, [i]);
    }
  }
  // The weight of a pair, common / (log |a| + log |b|): the same number whichever way round (addition commutes).
  const weight = (i: number, j: number): number => (common[i * n + j] as number) / ((logSize[i] as number) + (logSize[j] as number));
  // A sentence's out-weight sums its row in ascending order; the zero weights the dense sum added change nothing.
  const outSum = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let out = 0;
    for (let i = 0; i < n; i++) if (common[j * n + i]) out += weight(j, i);
    outSum[j] = out;
  }
  // Each sentence's incoming edges, from j in ascending order, with w / outSum[j] computed once. A sentence's
  // new score adds them in that order, exactly the sums (and so the rounding) of the dense loop over j then i.
  const inStart = new Int32Array(n + 1);
  const inFrom: number[] = [];
  const inShare: number[] = [];
  for (let i = 0; i < n; i++) {
    inStart[i] = inFrom.length;
    for (let j = 0; j < n; j++) {
      if (!common[i * n + j]) continue;
      inFrom.push(j);
      inShare.push(weight(j, i) / (outSum[j] as number));
    }
  }
  inStart[n] = inFrom.length;
  const from = Int32Array.from(inFrom);
  const shares = Float64Array.from(inShare);
  let scores = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const push = new Float64Array(n);
  const base = (1 - DAMPING) / n;
  for (let iter = 0; iter < ITERATIONS; iter++) {
    for (let j = 0; j < n; j++) push[j] = DAMPING * (scores[j] as number);
    for (let i = 0; i < n; i++) {
      let sum = base;
      const to = inStart[i + 1] as number;
      for (let e = inStart[i] as number; e < to; e++) sum += (push[from[e] as number] as number) * (shares[e] as number);
      next[i] = sum;
    }
    [scores, next] = [next, scores];
  }
  // Ties go to the earlier sentence, which in articles usually carries the point.
  return Array.from(scores, (score, i) => ({ score: score + (n - i) * 1e-9 + (bags[i]?.size ?? 0) * 1e-7, i }))
    .sort((a, b) => b.score - a.score)
    .map((x) => x.i);
}

export const SUMMARY_LENGTHS = { short: 1, medium: 3, long: 5 } as const;
export type SummaryLength = keyof typeof SUMMARY_LENGTHS;
