// A source the tagger marked is a noun phrase: a span it cut short ("Rep. G.K." before "Butterfield", "The Russian"
// before "military") is completed from the part-of-speech tags, and stray words at its edges are trimmed.
import type { Token } from '../tag/tag-text.ts';
import type { TaggedSpan } from './decode.ts';

const NOMINAL = new Set(['PROPN', 'NOUN']);
const MODIFIER = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM']);
const EDGE = new Set(['PUNCT', 'ADP', 'CCONJ', 'SCONJ', 'ADV', 'AUX', 'VERB', 'PART']);
/** How far a source may be completed on either side. */
const REACH = 4;

/** Token indexes [first, last) of the completed noun phrase. */
export function completeSource(tokens: Token[], span: TaggedSpan, taken: (i: number) => boolean): { first: number; last: number } {
  let first = span.first;
  let last = span.last;
  // Stray edges: "as they" → "they"; "Trump ," → "Trump". A possessive 's stays with its name.
  while (first < last - 1 && EDGE.has(tokens[first]?.pos ?? '')) first++;
  while (last > first + 1 && EDGE.has(tokens[last - 1]?.pos ?? '') && tokens[last - 1]?.text !== ')') last--;
  for (let n = 0; n < REACH && last < tokens.length && !taken(last) && NOMINAL.has(tokens[last]?.pos ?? ''); n++) last++;
  const opensWithDeterminer = tokens[first]?.pos === 'DET';
  if (!opensWithDeterminer) {
    for (let n = 0; n < REACH && first > 0 && !taken(first - 1); n++) {
      const prev = tokens[first - 1] as Token;
      if (MODIFIER.has(prev.pos)) first--;
      else {
        if (prev.pos === 'DET' && /^(the|a|an)$/i.test(prev.text)) first--;
        break;
      }
    }
  }
  return { first, last };
}
