import { parseMention, type Mention } from '../speakers/mention.ts';
import { SPACES, trimEndOf } from '../text/trim.ts';
import { findClause, findSubject, leadingSubject, trailingNounPhrase, type Subject } from '../speakers/subject.ts';
import { mentionOfSource } from '../attribution/source-mention.ts';
import { SPEECH_VERBS } from '../speakers/vocabulary.ts';
import { isNounLike, isParticiple, speechVerbs, type VerbMatch } from './speech-verbs.ts';
import { isQuotedTitle } from '../text/title-case.ts';
import { AFTER_VERB_TAIL, invertedSource } from './inverted-source.ts';

export interface IndirectCandidate {
  mention: Mention;
  text: string;
  /** Offset of the reported clause in the sentence. */
  offset: number;
  /** Its speaker came from the sentence's first verb ("X stressed … and said …"): the tagger may read the rest. */
  joined?: boolean;
}

const ACCORDING = /according to/i;
const SPACED_DASH = /\s[-–—]\s/;
/** ", Okafor" or ", the mayor" right before a speech verb: another attribution begins there. */
const ANOTHER_SPEAKER = /,\s+(?:(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}|(?:he|she|they)\s+)(?:also\s+)?$/u;
const JOINED_VERB = /,?\s+and\s+(?:also\s+|then\s+)?([a-z]+)\b/;

/**
 * Reported speech in one sentence: "<speaker> <speech verb> [that] <clause>" and "according to <source>".
 * `masked` is the sentence with direct quotes blanked out, so verbs inside quotes are ignored;
 * clauses are cut from `sentence` itself so they stay verbatim.
 */
export function findIndirectQuotes(sentence: string, masked: string): IndirectCandidate[] {
  const out: IndirectCandidate[] = [];

  // The full pattern is slow to fail on every sentence; most never say "according to".
  const accordingEnd = ACCORDING.test(masked) ? /^(.*?),?\s+according to (?:the )?([^,.;]+?)[.!?]?$/i.exec(masked) : null;
  const accordingStart = /^According to ([^,]+),\s+(.+)$/.exec(masked);
  if (accordingStart) {
    const np = trailingNounPhrase(accordingStart[1] ?? '');
    const parsed = np ? parseMention(np.text) : null;
    // "According to a spokesperson for the Peruvian agriculture ministry,": the body it names (or the source as
    // written, when no rule reads it) is the source, not nobody.
    const mention = parsed?.reference === 'name' || (parsed?.reference === 'description' && parsed.qualifier) ? parsed : mentionOfSource(accordingStart[1] ?? '');
    const offset = masked.indexOf(accordingStart[2] ?? '');
    const text = sentence.slice(offset).trim();
    // "According to MSNBC, basically.": a word or two is a comment on the source, not what it said.
    if (mention && mention.reference !== 'pronoun' && text.split(/\s+/).length >= 3) out.push({ mention, text, offset });
  } else if (accordingEnd && /^[\p{Lu}]/u.test(accordingEnd[2] ?? '')) {
    const mention = parseMention(accordingEnd[2] ?? '');
    const clause = (accordingEnd[1] ?? '').trim();
    if (mention && mention.reference === 'name' && clause.split(/\s+/).length >= 4 && !clause.includes('"')) {
      out.push({ mention, text: sentence.slice(0, clause.length).trim(), offset: 0 });
    }
  }

  const verbs = speechVerbs(masked, true);
  for (const [k, verb] of verbs.entries()) {
    const left = masked.slice(0, verb.index);
    // `"…," said X` is a direct quote's attribution, handled with the quote.
    const trimmed = trimEndOf(left, `${SPACES},`);
    if (/["']$/.test(trimmed) || left.length - trimEndOf(left, SPACES).length >= 3) continue;
    const right = masked.slice(verb.end);
    if (/^\s*[:,]?\s*["']/.test(right)) continue;
    // "…, said Anna Harbers.": the source follows the verb; what comes before the comma is not its subject.
    const inverted = invertedSource(sentence, left, right);
    if (inverted) {
      out.push({ mention: inverted.mention, text: inverted.text, offset: 0 });
      continue;
    }
    const participle = isParticiple(verb.verb);
    if (participle && !/,\s*$/.test(left)) continue;
    const subject = participle ? participleSubject(left, verbs[k - 1]) : findSubject(left);
    if (!subject) continue;
    // `"…," Mr. Obama said on Saturday night at …`: the speaker of the quote just closed, not of a clause after.
    const justClosed = /"([^"]*)",?\s*$/.exec(sentence.slice(0, subject.start));
    if (!participle && justClosed && !isQuotedTitle(justClosed[1] ?? '')) continue;
    if (isNounLike(verb.verb) && subject.mention.reference === 'description') continue;
    // "Insurance claims rose": a word that is also a plural noun reports speech only before "that" or after a pronoun.
    if (isNounLike(verb.verb) && subject.mention.reference !== 'pronoun') {
      const next = /^\s*([a-z]+)/.exec(right)?.[1] ?? '';
      if (SPEECH_VERBS.has(next) || !/^\s*(?:[^\s,.;:"]+\s+){0,3}that\b/i.test(right)) continue;
    }
    const trailing = trailingClause(sentence, left, right, subject.start);
    if (trailing) {
      out.push({ mention: subject.mention, text: trailing, offset: sentence.indexOf(trailing) });
      continue;
    }
    const clause = findClause(right, verb.verb);
    if (!clause) continue;
    const offset = verb.end + clause.offset;
    let text = sentence.slice(offset, offset + clause.text.length).trim();
    // "Okafor — even as he says his record is clean — has proposed little": a clause that opened inside a pair of
    // dashes ends at the second.
    const aside = SPACED_DASH.test(left) ? SPACED_DASH.exec(text) : null;
    if (aside && aside.index > 0) text = text.slice(0, aside.index).trim();
    // "stressed her support of the raid and said she …": the clause ends where a second speech verb joins on (after
    // "…, saying …", where any verb of the sentence's subject does: "…, saying he would …, and reminded …").
    const joined = JOINED_VERB.exec(text);
    if (joined && joined.index > 0 && (SPEECH_VERBS.has(joined[1] ?? '') || (participle && /ed$/.test(joined[1] ?? '')))) text = text.slice(0, joined.index).replace(/,$/, '').trim();
    // "When the mayor noted that the fund paid no tax, Okafor boasted, …": the clause ends before another speaker's verb.
    for (const next of verbs) {
      if (next.index <= offset || next.index >= offset + text.length) continue;
      const other = ANOTHER_SPEAKER.exec(masked.slice(offset, next.index));
      if (other) {
        text = text.slice(0, other.index).trim();
        break;
      }
    }
    if (text.split(/\s+/).length < 3) continue;
    if (text.includes('"') && text.split('"').length % 2 === 0) continue;
    out.push({ mention: subject.mention, text, offset, ...(subject.joined ? { joined: true } : {}) });
  }
  return out;
}

/** What may follow a speech verb that ends the sentence ("…, the IMF said on Tuesday."). */
const SENTENCE_END_AFTER_VERB = new RegExp(String.raw`^\s*${AFTER_VERB_TAIL}?\s*[.!?]?\s*$`, 'u');

/**
 * Who speaks in "…, saying …": the source of the speech verb before it in the sentence (`"…," Haddad said in a
 * statement, adding that …`), else the sentence's subject ("Clinton attacked Trump, saying …"). Joined, so the
 * tagger may still read the sentence.
 */
function participleSubject(left: string, before: VerbMatch | undefined): Subject | null {
  if (before) {
    const subject = findSubject(left.slice(0, before.index));
    return subject ? { ...subject, joined: true } : null;
  }
  // "On Sunday, Mayor Tom Berg defended …": the subject follows a short opening phrase of time, place or linking.
  const opening = OPENING_PHRASE.exec(left)?.[0].length ?? 0;
  const subject = leadingSubject(left.slice(opening));
  return subject ? { ...subject, start: subject.start + opening, joined: true } : null;
}

/** A sentence's short opening adverbial ("On Sunday,", "Last week,", "In Ohio,", "Meanwhile,"), comma included. */
const OPENING_PHRASE = /^\s*(?:(?:on|in|at|by|after|before|during|since|until|last|earlier|later|this|next|early|late)\s+[^,;:"]{1,40}|yesterday|today|tonight|meanwhile|however|still|instead|separately|later|earlier),\s+/i;

/** "Talks will resume on Friday, Harbers said.": the reported clause comes before ", <speaker> <verb>". */
function trailingClause(sentence: string, left: string, right: string, subjectStart: number): string | null {
  // What may end the sentence after the verb is short; a long tail is a clause of its own.
  if (right.length > 60 || !SENTENCE_END_AFTER_VERB.test(right)) return null;
  const beforeSubject = trimEndOf(left.slice(0, subjectStart), SPACES);
  const comma = beforeSubject.endsWith(',') ? { index: beforeSubject.length - 1 } : null;
  if (!comma) return null;
  const clause = sentence.slice(0, comma.index).trim();
  if (clause.split(/\s+/).length < 4 || clause.includes('"')) return null;
  return clause;
}
