import { boundedDistance } from '../search/edit-distance.ts';
import { canonicalId } from '../speakers/registry.ts';

/** Words that say nothing about which name was meant ("Moon of Alabama" is not close to "Bank of England"). */
const FILLER = new Set(['the', 'of', 'a', 'an', 'and', 'for', 'to', 'in', 'on', 'mr', 'ms', 'mrs', 'dr']);

const wordsOf = (text: string): string[] => canonicalId(text).split(' ').filter((w) => w && !FILLER.has(w));

/**
 * Whether one of `names` is close enough to what was typed to offer it as "did you mean": a typed word of three
 * letters or more begins one of its words ("stub" → Stubb), or is one letter off one (two from eight letters).
 */
export function isClose(typed: string, names: readonly string[]): boolean {
  const typedWords = wordsOf(typed).filter((w) => w.length >= 3);
  if (!typedWords.length) return false;
  const nameWords = names.flatMap(wordsOf);
  return typedWords.some((t) => {
    const max = t.length >= 8 ? 2 : 1;
    return nameWords.some((n) => n.startsWith(t) || (t.length >= 4 && boundedDistance(t, n, max) <= max));
  });
}
