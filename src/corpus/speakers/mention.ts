import type { SpeakerKind } from '../types.ts';
import { DESCRIPTION_ORG_NOUNS, DESCRIPTION_PERSON_NOUNS, GROUP_NOUNS, INSTITUTION_NOUNS, JOINED_PARTICLE, LEADING_FUNCTION_WORDS, NAME_CONNECTORS, NAME_PARTICLES, NOUN_LIKE_VERBS, ORG_WORDS, PRONOUNS, ROLE_MODIFIERS, ROLE_WORDS, SPEECH_VERBS } from './vocabulary.ts';

/** Titles that are also common surnames. */
const SURNAME_TITLES = new Set(['king', 'bishop', 'judge', 'marshal', 'sheriff', 'mayor', 'pope', 'cardinal', 'chancellor', 'prince', 'priest', 'coach', 'dean', 'major']);
/** "Saudi", "Spanish", "Dutch", "Japanese": a people's adjective before a title makes it a title. */
const NATIONALITY_LIKE = /(?:ish|ese|ch|i)$/;
const HONORIFIC = /^(mr|mrs|ms|miss|mx|dr|prof|sir|dame)\.?$/i;
/** "Republicans", "Democrats", "Americans", "Conservatives", "Socialists", "Europeans". */
const PARTY_OR_PEOPLE_PLURAL = /^\p{Lu}\p{Ll}+(?:ians|icans|eans|crats|ists|atives|erals)$/u;

/** One way the text refers to a speaker, before it is matched to the others. */
export interface Mention {
  /** As written, cleaned of brackets and leading function words ("President Alexander Stubb of Finland"). */
  surface: string;
  /** The name alone: no titles, no leading "the", no possessive place ("Alexander Stubb", "Federal Security Service"). */
  name: string;
  kind: SpeakerKind;
  role: string | null;
  acronym: string | null;
  reference: 'name' | 'pronoun' | 'description';
  /** For descriptions: the head noun ("company") and any proper qualifier ("Russian"). */
  head?: string;
  qualifier?: string;
  /** The text wrote "the X" (a publication or an institution). */
  definite: boolean;
  /** Taken for a place or body only because the text wrote "the" before a name ("the Middle East"). */
  guessedBody?: boolean;
}

const CAP = new RegExp(String.raw`^${JOINED_PARTICLE}?[\p{Lu}\d][\p{L}\p{M}\d'’.&-]*$`, 'u');
const ACRONYM = /^[\p{Lu}][\p{Lu}\d&.-]{1,7}$/u;

export const isCapitalised = (w: string): boolean => CAP.test(w);
export const isAcronym = (w: string): boolean => ACRONYM.test(w) && /[\p{Lu}]{2}/u.test(w.replace(/[.&-]/g, ''));

function isRoleWord(w: string): boolean {
  const lower = w.toLowerCase().replace(/[.,]$/, '');
  return ROLE_WORDS.has(lower) || lower.split('-').every((part) => ROLE_WORDS.has(part));
}

function isOrgWord(w: string): boolean {
  return ORG_WORDS.has(w.toLowerCase().replace(/['’]s$/, ''));
}

/** Initials of a name's capitalised words: "New York Times" → "NYT". */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^[\p{Lu}]/u.test(w) && w.toLowerCase() !== 'the')
    .map((w) => w[0])
    .join('');
}

function stripLeading(words: string[]): { words: string[]; definite: boolean } {
  let definite = false;
  let i = 0;
  while (i < words.length - 1 && LEADING_FUNCTION_WORDS.has((words[i] ?? '').toLowerCase())) {
    if ((words[i] ?? '').toLowerCase() === 'the') definite = true;
    i++;
  }
  return { words: words.slice(i), definite };
}

/** Role from an appositive: "the president of the Transatlantic Dialogue Center" → kept as written, minus "the"/"a". */
export function roleFromAppositive(appositive: string): string {
  return appositive.trim().replace(/^(the|a|an)\s+/i, '').replace(/[,.;:]+$/, '').trim();
}

function appositiveKind(appositive: string | null): SpeakerKind | null {
  if (!appositive) return null;
  // "Sam Reed, who chairs the committee,": a relative clause says who, not what ("committee" is not his kind).
  if (/^\s*(?:who|whom|whose)\b/i.test(appositive)) return 'person';
  if (/^\s*(?:which|that)\b/i.test(appositive)) return null;
  // The head of an appositive is the last word before its first preposition:
  // "the European Commission president", "the president of the …", "the … firm behind the …".
  const words = appositive.toLowerCase().split(/\s+/).filter(Boolean);
  const stop = words.findIndex((w, i) => i > 0 && /^(of|behind|at|in|for|with|from|on|to|who|which|that|based|and)$/.test(w));
  const head = (stop > 0 ? words.slice(0, stop) : words).pop()?.replace(/[,.;]$/, '') ?? '';
  if (DESCRIPTION_PERSON_NOUNS.has(head) || ROLE_WORDS.has(head)) return 'person';
  if (DESCRIPTION_ORG_NOUNS.has(head) || ORG_WORDS.has(head)) return 'organisation';
  return null;
}

/**
 * Parses the words a subject or source was written with into a mention.
 * `appositive` is the ", the Ukrainian defense firm …," part that followed the name, if any.
 */
export function parseMention(phrase: string, appositive: string | null = null): Mention | null {
  // By appositive (most have none), then by phrase.
  const key = appositive ?? '';
  let byPhrase = parsed.get(key);
  const known = byPhrase?.get(phrase);
  if (known !== undefined) return known;
  const m = parseMentionUncached(phrase, appositive);
  // Shared by every caller that parses the same words: frozen, so it cannot be changed under another.
  if (m) Object.freeze(m);
  if (remembered >= MAX_REMEMBERED) {
    parsed.clear();
    remembered = 0;
    byPhrase = undefined;
  }
  if (!byPhrase) {
    byPhrase = new Map();
    parsed.set(key, byPhrase);
  }
  byPhrase.set(phrase, m);
  remembered++;
  return m;
}

/**
 * Names recur in every paragraph and across documents: parsed mentions are remembered, up to a bound.
 * An empty appositive parses as none, so the two share a key.
 */
const parsed = new Map<string, Map<string, Mention | null>>();
let remembered = 0;
const MAX_REMEMBERED = 50_000;

function parseMentionUncached(phrase: string, appositive: string | null): Mention | null {
  // A sentence's full stop after a name ("said Amir Haddad.") is not part of it; "U.S." keeps its dots.
  // "The Resolution Foundation's (briefing)": a possessor is named without its "'s".
  let text = phrase.replace(/[[\]]/g, '').replace(/\s+/g, ' ').trim().replace(/[,;:]+$/, '').replace(/(\p{Ll}{2})\.$/u, '$1').replace(/(\p{L})['’]s$/u, '$1');
  if (!text) return null;
  const lower = text.toLowerCase();
  if (PRONOUNS[lower]) return { surface: text, name: lower, kind: PRONOUNS[lower], role: null, acronym: null, reference: 'pronoun', definite: false };

  let acronym: string | null = null;
  text = text.replace(/\s*\(([\p{Lu}][\p{Lu}\d&.-]{1,9})\)/u, (_, a: string) => {
    acronym = a;
    return '';
  });
  // Other bracketed notes are not part of a name: a title's abbreviation ("Councillor (Cllr) Jane Roe"), a party and
  // state ("(D-Wis.)"), an age.
  text = text.replace(/\s*\([^)]*\)/gu, '').replace(/^[)\s]+/, '').trim();
  // "Said Ellis: …", "Added the mayor, …": a speech verb before its speaker is no part of the name.
  const inverted = /^(\p{Lu}\p{Ll}+) (?=\S)/u.exec(text)?.[1]?.toLowerCase();
  if (inverted && SPEECH_VERBS.has(inverted) && !NOUN_LIKE_VERBS.has(inverted)) text = text.slice(inverted.length + 1);
  const split = stripLeading(text.split(' '));
  let words = split.words;
  const definite = split.definite;
  if (!words.length) return null;
  const last = (words[words.length - 1] ?? '').toLowerCase();
  // "Police said": an institution named by its plural speaks as one, under that name.
  if (words.length <= 2 && INSTITUTION_NOUNS.has(last) && words.every((w) => w.toLowerCase() === last || isCapitalised(w))) {
    const name = words.length === 1 ? last : `${words[0]} ${last}`;
    return { surface: words.join(' '), name, kind: 'group', role: null, acronym: null, reference: 'name', definite };
  }
  // "Republicans said", "Americans": the plural of a party's or a people's name speaks as a group, so no "he" reaches
  // for it. Only these endings: a surname may end in -s ("Sanders", "Evans").
  if (words.length === 1 && PARTY_OR_PEOPLE_PLURAL.test(words[0] ?? '')) {
    return { surface: words[0] ?? '', name: words[0] ?? '', kind: 'group', role: null, acronym: null, reference: 'name', definite };
  }
  // A lone sentence-initial word is no name when it is a function word ("The") or a common plural ("Officials").
  if (words.length === 1 && !isAcronym(words[0] ?? '') && (LEADING_FUNCTION_WORDS.has(last) || GROUP_NOUNS.has(last))) return null;

  // Lower-case heads: a group ("Ukrainian media") or a description ("the company", "the Russian military").
  if (!isCapitalised(words[words.length - 1] ?? '')) {
    const qualifier = words.filter((w) => isCapitalised(w)).join(' ') || undefined;
    if (GROUP_NOUNS.has(last) && qualifier && words.length <= 4) {
      return { surface: words.join(' '), name: words.join(' '), kind: 'group', role: null, acronym: null, reference: 'name', definite };
    }
    if (definite && words.length <= 4 && (DESCRIPTION_ORG_NOUNS.has(last) || DESCRIPTION_PERSON_NOUNS.has(last))) {
      const kind: SpeakerKind = DESCRIPTION_ORG_NOUNS.has(last) ? 'organisation' : 'person';
      return { surface: `the ${words.join(' ')}`, name: words.join(' '), kind, role: null, acronym: null, reference: 'description', head: last, ...(qualifier ? { qualifier } : {}), definite };
    }
    return null;
  }
  // A role or a kind written in lower case before the name is part of the mention ("Braga mayor Ricardo Rio",
  // "environmental group Zero"); any other lower-case word is not.
  const roleOrKind = (w: string) => isRoleWord(w) || DESCRIPTION_ORG_NOUNS.has(w);
  // "chief economist Stefan Vogel": lower-case role words in a run, the last before a capital.
  const lowerBefore = (i: number): boolean => {
    let j = i;
    while (j < words.length - 1 && !isCapitalised(words[j] ?? '') && roleOrKind(words[j] ?? '')) j++;
    return j > i && j < words.length && isCapitalised(words[j] ?? '');
  };
  if (words.some((w, i) => !isCapitalised(w) && !NAME_PARTICLES.has(w) && !NAME_CONNECTORS.has(w) && !lowerBefore(i))) return null;
  // "Environmental group Zero": the organisation is the name after its kind, the kind its description.
  const kindAt = words.findIndex((w, i) => !isCapitalised(w) && DESCRIPTION_ORG_NOUNS.has(w) && lowerBefore(i));
  if (kindAt >= 0 && !words.slice(kindAt + 1).some((w) => isRoleWord(w))) {
    const name = words.slice(kindAt + 1).join(' ');
    const role = words.slice(0, kindAt + 1).join(' ').toLowerCase();
    return { surface: words.join(' '), name, kind: 'organisation', role, acronym: acronym ?? (isAcronym(name) ? name : null), reference: 'name', definite };
  }

  const surface = words.join(' ');

  // "Russia's Federal Security Service": the possessive place qualifies the organisation.
  let qualifier: string | undefined;
  const possessive = /^(.+?)['’]s$/.exec(words[0] ?? '');
  if (possessive && words.length > 1) {
    qualifier = possessive[1];
    words = words.slice(1);
  }
  // "Alexander Stubb of Finland": a place after "of" qualifies a person, but is part of an organisation's name.
  let postQualifier: string | null = null;
  // "Cameron Easley for Morning Consult" works for it as "Helen Ward of Leeds University" works at hers.
  const ofAt = words.findIndex((w, i) => w === 'of' || (w === 'for' && i >= 2));
  // "Secretary of State John F. Kerry", "Minister of Foreign Affairs Anna Lind": the title runs past "of" to its
  // last role word, and the name follows it.
  let titleEnd = -1;
  if (ofAt > 0 && isRoleWord(words[0] ?? '')) for (let i = ofAt + 1; i < words.length; i++) if (isRoleWord(words[i] ?? '')) titleEnd = i;
  if (titleEnd > ofAt && titleEnd < words.length - 1 && !words.slice(titleEnd + 1).some((w) => isOrgWord(w) || !isCapitalised(w))) {
    const role = [words.slice(0, titleEnd + 1).join(' '), ...(appositive && appositiveKind(appositive) !== null ? [roleFromAppositive(appositive)] : [])].join(', ');
    return { surface, name: words.slice(titleEnd + 1).join(' '), kind: 'person', role, acronym, reference: 'name', definite };
  }
  // "NATO Secretary-General Mark Rutte": an organisation before a title names the person's employer.
  // Only the words before "of" decide: "Professor Helen Ward of Leeds University" is a person and her employer.
  const head = ofAt > 0 ? words.slice(0, ofAt) : words;
  let roleAt = -1;
  for (const [i, w] of head.entries()) if (isRoleWord(w)) roleAt = i;
  // "Office for National Statistics" is no title before a name: a title ends in a noun, not in "National".
  const personAfterRole = roleAt >= 0 && roleAt < head.length - 1 && !head.slice(roleAt + 1).some(isOrgWord) && !ROLE_MODIFIERS.has((head[roleAt] ?? '').toLowerCase());
  // "Helen Ward of Leeds University": a plain two- or three-word name, then an organisation after "of".
  const personOfOrg = ofAt >= 2 && ofAt <= 3 && !head.some(isOrgWord) && !head.some(isRoleWord) && words.slice(ofAt + 1).some(isOrgWord);
  const isOrg =
    !personAfterRole &&
    !personOfOrg &&
    (words.some(isOrgWord) || (words.length === 1 && isAcronym(words[0] ?? '')) || appositiveKind(appositive) === 'organisation');
  if (ofAt > 0 && !isOrg) {
    postQualifier = words.slice(ofAt + 1).join(' ');
    words = words.slice(0, ofAt);
  }

  // "the Middle East", "the Pentagon": what the text names with "the" and no title is a place or a body, never a
  // person (people are "the Rev. Ann Ruiz", a title first), so a later "he said" does not reach for it.
  const definiteBody = definite && !words.some(isRoleWord);
  if (isOrg || definiteBody) {
    const name = words.join(' ');
    // Only an appositive headed by a body's noun describes a body ("…, the Ukrainian defense firm"), not one that
    // goes on with the sentence ("according to the Office for National Statistics, the fastest rise since …").
    const role = appositive && appositiveKind(appositive) === 'organisation' ? roleFromAppositive(appositive) : null;
    return { surface, name, kind: 'organisation', role, acronym: acronym ?? (isAcronym(name) ? name : null), reference: 'name', ...(qualifier ? { qualifier } : {}), definite, ...(isOrg ? {} : { guessedBody: true }) };
  }

  // Title and role words before the name: "NATO Secretary-General Mark Rutte", "French President Emmanuel Macron".
  // "Charlie King", "Mr. King", "Ann Bishop": with no "the" before it, a title that is also a surname, after a first
  // name or an honorific, is the surname ("the Saudi King" and "Deputy Chief" stay titles).
  const lastWord = (words[words.length - 1] ?? '').toLowerCase();
  const surnameTitle =
    !definite && words.length >= 2 && SURNAME_TITLES.has(lastWord) && words.slice(0, -1).every((w) => isCapitalised(w) && (!isRoleWord(w) || HONORIFIC.test(w))) && !NATIONALITY_LIKE.test(words[words.length - 2] ?? '');
  let lastRole = -1;
  for (const [i, w] of words.entries()) if (isRoleWord(w) && !(surnameTitle && i === words.length - 1)) lastRole = i;
  const roleWords = words.slice(0, lastRole + 1);
  const nameWords = words.slice(lastRole + 1);
  const honorificOnly = roleWords.every((w) => HONORIFIC.test(w));
  const roleParts = [
    ...(roleWords.length && !honorificOnly ? [roleWords.join(' ') + (postQualifier ? ` of ${postQualifier}` : '')] : []),
    // An age is no role ("Maria Costa, 67,"), nor is a relative clause ("Wu, who voted for the measure,").
    ...(appositive && !/^\s*\d{1,3}\s*$/.test(appositive) && !/^\s*(?:who|whom|whose|which|that)\b/i.test(appositive) ? [roleFromAppositive(appositive)] : []),
  ];
  const role = roleParts.length ? roleParts.join(', ') : null;
  if (!nameWords.length) {
    const head = (roleWords[roleWords.length - 1] ?? '').toLowerCase();
    return { surface, name: roleWords.join(' '), kind: 'person', role, acronym: null, reference: 'description', head, definite: true };
  }
  // A year or a figure ("In 2005, …") is nobody.
  if (nameWords.length > 5 || nameWords.every((w) => /^[\d.,%$-]+$/.test(w))) return null;
  // Two or more words in capitals are a dateline or a heading ("MIDWAY ATOLL -"), not how prose names a person.
  if (nameWords.length > 1 && nameWords.every((w) => !/\p{Ll}/u.test(w))) return null;
  return { surface, name: nameWords.join(' '), kind: 'person', role, acronym, reference: 'name', definite };
}
