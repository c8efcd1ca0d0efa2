// Cues that end a quoted block: signs that the author, not the quoted source, is speaking again, and the
// citation a blog puts after an excerpt.
import type { Mention } from '../speakers/mention.ts';
import { outlet } from './block-starts.ts';

const FIRST_PERSON = /\b(I|I'm|I've|I'd|I'll|me|my|mine|Me|My|Mine)\b/;
const BACK_REFERENCE = /\b(that|this|these|those)\s+(statement|claim|assertion|argument|report|piece|article|op-ed|view|analysis|reasoning|narrative|assessment|quote|passage|excerpt|nonsense|propaganda)s?\b/i;

/** Single-quoted phrases that are not apostrophes: the author's own scare quotes in some styles. */
export const SINGLE_SCARE = /(^|[\s([])'[^'\s][^']{0,60}?[^\s']'(?=[\s.,;:!?)\]]|$)/;

export function outsideQuotes(text: string): string {
  return text.replace(/"[^"]*"/g, ' ');
}

/** Signs that the author, not the quoted source, is speaking again. */
export function authorVoice(text: string, authorUsesSingleQuotes: boolean): boolean {
  const own = outsideQuotes(text);
  if (FIRST_PERSON.test(own)) return true;
  if (/\?\s*$/.test(own.trim()) || /\?\s+\p{Lu}/u.test(own)) return true;
  if (BACK_REFERENCE.test(own)) return true;
  if (authorUsesSingleQuotes && SINGLE_SCARE.test(own)) return true;
  return commentsOnQuote(own.trim());
}

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** "That's the key point.", "Exactly.", "What a mess.", "Read the whole thing.": the author reacting, in a line or so. */
const REACTION = /^(?:(?:that|this)(?:['’]s|\s+is|\s+was)\b|(?:exactly|indeed|quite|precisely|wow|yes|no|right|hm+|ouch|sigh|ugh|oh|well|sure|amazing|incredible|unbelievable|nice|sad|shocking|priceless|classic|heh|lol|really|seriously|of course|so much for|what an?|how about|read the whole|go read|worth reading|emphasis|note (?:the|how|that))\b)/i;
const MAX_REACTION_WORDS = 8;
/** Addressing the reader ("Make of that what you will.") is the blogger's habit, not a report's. */
const READER = /\b(?:you|your)\b/i;
const MAX_ASIDE_WORDS = 12;

/** "In other words, …", "Translation: …": the author restating the quote, however long the paragraph. */
const RESTATING = /^(?:in other words|translation:|put (?:simply|differently|another way)|to put it (?:bluntly|simply|plainly)|that is to say|read:|bottom line:)/i;

function commentsOnQuote(own: string): boolean {
  if (RESTATING.test(own)) return true;
  const n = words(own);
  if (n <= MAX_REACTION_WORDS && (REACTION.test(own) || /!$/.test(own))) return true;
  return n <= MAX_ASIDE_WORDS && READER.test(own);
}

/** "Cheers", "More later.", "— Tom", "Update:": the author closing the post or stepping in after it. */
const SIGN_OFF = /^(?:(?:cheers|thanks|thank you|regards|best wishes|ciao|later|more later|more soon|more to come|more tomorrow|stay tuned|until next time|that's all|that is all|enough for now|onwards?|update|updated|edit|ps|p\.s\.|h\/t|hat tip|posted by)\b|[—–-]{1,2}\s*\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)?\s*$)/iu;
const MAX_SIGN_OFF_WORDS = 6;

export function signsOff(text: string): boolean {
  const t = text.trim();
  return words(t) <= MAX_SIGN_OFF_WORDS && SIGN_OFF.test(t);
}

/** The publication at the head of a citation's words: "the Guardian's report on Monday" → the Guardian. */
function citedOutlet(words: string): Mention | null {
  const m = /^(?:the\s+)?(\p{Lu}[\p{L}\p{M}.&-]*(?:\s+(?:(?:of|and|&)\s+)?\p{Lu}[\p{L}\p{M}.&-]*){0,4})/u.exec(words.trim());
  const found = m ? outlet(m[1] ?? '') : null;
  return found && found.kind !== 'person' ? { ...found, kind: 'organisation' } : null;
}

/**
 * A line of its own after an excerpt: "— from the Guardian's report", "(Source: Reuters)", "via the BBC". A bare
 * "Source: NATO." is how news credits a chart, so the source word needs its brackets or dash.
 */
const CITATION_LINE = /^(?:[—–-]{1,2}\s*(?:from|via|in|source:)\s+|\(\s*(?:source|sources|via|credit)\s*:?\s+|(?:from|via)\s+(?=(?:the\s+)?\p{Lu}))(.+?)\s*\)?\s*\.?$/iu;
/** The same at the end of the excerpt's last paragraph: "… four percent. (Source: Reuters)". */
const CITATION_END = /\s(?:[([]\s*(?:source|via)\s*:?\s+([^()[\]]{2,40})[)\]]|[—–]\s*(?:from|via)\s+([^—–]{2,50}?))\s*\.?$/iu;
const MAX_CITATION_WORDS = 10;

export interface TrailingCitation {
  source: Mention;
  /** The citation ends a paragraph of the excerpt rather than standing on a line of its own. */
  inline: boolean;
}

export function trailingCitation(text: string): TrailingCitation | null {
  const t = text.trim();
  if (words(t) <= MAX_CITATION_WORDS) {
    const line = CITATION_LINE.exec(t);
    const source = line ? citedOutlet(line[1] ?? '') : null;
    if (source) return { source, inline: false };
  }
  const end = CITATION_END.exec(t);
  const source = end ? citedOutlet(end[1] ?? end[2] ?? '') : null;
  return source ? { source, inline: true } : null;
}

