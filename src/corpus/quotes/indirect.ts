import { parseMention, type Mention } from '../speakers/mention.ts';
import { findClause, findSubject, trailingNounPhrase } from '../speakers/subject.ts';
import { isNounLike, speechVerbs } from './speech-verbs.ts';

export interface IndirectCandidate {
  mention: Mention;
  text: string;
  /** Offset of the reported clause in the sentence. */
  offset: number;
}

/**
 * Reported speech in one sentence: "<speaker> <speech verb> [that] <clause>" and "according to <source>".
 * `masked` is the sentence with direct quotes blanked out, so verbs inside quotes are ignored;
 * clauses are cut from `sentence` itself so they stay verbatim.
 */
export function findIndirectQuotes(sentence: string, masked: string): IndirectCandidate[] {
  const out: IndirectCandidate[] = [];

  const accordingEnd = /^(.*?),?\s+according to (?:the )?([^,.;]+?)[.!?]?$/i.exec(masked);
  const accordingStart = /^According to ([^,]+),\s+(.+)$/.exec(masked);
  if (accordingStart) {
    const np = trailingNounPhrase(accordingStart[1] ?? '');
    const mention = np ? parseMention(np.text) : null;
    const offset = masked.indexOf(accordingStart[2] ?? '');
    if (mention && mention.reference === 'name') out.push({ mention, text: sentence.slice(offset).trim(), offset });
  } else if (accordingEnd && /^[\p{Lu}]/u.test(accordingEnd[2] ?? '')) {
    const mention = parseMention(accordingEnd[2] ?? '');
    const clause = (accordingEnd[1] ?? '').trim();
    if (mention && mention.reference === 'name' && clause.split(/\s+/).length >= 4 && !clause.includes('"')) {
      out.push({ mention, text: sentence.slice(0, clause.length).trim(), offset: 0 });
    }
  }

  for (const verb of speechVerbs(masked)) {
    const left = masked.slice(0, verb.index);
    // `"…," said X` is a direct quote's attribution, handled with the quote.
    if (/["']\s*,?\s*$/.test(left) || /\s{3,}$/.test(left)) continue;
    const right = masked.slice(verb.end);
    if (/^\s*[:,]?\s*["']/.test(right)) continue;
    const subject = findSubject(left);
    if (!subject) continue;
    if (isNounLike(verb.verb) && subject.mention.reference === 'description') continue;
    const clause = findClause(right, verb.verb);
    if (!clause) continue;
    const offset = verb.end + clause.offset;
    const text = sentence.slice(offset, offset + clause.text.length).trim();
    if (text.includes('"') && text.split('"').length % 2 === 0) continue;
    out.push({ mention: subject.mention, text, offset });
  }
  return out;
}
