import { parseMention, type Mention } from '../speakers/mention.ts';

/** What may stand between a sentence-ending speech verb (or its source) and the full stop: "on Tuesday", "in a statement". */
export const AFTER_VERB_TAIL =
  String.raw`(?:(?:on|last|this|late|early)\s+\p{L}+|in an? (?:statement|report|post|briefing|video|interview|email|address|tweet|speech)|yesterday|today|tonight|earlier|later|again|too|also)`;

/**
 * "…, said Anna Harbers on Friday." / "…, noted NBC's Dante Chinni.": the verb before its source, the source (with
 * an appositive, or a time or place) ending the sentence. Lazy, so "on Friday" is left out of the name.
 */
const SOURCE_ENDS_SENTENCE = new RegExp(
  String.raw`^\s+((?:the\s+|a\s+)?[\p{Lu}\p{Ll}][^,;:!?"“”()]{1,60}?)(?:,\s*([^,;:!?"“”()]{2,90}?))?,?(?:\s+${AFTER_VERB_TAIL})*\s*[.!?]?\s*$`,
  'u',
);
/** Pronouns after the verb ("…, said he.") are rare and old-fashioned; "in a statement" is no source. */
const NOT_A_SOURCE = /^(?:he|she|they|it|we|i|you|in|on|at|to|by|for|with|that|this|and|but)\b/i;

export interface InvertedSource {
  mention: Mention;
  /** The reported clause: the sentence before the comma that precedes the verb. */
  text: string;
}

/**
 * Reported speech with its source after the verb at the end: "Talks will resume on Friday, said Anna Harbers."
 * `left` and `right` are the masked sentence before and after the verb; the clause is cut from `sentence`.
 */
export function invertedSource(sentence: string, left: string, right: string): InvertedSource | null {
  const comma = /,\s*$/.exec(left);
  if (!comma) return null;
  const m = SOURCE_ENDS_SENTENCE.exec(right);
  const phrase = m?.[1]?.trim() ?? '';
  if (!m || NOT_A_SOURCE.test(phrase)) return null;
  // A relative clause after the name says what the source did, not who it is.
  const appositive = m[2] && !/^(?:who|which|that)\b/i.test(m[2].trim()) ? m[2].trim() : null;
  const mention = parseMention(phrase, appositive);
  if (!mention || mention.reference === 'pronoun') return null;
  if (mention.reference === 'description' && !/^(?:the|a)\s/i.test(phrase)) return null;
  const text = sentence.slice(0, comma.index).trim();
  if (text.split(/\s+/).length < 4 || /["“”]/.test(text)) return null;
  return { mention, text };
}
