// Which way a date looks, from the verb of the clause that holds it: "said on Tuesday" back, "will travel on
// Saturday" forward, "planned a rally for Saturday" forward, "have been searching since the Oct. 23 slaying" either.
import type { Token } from '../tag/tag-text.ts';

/**
 * `either`: nothing in the clause says; the calendar decides (the nearest reading, the past preferred).
 * `prospect`: a plan told in the past ("planned a march on Saturday", "was scheduled for January"): ahead of when
 * it was planned, so the coming weekday, and the nearest month or day whichever side it lies.
 */
export type Tense = 'past' | 'future' | 'prospect' | 'either';
/** What a verb group says before the date's own use is weighed: a present tense is a timetable or nothing. */
type Reading = Tense | 'present';

const MODALS = new Set(['will', "'ll", 'shall', 'would', "'d", 'should', 'must', 'may', 'might', 'wo', 'ought', 'can', 'ca']);
/** "could" is a past ability as often as a prospect ("could not be located Wednesday", "could fall by Monday"). */
const ABILITY = new Set(['could']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', "'d"]);
const PERFECT_AUX = new Set(['has', 'have', "'ve", 'having']);
const PRESENT = new Set(['is', 'are', 'am', "'re", "'m", 'does', 'do']);

/** Irregular simple pasts (wink-nlp's tags carry no tense); regular ones end in -ed. */
const IRREGULAR_PAST = new Set(
  ('said told wrote went came made took gave found left met saw began brought thought felt kept held stood heard ran ' +
    'sent spent built won lost paid led fell rose struck hit shot put set cut quit beat broke chose drove flew forgot ' +
    'fought got grew hung knew lay laid lit meant overcame read rode rang sang sat slept spoke spun stole stuck swore ' +
    'swept taught threw understood woke wore withdrew sought sold bought caught fled froze hid bore bid upheld')
    .split(' '),
);

/**
 * Verbs whose object or complement lies ahead of them: "planned a demonstration on Saturday", "invited the
 * ministers to a ceremony on March 12", "postponed the hearing until Tuesday".
 */
const PROSPECTIVE = /^(plan|schedul|expect|intend|propos|prepar|invit|hop|promis|vow|threaten|aim|slat|postpon|delay|reschedul|defer|adjourn|due|await)/;

/** After these a "to"-infinitive is something that did happen ("tried to flee on Monday"). */
const IMPLICATIVE = /^(tr(y|ied|ies)|manag|fail|refus|began|begin|start|continu|attempt|used|happen|seem|appear|came|went|decline)/;

/** Words after a date that make it a date still to come: "the Jan. 14 deadline", "payable Nov. 30". */
const AHEAD_NOUN = /^(deadline|target|return|due|expiry|expiration|start|opening|launch|vote|ballot|hearing|summit|meeting|ceremony)$/;
const AHEAD_BEFORE = /^(payable|due|deadline|expires?|expiring|scheduled|slated)$/;

const BOUNDARY_WORDS = new Set(['that', 'which', 'who', 'whom', 'whose', 'when', 'while', 'because', 'but', 'although', 'though', 'whereas', 'if', 'unless', 'since', 'after', 'before', 'as', 'where']);
/** "and" and "or" join clauses only when a verb follows ("… on Saturday and were planning to …"), not names. */
const JOINERS = new Set(['and', 'or']);
const BOUNDARY_PUNCT = /^[,;:()"`'\u2018\u2019\u201c\u201d-]+$|^--$/;

const isVerb = (t: Token | undefined) => t !== undefined && (t.pos === 'VERB' || t.pos === 'AUX');
const endsClause = (tokens: Token[], i: number) => {
  const t = tokens[i];
  if (!t) return true;
  if (t.pos === 'PUNCT') return BOUNDARY_PUNCT.test(t.text);
  if (JOINERS.has(t.lower)) return isVerb(tokens[i + 1]);
  return (t.pos === 'SCONJ' || t.pos === 'CCONJ' || t.pos === 'PRON' || t.pos === 'ADP') && BOUNDARY_WORDS.has(t.lower);
};

/** A verb token's own form: past (simple past or participle) or not. */
function pastForm(t: Token): boolean {
  return PAST_AUX.has(t.lower) || IRREGULAR_PAST.has(t.lower) || (t.lower.length > 3 && t.lower.endsWith('ed'));
}

/** The verb group (auxiliaries, adverbs and "not" between them, the main verb) ending at token `last`. */
function groupEndingAt(tokens: Token[], last: number): Token[] {
  let first = last;
  while (first > 0) {
    const t = tokens[first - 1];
    if (!t) break;
    if (isVerb(t) || t.pos === 'ADV' || (t.pos === 'PART' && t.lower !== "'s")) first--;
    else break;
  }
  return tokens.slice(first, last + 1).filter((t) => isVerb(t) || t.pos === 'PART');
}

/** The verb that carries the tense: the first of the group ("are expected", "was supposed", "has been searching"). */
const finite = (group: Token[]): Token | undefined => group.find(isVerb);

/**
 * "a summit set for Washington", "a service planned for Saturday was canceled": a participle after its noun and
 * before a preposition, in a clause whose own verb comes before it or after it ("is expected to dominate …", "was").
 */
function reducedRelative(tokens: Token[], at: number): boolean {
  const prev = tokens[at - 1];
  const next = tokens[at + 1];
  if (!prev || !NAMELIKE.has(prev.pos) || next?.pos !== 'ADP') return false;
  if (verbBefore(tokens, at - 1) >= 0) return true;
  const following = tokens.slice(at + 1).find(isVerb);
  return following?.pos === 'AUX';
}

/** What one verb group says about time. */
function tenseOfGroup(group: Token[], tokens: Token[]): Reading {
  const words = group.map((t) => t.lower);
  if (words.some((w) => MODALS.has(w)) && !words.includes('have')) return 'future';
  if (words.some((w) => ABILITY.has(w))) return 'either';
  if (words.includes('going') && words.includes('to')) return 'future';
  const main = [...group].reverse().find((t) => t.pos === 'VERB') ?? group[group.length - 1];
  const tensed = finite(group);
  if (!main || !tensed) return 'either';
  // "to leave on Thursday": an infinitive looks ahead, unless the verb it hangs on says it happened.
  const toAt = words.lastIndexOf('to');
  if (toAt >= 0) {
    const to = group[toAt];
    const before = group.slice(0, toAt);
    const headAt = before.some(isVerb) || !to ? -1 : verbBefore(tokens, tokens.indexOf(to));
    const headGroup = headAt >= 0 ? groupEndingAt(tokens, headAt) : before;
    const head = finite(headGroup);
    if (!head) return 'either';
    if (headGroup.some((t) => MODALS.has(t.lower))) return 'future';
    const chainPast = pastForm(head);
    const implicative = headGroup.some((t) => IMPLICATIVE.test(t.lower));
    if (implicative) return chainPast ? 'past' : 'either';
    // "planned to leave on Thursday": a plan; "was supposed to open at the end of August": either way round.
    if (chainPast) return headGroup.some((t) => PROSPECTIVE.test(t.lower)) ? 'prospect' : 'either';
    return 'future';
  }
  // "a summit set for April", "a service planned for Saturday": a participle after its noun says when it was
  // planned for, not which way from today.
  if (group.length === 1 && (PROSPECTIVE.test(main.lower) || main.lower === 'set') && pastForm(main) && reducedRelative(tokens, tokens.indexOf(main))) return 'either';
  if (PROSPECTIVE.test(main.lower)) return pastForm(tensed) ? 'prospect' : 'future';
  // A perfect takes no definite past time ("has invited them to a ceremony on March 12"): the date belongs elsewhere.
  if (PERFECT_AUX.has(tensed.lower)) return 'either';
  if (pastForm(tensed)) return 'past';
  // "The summit is held on April 24", "the trial opens Monday": a present with a date is a timetable.
  return PRESENT.has(tensed.lower) || (tensed.pos === 'VERB' && /[^s]s$/.test(tensed.lower) && group.length === 1) ? 'present' : 'either';
}

const NAMELIKE = new Set(['PROPN', 'NOUN']);
/** The comma of a list of names ("admit Poland, Hungary and the Czech Republic in March"): no clause ends there. */
function listComma(tokens: Token[], i: number): boolean {
  return tokens[i]?.text === ',' && NAMELIKE.has(tokens[i - 1]?.pos ?? 'X') && NAMELIKE.has(tokens[i + 1]?.pos ?? 'X');
}

/** The nearest verb group before `from` (exclusive) within the clause, as the index of its last token. */
function verbBefore(tokens: Token[], from: number): number {
  for (let i = from - 1; i >= 0; i--) {
    const t = tokens[i];
    if (!t) return -1;
    if (endsClause(tokens, i) && !listComma(tokens, i)) return -1;
    if (isVerb(t)) return i;
  }
  return -1;
}

/** The first verb group after `from` within the clause (or past one comma, for a fronted "On Tuesday, …"). */
function verbAfter(tokens: Token[], from: number, crossComma: boolean): number {
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) break;
    if (isVerb(t)) {
      // Take the whole group: its last verb.
      let j = i;
      while (isVerb(tokens[j + 1]) || (tokens[j + 1]?.pos === 'PART' && isVerb(tokens[j + 2])) || (tokens[j + 1]?.pos === 'ADV' && isVerb(tokens[j + 2]))) j++;
      return j;
    }
    if (endsClause(tokens, i)) {
      // A fronted "On Sunday, …" or "In January, a week after the verdict, …": the main clause's verb comes later.
      if (crossComma && t.text === ',') continue;
      return -1;
    }
  }
  return -1;
}

/** "ahead of the January transfer window", "in the run-up to Monday's vote", "in time for Christmas". */
function aheadOf(tokens: Token[], first: number): boolean {
  const words = tokens.slice(Math.max(0, first - 5), first).map((t) => t.lower).join(' ');
  return /\b(?:ahead of|run(?: - |-| )up to|in time for|in preparation for)(?: the| this| next)?$/.test(words);
}

/** The tense that governs the date at characters [start, end) of the tagged sentence. */
export function tenseAt(tokens: Token[], start: number, end: number): Tense {
  const first = tokens.findIndex((t) => t.end > start);
  if (first < 0) return 'either';
  let last = first;
  while (last + 1 < tokens.length && (tokens[last + 1]?.start ?? end) < end) last++;
  const before = tokens[first - 1];
  const after = tokens[last + 1];
  if ((before && AHEAD_BEFORE.test(before.lower)) || (after && AHEAD_NOUN.test(after.lower))) return 'future';
  // "Wednesday's ruling": a thing named by its day, whatever the clause around it does.
  if (after?.lower === "'s" || after?.lower === "'") return 'either';
  const reading = clauseTense(tokens, first, last);
  // "the August 7 bombings", "a 1996 law": the date names an event, and a present tense around it ("is linked to
  // the August 7 bombings") says nothing of when; "will sign in the January window" still looks ahead.
  const attributive = after !== undefined && before !== undefined && before.pos === 'DET' && ['NOUN', 'ADJ', 'VERB'].includes(after.pos);
  const tense: Tense = reading === 'present' ? (attributive ? 'either' : 'future') : reading;
  // Ahead of something told in the past ("signed players ahead of the January window") is a plan seen from then.
  if (aheadOf(tokens, first)) return tense === 'past' || tense === 'prospect' ? 'prospect' : 'future';
  // "could fall by Monday": a deadline, unless the clause says it has passed ("by August 11 the forces had ended").
  if (before?.lower === 'by' && tense === 'either') return 'future';
  return tense;
}

function clauseTense(tokens: Token[], first: number, last: number): Reading {
  const left = verbBefore(tokens, first);
  if (left >= 0) return tenseOfGroup(groupEndingAt(tokens, left), tokens);
  const right = verbAfter(tokens, last + 1, first === 0 || tokens[first - 1]?.pos === 'ADP');
  if (right >= 0) return tenseOfGroup(groupEndingAt(tokens, right), tokens);
  return 'either';
}
