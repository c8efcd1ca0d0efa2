import { SUMMARY_LENGTHS, type SummaryLength } from './summarise.ts';

/** An introduction: a sentence that hands over to what follows it ("As the Times wrote yesterday:"). */
const INTRODUCES = /:["')\]]*$/;

/** A sentence with fewer content words than this (a dateline, "Here is why.") states no claim. */
const CLAIM_TERMS = 4;

export interface SummaryInput {
  /** The section's sentences, in order. */
  texts: string[];
  /** Each sentence's similarity terms. */
  bags: Array<Set<string>>;
  /** The section's sentences ranked most central first (see rankBags). */
  order: number[];
  /** For each quoted excerpt in the section, the positions of its sentences (into `texts`), in order. */
  excerpts: number[][];
}

/**
 * The sentences of each summary, as positions into the section's sentences, in source order. The ranking
 * decides, with two rules: an introduction ending in ":" stands for the sentence after it, which carries what
 * it introduces; and each quoted excerpt's main claim (its first sentence that states something) is in every
 * summary, the shortest included, since the excerpt is what the section is about.
 */
export function pickSummaries(input: SummaryInput): Record<SummaryLength, number[]> {
  const { texts, order } = input;
  const n = texts.length;
  const stand = (i: number): number => {
    let k = i;
    while (k + 1 < n && INTRODUCES.test(texts[k] ?? '')) k++;
    return k;
  };
  // News puts its main claim first: an excerpt's claim is its first sentence of some length (not a dateline).
  const claims = input.excerpts.map((e) => e.find((i) => (input.bags[i]?.size ?? 0) >= CLAIM_TERMS) ?? e[0]).filter((i) => i !== undefined);
  const ranked = [...new Set([...claims, ...order.map(stand)])];
  const pick = (count: number) => ranked.slice(0, count).sort((a, b) => a - b);
  return { short: pick(SUMMARY_LENGTHS.short), medium: pick(SUMMARY_LENGTHS.medium), long: pick(SUMMARY_LENGTHS.long) };
}
