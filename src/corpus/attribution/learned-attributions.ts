// The learned attribution stage: tags a paragraph with the trained model and reads its attributions off the labels.
import { DAY_OR_MONTH_SHORT } from '../speakers/vocabulary.ts';
import type { TaggedParagraph } from '../tag/tag-document.ts';
import { decodeParagraph, type Attribution, type TaggedSpan } from './decode.ts';
import { paragraphFeatures } from './features.ts';
import type { AttributionModel } from './model-file.ts';
import { completeSource } from './source-span.ts';
import { beamTagParagraph } from './perceptron.ts';

export interface LearnedQuote {
  /** The source as written, or null when the tagger found none. */
  source: string | null;
  /** Offset of the cue in the paragraph (the position the speaker is resolved at). */
  cueOffset: number;
  cueSentence: number;
  text: string;
  /** Offset of the first content in the paragraph. */
  offset: number;
  direct: boolean;
  /** The cue reports speech, or the content is quoted: a quotation rather than a belief or an intention. */
  speech: boolean;
}

const WHEN = new RegExp(`^${DAY_OR_MONTH_SHORT}$`, 'i');

/**
 * A content as a reader would quote it: without the marks around it, the comma that led to the attribution, or a
 * time the tagger took in after the cue ("said in May the plan was sound", "said on Friday "We will not wait."").
 */
/** Words that carry the sentence on past a quoted phrase, not the phrase's own. */
const AFTER_QUOTATION = /^\s*,?\s*(?:and|but|or|before|after|while|as|then|when|because)\s+\p{Ll}/u;

function contentPiece(tp: TaggedParagraph, s: TaggedSpan): string {
  let start = s.start;
  const first = tp.tokens[s.first];
  if (first && WHEN.test(first.text) && tp.tokens[s.first - 1]?.pos === 'ADP') start = tp.tokens[s.first + 1]?.start ?? start;
  // A content opens at a word's start: "Friday's test" is not "s test" (the tokeniser parts the possessive).
  while (start > 0 && /[\p{L}\d'’]/u.test(tp.text[start - 1] ?? '')) start--;
  let piece = tp.text.slice(start, s.end);
  // A quotation with a word or two before its opening mark: those words are the reporter's.
  const open = piece.indexOf('"');
  if (open > 0 && piece.slice(0, open).trim().split(/\s+/).length <= 2 && piece.indexOf('"', open + 1) !== -1) piece = piece.slice(open);
  // `called the plan "a fantasy" and walked out`: what follows the closing mark is the reporter's story again.
  const close = piece.startsWith('"') ? piece.indexOf('"', 1) : -1;
  // (Unless another quoted part follows: `to "go and vote" and then "go pick some other place"` is one.)
  if (close > 0 && AFTER_QUOTATION.test(piece.slice(close + 1)) && !piece.includes('"', close + 1)) piece = piece.slice(0, close + 1);
  return piece.replace(/^["'\s]+/, '').replace(/[\s,;:"']+$/, '');
}

function contentText(tp: TaggedParagraph, spans: TaggedSpan[]): string {
  return spans
    .sort((a, b) => a.start - b.start)
    .map((s) => contentPiece(tp, s))
    .filter(Boolean)
    .join(' … ');
}

function sourceText(tp: TaggedParagraph, source: TaggedSpan, labels: Int32Array): string | null {
  // Words the tagger gave to a content or a cue are not the source's to take.
  const { first, last } = completeSource(tp.tokens, source, (i) => (labels[i] ?? 0) >= 3);
  // "22% of Democratic claims": an adjective alone qualifies a noun; it is nobody.
  if (tp.tokens.slice(first, last).every((t) => t.pos === 'ADJ')) return null;
  return tp.text.slice(tp.tokens[first]?.start ?? source.start, tp.tokens[last - 1]?.end ?? source.end);
}

const MODALS = new Set(['will', 'would', 'could', 'may', 'might', 'shall', 'should', 'can', "'ll", 'wo', 'ca']);

/** "The ministry will insist that …", "she may say …": speech that has not happened, or might not, is no quote. */
function unsaid(tp: TaggedParagraph, cue: TaggedSpan): boolean {
  for (let i = Math.max(0, cue.first - 2); i < cue.last; i++) {
    const t = tp.tokens[i];
    // "said in May the plan was sound": the month, not the modal.
    if (t && MODALS.has(t.lower) && (t.text !== 'May' || t.pos === 'AUX')) return true;
  }
  return false;
}

/**
 * What was said is a clause, or words quoted. A content that opens with a verb right after a cue that is a noun
 * says the noun did something ("Insurance claims rose sharply"): the cue was a subject, not speech. One that opens
 * with "to" and quotes nothing is an instruction or a pledge ("told reporters to leave the building"), not anyone's
 * words.
 */
function notSpeech(tp: TaggedParagraph, a: Attribution): boolean {
  const first = [...a.contents].sort((x, y) => x.start - y.start)[0];
  if (!first) return true;
  const word = tp.tokens[first.first];
  if (!word) return true;
  const quoted = a.contents.some((c) => tp.text.slice(c.start, c.end).includes('"'));
  if (word.lower === 'to' && !quoted) return true;
  const cueWord = tp.tokens[a.cue.last - 1];
  return first.first === a.cue.last && cueWord?.pos === 'NOUN' && (word.pos === 'VERB' || word.pos === 'AUX');
}

function toQuote(model: AttributionModel, tp: TaggedParagraph, a: Attribution, labels: Int32Array): LearnedQuote {
  const text = tp.text;
  const contents = [...a.contents].sort((x, y) => x.start - y.start);
  const first = contents[0] as TaggedSpan;
  const direct = contents.some((c) => text.slice(c.start, c.end).includes('"'));
  return {
    source: a.source ? sourceText(tp, a.source, labels) : null,
    cueOffset: a.cue.start,
    cueSentence: a.cue.sentence,
    text: contentText(tp, contents),
    offset: first.start,
    direct,
    speech: direct || (tp.tokens.slice(a.cue.first, a.cue.last).some((t) => model.speechCues.has(t.lower)) && !unsaid(tp, a.cue)),
  };
}

const speechWords = new WeakMap<AttributionModel, RegExp>();

/**
 * Only speech is kept, and speech needs a quotation mark or a speech word: a paragraph with neither is not worth
 * tagging at all (a third of news paragraphs, and tagging is the dearest step).
 */
export function mayReportSpeech(model: AttributionModel, text: string): boolean {
  if (text.includes('"')) return true;
  let words = speechWords.get(model);
  if (!words) {
    const escaped = [...model.speechCues].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    words = new RegExp(`(?<![\\p{L}\\d])(?:${escaped.join('|') || '(?!)'})(?![\\p{L}\\d])`, 'iu');
    speechWords.set(model, words);
  }
  return words.test(text);
}

export function learnedQuotes(model: AttributionModel, tp: TaggedParagraph | null): LearnedQuote[] {
  if (!tp || tp.tokens.length === 0) return [];
  const mask = (1 << model.bits) - 1;
  const input = paragraphFeatures(tp.text, tp.tokens, tp.sentences, model.cues, tp.continuesQuote, mask);
  const labels = beamTagParagraph(model, input, model.beam ?? 1);
  return decodeParagraph(tp, labels)
    .attributions.filter((a) => !notSpeech(tp, a))
    .map((a) => toQuote(model, tp, a, labels));
}
