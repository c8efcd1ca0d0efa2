// Noun phrases from a tagged sentence: the things a section can be about, as a reader would name them.
import { SPEECH_VERBS } from '../speakers/vocabulary.ts';
import type { Pos, Token } from '../tag/tag-text.ts';
import { memoised } from '../text/memo.ts';
import { isDigits, stem, STOP_WORDS } from '../text/words.ts';

/** One way of naming something a sentence mentions: a whole noun phrase, or the part of it ending in its head. */
export interface Phrase {
  /** Lower-cased stems joined by spaces: how occurrences are counted together. */
  key: string;
  /** As written ("Bayraktar drones"). */
  surface: string;
  words: number;
  /** Every word a proper noun: a name. */
  proper: boolean;
}

interface Word {
  text: string;
  pos: Pos;
  /** Its stem (see stem), once it is known to be part of a phrase. */
  key: string;
}

/** A phrase longer than this is named by its last words. */
const MAX_WORDS = 4;
const TIME_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december today yesterday tomorrow week weeks month months morning evening night'.split(' '),
);

/** Tokens joined by a hyphen with no space ("NATO-backed", "air-defense") are one word, tagged by its last part. */
function compoundWords(tokens: Token[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    let text = t.text;
    let pos = t.pos;
    let end = t.end;
    while (tokens[i + 1]?.text === '-' && tokens[i + 1]?.start === end && tokens[i + 2]?.start === end + 1 && /^[\p{L}\d]/u.test(tokens[i + 2]?.text ?? '')) {
      const next = tokens[i + 2] as Token;
      text += `-${next.text}`;
      // "NATO-backed" modifies like an adjective; "Hrim-2" stays the name it started as.
      pos = next.pos === 'VERB' ? 'ADJ' : next.pos === 'NUM' ? pos : next.pos;
      end = next.end;
      i += 2;
    }
    out.push({ text, pos, key: '' });
  }
  // A sentence's first word is capitalised whatever it is, and the tagger often takes it for a name: before a
  // common noun it modifies it ("Armed men", "Circuit boards") rather than naming something itself.
  const [w0, w1] = out;
  if (w0?.pos === 'PROPN' && w1?.pos === 'NOUN') w0.pos = 'ADJ';
  // So does a people's adjective the tagger calls a name ("Russian missiles", "Turkish company").
  for (let k = 0; k + 1 < out.length; k++) {
    const w = out[k] as Word;
    if (w.pos === 'PROPN' && out[k + 1]?.pos === 'NOUN' && out[k - 1]?.pos !== 'PROPN' && DEMONYM.test(w.text)) w.pos = 'ADJ';
  }
  // A capitalised adjective leading into a name is part of it ("New York Times").
  for (let k = out.length - 2; k >= 0; k--) {
    const w = out[k] as Word;
    if (w.pos === 'ADJ' && out[k + 1]?.pos === 'PROPN' && /^\p{Lu}/u.test(w.text)) w.pos = 'PROPN';
  }
  return out;
}

/** How English forms the adjective of a people or a country: Russian, Turkish, Chinese, Israeli (not "Iran"). */
const DEMONYM = /^(?=.{6})\p{Lu}\p{Ll}+(?:ian|ean|an|ish|ese|i)$/u;

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'mr.', 'mrs.', 'ms.', 'dr.']);

/** Could the word be in a phrase, as a name and as a common word: worked out once per distinct word. */
const lexical = memoised((text: string): number => {
  const lower = text.toLowerCase();
  if (lower.length < 2 || TIME_WORDS.has(lower) || isDigits(lower) || !/\p{L}/u.test(lower)) return 0;
  return (HONORIFICS.has(lower) ? 0 : AS_NAME) | (STOP_WORDS.has(lower) || SPEECH_VERBS.has(lower) ? 0 : AS_WORD);
});
const AS_NAME = 1;
const AS_WORD = 2;

/**
 * May the word be part of a noun phrase? Function words, numbers, dates and speech verbs are not, but a name
 * keeps its words ("New York", "United States").
 */
function nominal(w: Word): boolean {
  if (w.pos !== 'NOUN' && w.pos !== 'PROPN' && w.pos !== 'ADJ') return false;
  if ((lexical(w.text) & (w.pos === 'PROPN' ? AS_NAME : AS_WORD)) === 0) return false;
  w.key = stem(w.text);
  return true;
}

const isHead = (w: Word) => w.pos === 'NOUN' || w.pos === 'PROPN';

function phrase(ws: Word[]): Phrase {
  return {
    key: ws.map((w) => w.key || w.text.toLowerCase()).join(' '),
    surface: ws.map((w) => w.text).join(' '),
    words: ws.length,
    proper: ws.every((w) => w.pos === 'PROPN'),
  };
}

/**
 * The noun phrases of a tagged sentence and the ways of naming each. A run of adjectives and nouns ending in a
 * noun gives every part of it that ends in a noun ("Turkish Bayraktar drones", "Bayraktar drones", "drones",
 * "Turkish Bayraktar"; "missile production" of "missile production facilities"), but a name only whole
 * ("New York Times", never "York Times" or "President Alexander" of "President Alexander Stubb"). A lone
 * adjective is never a phrase, a possessive ends one ("Ukraine" / "ability"), and a name's complement after
 * "of the" or "for the" stays with it ("Kiel Institute for the World Economy", not "World Economy").
 */
export function nounPhrases(tokens: Token[]): Phrase[] {
  const words = compoundWords(tokens);
  const out: Phrase[] = [];
  let i = 0;
  while (i < words.length) {
    if (!nominal(words[i] as Word)) {
      i++;
      continue;
    }
    let j = i;
    while (j < words.length && nominal(words[j] as Word)) j++;
    // The phrase ends at its last noun: trailing adjectives ("strikes deep") are not part of it.
    let end = j;
    while (end > i && !isHead(words[end - 1] as Word)) end--;
    const chunk = words.slice(i, end);
    const complement = nameComplement(words, end);
    if (complement > end) {
      // The whole name with its complement; the complement names nothing on its own.
      out.push(phrase([...trimToName(chunk), ...words.slice(end, complement)]));
      j = complement;
    }
    if (chunk.length) addParts(chunk, out);
    i = j;
  }
  return out;
}

/** Where a name's complement ("for the World Economy") starting at `at` ends, or `at` when there is none. */
function nameComplement(words: Word[], at: number): number {
  if (words[at - 1]?.pos !== 'PROPN') return at;
  const link = words[at]?.text.toLowerCase();
  if ((link !== 'of' && link !== 'for') || words[at + 1]?.text.toLowerCase() !== 'the' || words[at + 2]?.pos !== 'PROPN') return at;
  let e = at + 2;
  while (words[e]?.pos === 'PROPN') e++;
  return e;
}

/** The name a phrase ends in ("Kiel Institute" of "the German Kiel Institute"). */
function trimToName(chunk: Word[]): Word[] {
  let k = chunk.length;
  while (k > 0 && chunk[k - 1]?.pos === 'PROPN') k--;
  return chunk.slice(k);
}

function addParts(chunk: Word[], out: Phrase[]): void {
  const n = chunk.length;
  const inName = (k: number) => chunk[k]?.pos === 'PROPN' && chunk[k - 1]?.pos === 'PROPN';
  for (let e = n; e > 0; e--) {
    const last = chunk[e - 1] as Word;
    // A part ends in a noun, and never inside a name.
    if (!isHead(last) || inName(e)) continue;
    for (let k = Math.max(0, e - MAX_WORDS); k < e; k++) {
      // Inside a phrase, a part starts with a common noun ("missile production" of "missile production
      // facilities") or is a name ("Turkish Bayraktar"): not "higher interest", not "Russian security".
      if (e < n && chunk[k]?.pos !== 'NOUN' && !chunk.slice(k, e).every((w) => w.pos === 'PROPN')) continue;
      // A name's tail stands for it only where the text writes it alone ("Stubb"), which counts on its own.
      if (inName(k) && last.pos === 'PROPN') continue;
      out.push(phrase(chunk.slice(k, e)));
    }
  }
}
