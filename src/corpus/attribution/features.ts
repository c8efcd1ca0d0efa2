// What the attribution tagger sees of each token: its words, tags and shape, where it stands among quotation
// marks and sentence boundaries, and how far it is from the nearest likely cue on either side. Content often comes
// before its source and cue ("…, the senator said."), so a left-to-right tagger needs that look-ahead.
import type { Span } from '../text/sentences.ts';
import type { Token } from '../tag/tag-text.ts';
import { doubleQuoteSpans } from '../quotes/spans.ts';
import { featureRow, hashString, suffixCode } from './hashing.ts';

/** Static features per token (computed once), then the dynamic ones that read the labels already chosen. */
export const STATIC_FEATURES = 36;
export const DYNAMIC_FEATURES = 8;
export const FEATURES = STATIC_FEATURES + DYNAMIC_FEATURES;

const POS_IDS: Record<string, number> = {
  ADJ: 1, ADP: 2, ADV: 3, AUX: 4, CCONJ: 5, DET: 6, INTJ: 7, NOUN: 8, NUM: 9, PART: 10, PRON: 11, PROPN: 12, PUNCT: 13,
  SCONJ: 14, SYM: 15, VERB: 16, X: 17, SPACE: 18,
};
const NONE = 0x5f3759df;

function shapeOf(text: string): number {
  const c = text.charCodeAt(0);
  if (text === '"') return 1;
  if (text === "'") return 2;
  if (c >= 48 && c <= 57) return 3;
  const first = text[0] ?? '';
  const upper = first !== first.toLowerCase();
  const lower = first !== first.toUpperCase();
  if (upper) return text.length > 1 && text === text.toUpperCase() ? 4 : 5;
  if (lower) return 6;
  return text === ',' ? 7 : text === ':' ? 8 : text === '.' ? 9 : text === '(' || text === ')' ? 10 : 11;
}

/** Token distances as a few buckets: 0 means none in reach. */
function bucket(d: number): number {
  if (d <= 0) return 0;
  if (d <= 2) return d;
  if (d <= 4) return 3;
  if (d <= 8) return 4;
  if (d <= 15) return 5;
  return 6;
}

/** One paragraph made ready for the tagger. */
export interface TaggerInput {
  /** STATIC_FEATURES rows per token. */
  rows: Int32Array;
  length: number;
  words: Int32Array;
  pos: Int32Array;
  /** 1 inside double quotes, 2 an opening mark, 3 a closing mark, 0 outside. */
  quote: Int32Array;
  prevCue: Int32Array;
  sentence: Int32Array;
}

/** Every feature row of one paragraph, from its tokens and the engine's sentences. */
export function paragraphFeatures(text: string, tokens: Token[], sentences: Span[], cues: ReadonlySet<string>, continues: boolean, mask: number): TaggerInput {
  const n = tokens.length;
  const words = new Int32Array(n);
  const pos = new Int32Array(n);
  const shape = new Int32Array(n);
  const suffix = new Int32Array(n);
  const isCue = new Uint8Array(n);
  const quote = new Int32Array(n);
  const sentence = new Int32Array(n);
  const sentenceStart = new Int32Array(n);

  const quotes = doubleQuoteSpans(text);
  let q = 0;
  let s = 0;
  let first = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    words[i] = hashString(t.lower) | 0;
    pos[i] = POS_IDS[t.pos] ?? 0;
    shape[i] = shapeOf(t.text);
    suffix[i] = suffixCode(t.lower) | 0;
    isCue[i] = cues.has(t.lower) ? 1 : 0;
    while (q < quotes.length && (quotes[q]?.close ?? 0) < t.start) q++;
    const span = quotes[q];
    if (span && t.start === span.open) quote[i] = 2;
    else if (span && t.start === span.close) quote[i] = 3;
    else if (span && t.start > span.open && t.start < span.close) quote[i] = 1;
    while (s < sentences.length - 1 && t.start >= (sentences[s]?.end ?? 0)) s++;
    if (i === 0 || sentence[i - 1] !== s) first = i;
    sentence[i] = s;
    sentenceStart[i] = first;
  }

  // Nearest cue to each side within the sentence, and the nearest comma ahead that a cue follows closely.
  const nextCue = new Int32Array(n).fill(-1);
  const prevCue = new Int32Array(n).fill(-1);
  const commaCue = new Int32Array(n).fill(-1);
  const prevColon = new Int32Array(n).fill(-1);
  for (let i = n - 1, next = -1, comma = -1; i >= 0; i--) {
    if (i === n - 1 || sentence[i + 1] !== sentence[i]) {
      next = -1;
      comma = -1;
    }
    nextCue[i] = next;
    commaCue[i] = comma;
    if (isCue[i]) next = i;
    if ((tokens[i] as Token).text === ',' && next >= 0 && next - i <= 6) comma = i;
  }
  for (let i = 0, prev = -1, colon = -1; i < n; i++) {
    if (i === 0 || sentence[i - 1] !== sentence[i]) {
      prev = -1;
      colon = -1;
    }
    prevCue[i] = prev;
    prevColon[i] = colon;
    if (isCue[i]) prev = i;
    if ((tokens[i] as Token).text === ':') colon = i;
  }
  const sentenceHasQuote = markSentencesWithQuotes(quote, sentence);

  const rows = new Int32Array(n * STATIC_FEATURES);
  const w = (i: number) => (i >= 0 && i < n ? (words[i] as number) : NONE);
  const p = (i: number) => (i >= 0 && i < n ? (pos[i] as number) : 31);
  const sh = (i: number) => (i >= 0 && i < n ? (shape[i] as number) : 15);
  for (let i = 0; i < n; i++) {
    const r = i * STATIC_FEATURES;
    const nc = nextCue[i] as number;
    const pc = prevCue[i] as number;
    const cc = commaCue[i] as number;
    const pl = prevColon[i] as number;
    const nb = nc >= 0 ? bucket(nc - i) : 0;
    const pb = pc >= 0 ? bucket(i - pc) : 0;
    const inQ = quote[i] as number;
    const inSentence = i - (sentenceStart[i] as number);
    // Written straight into the table: building an array of values per token cost more than hashing them.
    rows[r + 0] = featureRow(0, 0, 0, mask);
    rows[r + 1] = featureRow(1, w(i), 0, mask);
    rows[r + 2] = featureRow(2, w(i - 1), 0, mask);
    rows[r + 3] = featureRow(3, w(i + 1), 0, mask);
    rows[r + 4] = featureRow(4, w(i - 2), 0, mask);
    rows[r + 5] = featureRow(5, w(i + 2), 0, mask);
    rows[r + 6] = featureRow(6, p(i), 0, mask);
    rows[r + 7] = featureRow(7, p(i - 1) * 32 + p(i), 0, mask);
    rows[r + 8] = featureRow(8, p(i) * 32 + p(i + 1), 0, mask);
    rows[r + 9] = featureRow(9, p(i - 1), 0, mask);
    rows[r + 10] = featureRow(10, p(i + 1), 0, mask);
    rows[r + 11] = featureRow(11, p(i - 2) * 32 + p(i - 1), 0, mask);
    rows[r + 12] = featureRow(12, p(i + 1) * 32 + p(i + 2), 0, mask);
    rows[r + 13] = featureRow(13, sh(i), 0, mask);
    rows[r + 14] = featureRow(14, suffix[i] as number, 0, mask);
    rows[r + 15] = featureRow(15, (isCue[i] as number) * 32 + p(i), 0, mask);
    rows[r + 16] = featureRow(16, inQ, 0, mask);
    rows[r + 17] = featureRow(17, inQ * 32 + p(i), 0, mask);
    rows[r + 18] = featureRow(18, bucket(inSentence + 1) * 2 + (inSentence === 0 ? 1 : 0), 0, mask);
    rows[r + 19] = featureRow(19, nb, 0, mask);
    rows[r + 20] = featureRow(20, nc >= 0 ? w(nc) : NONE, 0, mask);
    rows[r + 21] = featureRow(21, pb, 0, mask);
    rows[r + 22] = featureRow(22, pc >= 0 ? w(pc) : NONE, 0, mask);
    rows[r + 23] = featureRow(23, pb * 8 + inQ, 0, mask);
    rows[r + 24] = featureRow(24, nb * 8 + inQ, 0, mask);
    rows[r + 25] = featureRow(25, cc >= 0 ? bucket(cc - i) : 0, 0, mask);
    rows[r + 26] = featureRow(26, w(i - 1) ^ Math.imul(w(i), 31), 0, mask);
    rows[r + 27] = featureRow(27, w(i) ^ Math.imul(w(i + 1), 31), 0, mask);
    rows[r + 28] = featureRow(28, (continues ? 8 : 0) + inQ, 0, mask);
    rows[r + 29] = featureRow(29, sh(i - 1) * 256 + sh(i) * 16 + sh(i + 1), 0, mask);
    rows[r + 30] = featureRow(30, pb * 64 + (isCue[i] as number), 0, mask);
    rows[r + 31] = featureRow(31, pb === 1 ? w(i) : NONE, 0, mask);
    rows[r + 32] = featureRow(32, nb * 16 + sh(i), 0, mask);
    rows[r + 33] = featureRow(33, (sentenceHasQuote[i] as number) * 8 + inQ, 0, mask);
    rows[r + 34] = featureRow(34, pl >= 0 ? bucket(i - pl) : 0, 0, mask);
    rows[r + 35] = featureRow(35, nb * 8 + pb, 0, mask);
  }
  return { rows, length: n, words, pos, quote, prevCue, sentence };
}

function markSentencesWithQuotes(quote: Int32Array, sentence: Int32Array): Uint8Array {
  const has = new Set<number>();
  for (let i = 0; i < quote.length; i++) if (quote[i] === 2) has.add(sentence[i] as number);
  const out = new Uint8Array(quote.length);
  for (let i = 0; i < quote.length; i++) out[i] = has.has(sentence[i] as number) ? 1 : 0;
  return out;
}

/** What the labels chosen so far say, kept up to date token by token as the tagger moves right. */
export interface History {
  y1: number;
  y2: number;
  /** Bits of the roles (1 source, 2 cue, 4 content) seen so far in this sentence, and in this paragraph. */
  sentenceRoles: number;
  paragraphRoles: number;
}

export const startHistory = (): History => ({ y1: 15, y2: 15, sentenceRoles: 0, paragraphRoles: 0 });

/** Moves the history past token `i`, labelled `label`. */
export function advance(h: History, input: TaggerInput, i: number, label: number): void {
  const bit = label === 0 ? 0 : label <= 2 ? 1 : label <= 4 ? 2 : 4;
  h.y2 = h.y1;
  h.y1 = label;
  h.sentenceRoles |= bit;
  h.paragraphRoles |= bit;
  const next = input.sentence[i + 1];
  if (next !== undefined && next !== input.sentence[i]) h.sentenceRoles = 0;
}

/**
 * The features that read the labels already chosen for the tokens before `i`: the last two labels and which roles
 * the sentence has had so far (after a content and a source, a cue is due).
 */
export function dynamicRows(input: TaggerInput, i: number, h: History, mask: number, out: Int32Array): void {
  const { y1, y2 } = h;
  const w = input.words[i] as number;
  const p = input.pos[i] as number;
  const q = input.quote[i] as number;
  const pc = input.prevCue[i] as number;
  const base = STATIC_FEATURES;
  out[0] = featureRow(base, y1, 0, mask);
  out[1] = featureRow(base + 1, y1, y2, mask);
  out[2] = featureRow(base + 2, y1, w, mask);
  out[3] = featureRow(base + 3, y1, p, mask);
  out[4] = featureRow(base + 4, y1, q, mask);
  out[5] = featureRow(base + 5, y1, pc >= 0 ? bucket(i - pc) : 0, mask);
  out[6] = featureRow(base + 6, y1, h.sentenceRoles, mask);
  out[7] = featureRow(base + 7, h.sentenceRoles * 8 + h.paragraphRoles, q, mask);
}
