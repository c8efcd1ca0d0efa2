import { parseMention, type Mention } from '../speakers/mention.ts';
import { findSubject, trailingNounPhrase } from '../speakers/subject.ts';
import { NAME_PARTICLE } from '../speakers/vocabulary.ts';
import type { Span } from '../text/sentences.ts';
import { doubleQuoteSpans, singleQuoteSpans, spanText, wordCount, type QuoteSpan } from './spans.ts';
import { speechVerbs } from './speech-verbs.ts';
import { allMatches } from '../text/matches.ts';
import { TITLE_ABBREVIATIONS } from '../text/sentences.ts';
import { isQuotedTitle, isTitleEndingSentence } from '../text/title-case.ts';

export type Attribution =
  | { type: 'named'; mention: Mention }
  /** The same speaker as the quote before it ("That's our advantage." after an attributed quote). */
  | { type: 'continues' }
  /** No speech verb, but the sentence names one person ("To Mr Stubb, "it was …""). */
  | { type: 'context'; mention: Mention };

export interface DirectCandidate {
  span: QuoteSpan;
  text: string;
  attribution: Attribution | null;
  /** The quote is attributed right beside it, so even a short phrase is a real quote. */
  adjacent: boolean;
}

/** Scare quotes are short phrases without a sentence of their own ('security guarantees', "coalition of the willing"). */
const SCARE_MAX_WORDS = 4;
const CONTEXT_MIN_WORDS = 6;

function sentenceAround(sentences: Span[], offset: number, fallbackEnd: number): Span {
  return sentences.find((s) => offset >= s.start && offset < s.end) ?? { start: 0, end: fallbackEnd };
}

const SIGNATURE = /^\s*-+\s*(\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+[\p{Lu}\p{L}\p{M}'’.-]+){0,4}?)[.,]?\s*$/u;

/** A full stop, not a title's or an initial's dot ("said Dr. Amir Haddad."). */
const SENTENCE_END = new RegExp(String.raw`(?<!\b(?:\p{Lu}|${TITLE_ABBREVIATIONS.map((t) => t[0]?.toUpperCase() + t.slice(1)).join('|')}))[.!?]`, 'u');
const SENTENCE_END_REST = new RegExp(`${SENTENCE_END.source}(?:\\s.*)?$`, 'su');

/** `"…," said Alyona Getmanchuk, Ukraine's new ambassador to NATO.` / `"…," Risto Penttilä, a foreign-policy expert, explains.` */
function attributionAfter(after: string): Mention | null {
  const clipped = after.split('"')[0] ?? '';
  // `"…" - Pamela Padilla`: a quotation signed with its speaker's name after a dash.
  const signed = SIGNATURE.exec(clipped);
  if (signed) return parseMention(signed[1] ?? '');
  const verbs = speechVerbs(clipped);
  const first = verbs[0];
  if (!first) return null;
  const lead = clipped.slice(0, first.index);
  if (/^[\s,]*$/.test(lead)) {
    // Verb first: the speaker follows, with an optional appositive.
    // Cut at the sentence's end, not at a title's or an initial's dot ("said Dr. Amir Haddad.").
    const rest = clipped.slice(first.end).replace(SENTENCE_END_REST, '');
    const [name, appositive] = rest.split(',');
    const np = (name ?? '').trim();
    if (!np || np.split(/\s+/).length > 8) return null;
    return parseMention(np, appositive?.trim() ? appositive : null);
  }
  // The speaker stands in the same sentence: no full stop before the verb but a title's ("Mr. Obama said").
  if (lead.split(/\s+/).length > 14 || SENTENCE_END.test(lead)) return null;
  const subject = findSubject(lead.replace(/^\s*,?\s*/, ''));
  return subject?.mention ?? null;
}

/** What may stand between a speech verb and the quote it opens: nothing, or a time or place ("said on Friday "…""). */
const BETWEEN_VERB_AND_QUOTE =
  /^\s*,?\s*(?:(?:on|in|at|during|late|early|last|this|from)\s+(?:the\s+|a\s+)?[\p{L}\d'-]+(?:\s+[\p{L}\d'-]+){0,2}?|yesterday|today|tonight|again|also|later|earlier|then)?\s*[:,]?\s*$/u;

/** `Getmanchuk said: "…"` / `As von der Leyen put it: "…"` / `According to the ministry, "…"` / `Ortiz said on Friday "…"` */
function attributionBefore(before: string): Mention | null {
  const according = /according to ([^,]+),\s*$/i.exec(before);
  if (according) {
    const np = trailingNounPhrase(according[1] ?? '');
    return np ? parseMention(np.text) : null;
  }
  const verbs = speechVerbs(before);
  const last = verbs[verbs.length - 1];
  if (!last || !BETWEEN_VERB_AND_QUOTE.test(before.slice(last.end))) return null;
  return findSubject(before.slice(0, last.index))?.mention ?? null;
}

const CAPITALISED_RUN = new RegExp(String.raw`(?:\p{Lu}[\p{L}\p{M}'’.-]*)(?:\s+(?:${NAME_PARTICLE}\s+)*\p{Lu}[\p{L}\p{M}'’.-]*)*`, 'gu');

/** A single person named outside the quotes in the sentence ("To Mr Stubb and most of his countrymen, "…""). */
function personInContext(sentence: string): Mention | null {
  const names = new Map<string, Mention>();
  for (const run of allMatches(CAPITALISED_RUN, sentence)) {
    const definite = /\bthe\s+$/i.test(sentence.slice(Math.max(0, run.index - 4), run.index));
    const mention = parseMention(definite ? `the ${run[0]}` : run[0]);
    // A full name or a titled one ("Mr Stubb"); "The Indiana" is a word after an article, not a person.
    if (mention?.reference === 'name' && mention.kind === 'person' && (mention.name.includes(' ') || mention.surface !== mention.name)) names.set(mention.name, mention);
  }
  return names.size === 1 ? ([...names.values()][0] ?? null) : null;
}

const NICKNAME_BEFORE = /\p{Lu}\p{Ll}+\s+$/u;
const NICKNAME_AFTER = /^\s+\p{Lu}\p{Ll}+/u;
const NAMED_AS = /\b(?:known as|dubbed|nicknamed|so-called|termed|the term)(?:\s+(?:the|a|an))?\s*$/i;

/** The direct quotes of one paragraph, each with the words that attribute it (resolved later, in reading order). */
export function findDirectQuotes(text: string, sentences: Span[], continuesPrevious: boolean): DirectCandidate[] {
  const doubles = doubleQuoteSpans(text);
  const spans = [...doubles, ...singleQuoteSpans(text, doubles)].sort((a, b) => a.open - b.open);
  const out: DirectCandidate[] = [];
  for (const [i, span] of spans.entries()) {
    const quoted = spanText(text, span);
    if (!quoted) continue;
    const sentence = sentenceAround(sentences, span.open, text.length);
    const nextOpen = spans[i + 1]?.open ?? text.length;
    const after = span.closed ? text.slice(span.close + 1, Math.min(nextOpen, Math.max(sentence.end, span.close + 1))) : '';
    const prevClose = (spans[i - 1]?.close ?? -1) + 1;
    const before = text.slice(Math.max(sentence.start, prevClose), span.open);

    let attribution: Attribution | null = null;
    let adjacent = false;
    const afterMention = span.closed ? attributionAfter(after) : null;
    const beforeMention = attributionBefore(before);
    if (afterMention) {
      attribution = { type: 'named', mention: afterMention };
      adjacent = true;
    } else if (beforeMention) {
      attribution = { type: 'named', mention: beforeMention };
      adjacent = true;
    } else if (out.length > 0 && out[out.length - 1]?.attribution) {
      attribution = { type: 'continues' };
    } else if (i === 0 && span.open === 0 && continuesPrevious) {
      attribution = { type: 'continues' };
    } else if (wordCount(quoted) >= CONTEXT_MIN_WORDS) {
      const outside = text.slice(sentence.start, sentence.end).replace(/"[^"]*"/g, ' ');
      const person = personInContext(outside);
      if (person) attribution = { type: 'context', mention: person };
    }

    // `On "Fox News Sunday," Gov. Ann Ruiz said …`: a title in quotation marks is not what anyone said.
    if (isQuotedTitle(quoted) || isTitleEndingSentence(quoted, before)) continue;
    // `Marcia "Cia" Price`: a nickname between a first name and a surname; `known as "the Buffett rule"`: a name for
    // something. Neither is anyone's words.
    if (NICKNAME_BEFORE.test(before) && NICKNAME_AFTER.test(text.slice(span.close + 1)) && wordCount(quoted) <= 2) continue;
    if (NAMED_AS.test(before) && wordCount(quoted) <= 4) continue;
    const short = wordCount(quoted) <= SCARE_MAX_WORDS && !/[.,!?]$/.test(quoted);
    if (short && !adjacent) continue;
    // Single quotes are mostly scare quotes and apostrophes: only a quote attributed right beside it counts.
    if (span.mark === "'" && !adjacent) continue;
    out.push({ span, text: quoted, attribution, adjacent });
  }
  return out;
}
