// Tokens and part-of-speech tags from wink-nlp, with offsets back into the text they came from.
import { createRequire } from 'node:module';
import type { WinkMethods } from 'wink-nlp';

/** Universal POS tags, as wink-nlp's English model gives them. */
export type Pos =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON' | 'PROPN' | 'PUNCT'
  | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

export interface Token {
  /** Offsets into the tagged text, end exclusive. */
  start: number;
  end: number;
  text: string;
  lower: string;
  pos: Pos;
}

const POSSESSIVE = /\p{L}'s$/iu;

const token = (text: string, start: number, end: number, pos: Pos): Token => {
  const value = text.slice(start, end);
  return { start, end, text: value, lower: value.toLowerCase(), pos };
};

let nlp: WinkMethods | null = null;
/**
 * Loading the model costs about 0.2 s, most of it reading its data when the module is imported: it is required
 * here, on the first text to tag, so a start-up that reads the index from its cache never pays it.
 */
function tagger(): WinkMethods {
  if (!nlp) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
    const model = require('wink-eng-lite-web-model') as import('wink-nlp').Model;
    // Only the tagger: sentences are the engine's own (they survive quotations and abbreviations as it needs).
    nlp = winkNLP(model, ['pos']);
  }
  return nlp;
}

/** The tokens of `text` with their tags, in order. */
export function tagText(text: string): Token[] {
  const w = tagger();
  const its = w.its;
  const doc = w.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const out: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    // wink-nlp keeps each token's own characters; find it from where the last one ended (spaces between).
    const start = text.startsWith(value, at) ? at : text.indexOf(value, at);
    if (start < 0) continue;
    const end = start + value.length;
    at = end;
    const pos = (tags[i] ?? 'X') as Pos;
    // wink-nlp adds every word it reads to its lexicon, after which "Trump's" stays one token: split the
    // possessive always, so a text is tokenised the same whatever was tagged before it.
    if (value.length > 2 && POSSESSIVE.test(value)) {
      out.push(token(text, start, end - 2, pos));
      out.push(token(text, end - 2, end, 'PART'));
    } else out.push(token(text, start, end, pos));
  }
  return out;
}
