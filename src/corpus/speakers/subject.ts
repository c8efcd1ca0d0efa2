import { SPACES, trimEndOf } from '../text/trim.ts';
import { parseMention, type Mention } from './mention.ts';
import { DESCRIPTION_ORG_NOUNS, DESCRIPTION_PERSON_NOUNS, GROUP_NOUNS, JOINED_PARTICLE, LEADING_FUNCTION_WORDS, NAME_CONNECTORS, NAME_PARTICLE, NAME_PARTICLES, ROLE_MODIFIERS, ROLE_WORDS, TELL_VERBS } from './vocabulary.ts';
import { allMatches } from '../text/matches.ts';

const WEEKDAY = '(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day';

/**
 * Words that may stand between a speaker and the speech verb: auxiliaries, adverbs, time expressions
 * ("Rutte on Wednesday also said", "the FSB has repeatedly claimed"). Matched one item at a time from the
 * end, on a short tail: a regex over the whole prefix backtracks badly on long runs of spaces.
 */
const GAP_ITEM = new RegExp(
  `(?:^|[\\s,])((?:also|has|have|had|would|will|could|did|does|do|is|was|may|might|then|later|earlier|again|once|already|now|too|meanwhile|however|in turn|separately|similarly|recently|previously|reportedly|publicly|privately|repeatedly|yesterday|today|tonight|last (?:week|month|year|night|${WEEKDAY})|on ${WEEKDAY}|${WEEKDAY}|on \\p{Lu}\\p{L}+ \\d{1,2}|[a-z]+ly))[\\s,]*$`,
  'u',
);
const GAP_TAIL = 40;

/** Where the gap words before the verb begin (the end of `left` when there are none). */
function gapStart(left: string): number {
  let end = left.length;
  for (;;) {
    const from = Math.max(0, end - GAP_TAIL);
    const m = GAP_ITEM.exec(left.slice(from, end));
    if (!m || m[1] === undefined) return end;
    const at = from + m.index + m[0].indexOf(m[1]);
    // An item must start a word: "Kelly" is a name, not an adverb.
    if (at > 0 && !/[\s,]/.test(left[at - 1] ?? '')) return end;
    end = at;
  }
}

/** Words after a speech verb before the reported clause ("claimed Thursday that", "argues in the Economist that"). */
const CLAUSE_LEAD =
  /^\s*(?:\[\.\.\.\]\s*|(?:on )?(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day(?: night| morning| afternoon| evening)?\s*,?\s*|yesterday\s*|today\s*|last (?:week|month|year)\s*|also\s*|again\s*|repeatedly\s*|publicly\s*|[a-z]+ly\s+)*/u;

export interface Subject {
  mention: Mention;
  /** Offset in `left` where the subject phrase starts. */
  start: number;
  /** Found through a verb joined by "and" to the sentence's first ("… stressed X and said …"). */
  joined?: boolean;
}

/** The speaker named just before a speech verb, given the text of the sentence up to the verb. */
export function findSubject(leftText: string): Subject | null {
  // "[NATO Secretary-General Mark] Rutte": an editorial bracket completing a name is part of it.
  const left = trimEndOf(leftText.includes('[') ? leftText.replace(/\[([^\]]+)\]\s*(?=\p{Lu})/gu, '$1 ') : leftText, SPACES);
  const beforeGap = left.slice(0, gapStart(left));
  const head = trimEndOf(beforeGap, `${SPACES},`);
  // Was the name followed by a comma (an appositive, or ", meanwhile,")?
  const commaAfterHead = /^\s*,/.test(left.slice(head.length));

  // "… with McConnell, now the Senate majority leader, who in 2010 said": "who" speaks for the name before it.
  const who = /,\s*who(?:\s+in\s+\d{4})?$/.exec(head);
  if (who) {
    const segments = head.slice(0, who.index).split(',');
    const appositive = segments.length > 1 && /^\s*(?:now|then|the|a|an|its|his|her|their)\b/.test(segments[segments.length - 1] ?? '') ? segments.pop() : undefined;
    const np = trailingNounPhrase(segments.join(','));
    const mention = np ? parseMention(np.text, appositive ?? null) : null;
    return mention && mention.reference === 'name' ? { mention, start: np?.start ?? 0 } : null;
  }
  // "Clinton, the former secretary of State, stressed her support … and said she …": a verb joined by "and" to the
  // sentence's first has that verb's subject, not the last name before it.
  if (/(?:^|[\s,])and$/.test(head)) {
    const first = leadingSubject(left);
    return first ? { ...first, joined: true } : null;
  }

  // "[Maksym Skrypchenko, the president of …], said": a bracketed editorial subject with its appositives.
  if (head.endsWith(']')) {
    const open = head.lastIndexOf('[');
    if (open >= 0) {
      const inside = head.slice(open + 1, -1);
      const [name, ...rest] = inside.split(',');
      const mention = parseMention(name ?? '', rest.length ? (rest[0] ?? null) : null);
      return mention ? { mention, start: open } : null;
    }
  }

  // "Fire Point, the Ukrainian defense firm behind the Flamingo missile, said": name, appositive, verb.
  if (commaAfterHead) {
    const segments = head.split(',');
    if (segments.length >= 2) {
      const appositive = segments[segments.length - 1] ?? '';
      // "Luis Quispe, 54, a farmer …": an age between the name and its appositive belongs to neither; nor, before a
      // relative clause, does a home town ("Ann Lee, 59, of Ashton, Md., who watched …, said").
      let kept = segments.length - 1;
      if (/^\s*(?:who|whom|whose)\b/i.test(appositive)) while (kept > 1 && HOME_OR_AGE.test(segments[kept - 1] ?? '')) kept--;
      const before = segments.slice(0, kept).join(',').replace(/,\s*\d{1,3}\s*$/, '');
      if (/^\s*(the|a|an|its|his|her|their|\p{Lu}[\p{L}-]*['’]s|former|then|\p{Ll})/u.test(appositive)) {
        const np = trailingNounPhrase(before);
        if (np) {
          const mention = parseMention(np.text, appositive);
          if (mention && mention.reference === 'name') return { mention, start: np.start };
        }
      }
    }
  }

  // "President Obama, dedicating the museum on Saturday, said": a participle's phrase stands between the subject and
  // its verb (the time at its end hid the comma after it).
  const participial = /,\s*$/.test(left) ? PARTICIPIAL_PHRASE.exec(head) : null;
  if (participial && participial.index > 0) {
    const before = trailingNounPhrase(head.slice(0, participial.index));
    const subject = before ? parseMention(before.text) : null;
    if (before && subject) return { mention: subject, start: before.start };
  }
  const np = trailingNounPhrase(head);
  if (!np) return null;
  const mention = parseMention(np.text);
  return mention ? { mention, start: np.start } : null;
}

/** ", dedicating the museum on Saturday" (closed by the comma before the verb): at most a dozen words. */
const PARTICIPIAL_PHRASE = /,\s+\p{Ll}+(?:ing|ed)\b(?:\s+[^\s,;]+){0,11}$/u;

const CAP_WORD = String.raw`${JOINED_PARTICLE}?\p{Lu}[\p{L}\p{M}'’.-]*`;
const CAP_RUN = String.raw`${CAP_WORD}(?:\s+(?:${NAME_PARTICLE}\s+)*${CAP_WORD}){0,5}`;
const leading = (name: string) => new RegExp(String.raw`^[\s"“(]*(${name})(,[^,]{2,80},)?\s+(\p{Ll}[\p{Ll}'’-]*)`, 'u');
/** A role run between two names ("Democratic presidential nominee Hillary Clinton"), or a name; then its appositive. */
const LEADING_ROLE_NAME = leading(String.raw`(?:[Tt]he\s+)?${CAP_RUN}(?:\s+\p{Ll}[\p{Ll}-]*){1,3}\s+${CAP_RUN}`);
const LEADING_NAME = leading(String.raw`(?:[Tt]he\s+)?${CAP_RUN}`);
const LEADING_PRONOUN = /^[\s"“(]*(He|She|They|It)\s+\p{Ll}/u;

/** The role words between two capitalised runs, or none: "Central European leaders who …" has a noun, not a role run. */
function roleRunOnly(name: string): boolean {
  const lower = name.match(/(?<=\s)\p{Ll}[\p{Ll}-]*(?=\s)/gu) ?? [];
  return lower.every((w) => ROLE_WORDS.has(w) || ROLE_MODIFIERS.has(w) || NAME_PARTICLES.has(w));
}

/**
 * The subject that opens a sentence: a name (with its appositive) or a pronoun, before a lower-case word that is
 * not a noun it modifies ("Central European leaders") or "and" joining another subject to it.
 */
export function leadingSubject(sentence: string): Subject | null {
  const pronoun = LEADING_PRONOUN.exec(sentence);
  if (pronoun) {
    const mention = parseMention(pronoun[1] ?? '');
    return mention ? { mention, start: sentence.indexOf(pronoun[1] ?? '') } : null;
  }
  const withRole = LEADING_ROLE_NAME.exec(sentence);
  const m = withRole && roleRunOnly(withRole[1] ?? '') ? withRole : LEADING_NAME.exec(sentence);
  const name = m?.[1] ?? '';
  if (!m || LEADING_FUNCTION_WORDS.has((name.split(/\s+/)[0] ?? '').toLowerCase()) && !/^the\s/i.test(name)) return null;
  const next = m[3] ?? '';
  if (next === 'and' || NOUNS_AFTER_A_MODIFIER.has(next)) return null;
  const mention = parseMention(name, m[2] ? m[2].slice(1, -1) : null);
  return mention && mention.reference === 'name' ? { mention, start: sentence.indexOf(name) } : null;
}

/** A word after a capitalised run that makes the run a modifier, not the subject. */
const NOUNS_AFTER_A_MODIFIER = new Set([...ROLE_WORDS, ...GROUP_NOUNS, ...DESCRIPTION_ORG_NOUNS, ...DESCRIPTION_PERSON_NOUNS]);

/** An age, a place after "of" or "from", or a state's abbreviation: what stands between a name and "who …". */
const HOME_OR_AGE = /^\s*(?:\d{1,3}|(?:of|from|in)\s+\p{Lu}[\p{L}.' -]*|\p{Lu}[\p{L}.]{0,5}\.)\s*$/u;

const TOKEN = /\S+/g;
const CAP_START = new RegExp(String.raw`^\(?${JOINED_PARTICLE}?[\p{Lu}\d]`, 'u');

/**
 * The noun phrase at the end of `text`: a run of capitalised words (with name particles, "of"-phrases,
 * possessives and an acronym in brackets), or a short lower-case phrase ("the company", "Ukrainian media", "he").
 */
export function trailingNounPhrase(text: string): { text: string; start: number } | null {
  const tokens: Array<{ w: string; i: number }> = [];
  for (const m of allMatches(TOKEN, text)) tokens.push({ w: m[0], i: m.index ?? 0 });
  if (!tokens.length) return null;
  const k = tokens.length - 1;
  const last = tokens[k]?.w ?? '';
  if (/[.!?;:"]$/.test(last)) return null;
  const isCap = (w: string) => CAP_START.test(w);

  if (isCap(last)) {
    let start = k;
    while (start > 0) {
      const prev = tokens[start - 1]?.w ?? '';
      // A middle initial's dot does not end the name ("Vann R. Newkirk II"), nor an abbreviated title's ("Mr. King").
      if (/[,;:.!?"]$/.test(prev) && !(/^\p{Lu}\.$/u.test(prev) && start - 2 >= 0 && isCap(tokens[start - 2]?.w ?? '')) && !isAbbreviatedTitle(prev)) break;
      // Name particles may come in runs ("Ursula von der Leyen").
      let p = start - 1;
      while (p > 0 && NAME_PARTICLES.has(tokens[p]?.w ?? '')) p--;
      if (isCap(prev)) start--;
      else if (p < start - 1 && isCap(tokens[p]?.w ?? '')) start = p;
      else if (NAME_CONNECTORS.has(prev) && start - 2 >= 0 && isCap(tokens[start - 2]?.w ?? '')) start -= 2;
      else if (prev === 'the' && start - 2 >= 0 && NAME_CONNECTORS.has(tokens[start - 2]?.w ?? '') && start - 3 >= 0 && isCap(tokens[start - 3]?.w ?? '')) start -= 3;
      else break;
    }
    // Particles that open the phrase belong to the name ("van Klaveren told reporters").
    while (start > 0 && NAME_PARTICLES.has(tokens[start - 1]?.w ?? '')) start--;
    // A role or kind in lower case before the name, with one capitalised word qualifying it ("Braga mayor Ricardo
    // Rio", "environmental group Zero", "spokesperson Francisco Ferreira").
    const before = tokens[start - 1]?.w ?? '';
    if (start > 0 && /^\p{Ll}+$/u.test(before) && (ROLE_WORDS.has(before) || DESCRIPTION_ORG_NOUNS.has(before))) {
      start--;
      const qualifier = tokens[start - 1]?.w ?? '';
      if (start > 0 && isCap(qualifier) && !/[,;:.!?"]$/.test(qualifier) && !LEADING_FUNCTION_WORDS.has(qualifier.toLowerCase())) start--;
    }
    // Include a leading "the" for publications and institutions.
    if (start > 0 && /^the$/i.test(tokens[start - 1]?.w ?? '')) start--;
    const first = tokens[start];
    return first ? { text: text.slice(first.i), start: first.i } : null;
  }
  // Lower-case head: take up to four words back to a determiner or a capitalised qualifier.
  const lowers = /^(he|she|they|it)$/i;
  if (lowers.test(last)) return { text: last, start: tokens[k]?.i ?? 0 };
  let start = k;
  for (let n = 0; n < 4 && start > 0; n++) {
    const prev = tokens[start - 1]?.w ?? '';
    if (/[,;:.!?"]$/.test(prev)) break;
    start--;
    if (/^(the|The)$/.test(prev)) break;
  }
  const first = tokens[start];
  return first ? { text: text.slice(first.i), start: first.i } : null;
}

/** "Mr.", "Dr.", "Sen.", "Gov.": a title's abbreviation, whose dot ends no sentence. */
const isAbbreviatedTitle = (w: string): boolean => /^\p{Lu}\p{Ll}{0,3}\.$/u.test(w) && ROLE_WORDS.has(w.slice(0, -1).toLowerCase());

const OPENS_NOUN_PHRASE = /^(?:the|a|an|his|her|its|their|our|my|your|this|these|those)\s/i;
/** "said he thought that …": a clause of its own stands before "that", and is part of what was said. */
const OPENS_CLAUSE = /^(?:he|she|they|it|we|i|you)\s/i;

/** The reported clause after a speech verb, or null when the verb reports no clause ("said in a statement."). */
export function findClause(right: string, verb: string): { text: string; offset: number } | null {
  const lead = CLAUSE_LEAD.exec(right)?.[0] ?? '';
  let offset = lead.length;
  let rest = right.slice(offset);
  // "that" within a few words: "argues in the Economist that", "told reporters on Tuesday that".
  const that = /^(?:[^,.;:"]{0,60}?\s)?that\s+/i.exec(rest);
  // Only an object or a place may stand before "that" ("told reporters that"), not a clause ("the aim was that"); and
  // a noun phrase only after a verb that takes a hearer: "stressed her support of the raid that killed …" is one object.
  const ownObject = !!that && ((!TELL_VERBS.has(verb) && OPENS_NOUN_PHRASE.test(rest)) || OPENS_CLAUSE.test(rest));
  if (that && !ownObject && that[0].split(/\s+/).length <= 9 && !/\b(is|was|are|were|be|been|has|had|have|will|would|can|could)\b/i.test(that[0])) {
    offset += that[0].length;
    rest = rest.slice(that[0].length);
  } else if (/^(told|tells)$/.test(verb)) {
    return null;
  } else if (/^(in|on|at|to|by|for|with|during|after|before|from|as|of|about|and|but|or|so)\b/i.test(rest)) {
    return null;
  }
  if (/^\s*["',:;.]/.test(rest) || /^\s*$/.test(rest)) return null;
  const text = trimEndOf(rest, `${SPACES}:;,`).trim();
  if (text.split(/\s+/).length < 3) return null;
  return { text, offset: offset + (rest.length - rest.trimStart().length) };
}
