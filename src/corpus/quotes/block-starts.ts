// Cues that start a quoted block in plain text: the lines a blog writes above an excerpt, and who they name.
import { parseMention, type Mention } from '../speakers/mention.ts';
import { findSubject, trailingNounPhrase } from '../speakers/subject.ts';
import { speechVerbs } from './speech-verbs.ts';
import { PIECE_NOUNS, SPEECH_VERBS } from '../speakers/vocabulary.ts';

/**
 * "Title ( archived) - Publisher" or "Title - Author / Publisher": the line a blog puts above a quoted article.
 * The right-hand side is short, capitalised and ends without a full stop.
 */
const CITATION = /^(.{6,}?)\s*(?:\(\s*archived\s*\))?\s+[-|]\s+((?:\p{Lu}[\p{L}\p{M}.&'’-]*|of|the|and|for|on|\/|,)(?:\s+(?:\p{Lu}[\p{L}\p{M}.&'’-]*|of|the|and|for|on|\/|,))*)\s*$/u;

/** CITATION's separator, spaced on both sides: looked for first, as the full pattern is slow to fail on prose. */
const SEPARATOR = /\s[-|]\s/;

/** "Rates rise again (ft)", "Rates rise again [Reuters]": a headline with its publication in brackets. */
const BRACKETED = /^([^()[\]]{6,}?[^\s.!?:;,"”'’])\s*(?:\(([^()]{2,40})\)|\[([^[\]]{2,40})\])\s*$/u;
/** Brackets after a headline that say what the link is, not who wrote it. */
const NOT_OUTLETS = new Set(['archived', 'archive', 'paywall', 'paywalled', 'pdf', 'video', 'audio', 'podcast', 'photos', 'gallery', 'link', 'updated', 'update', 'opinion', 'analysis', 'long', 'free', 'subscription', 'gift link']);

function bracketedTitle(text: string): Mention | null {
  const m = BRACKETED.exec(text.trim());
  if (!m) return null;
  const title = m[1] ?? '';
  const inner = (m[2] ?? m[3] ?? '').trim();
  // A headline is several words; "Rep. Jane Roe (R-Ohio)" is a name with a party and a state.
  if (title.split(/\s+/).length < 3 || NOT_OUTLETS.has(inner.toLowerCase()) || parseMention(title)?.kind === 'person') return null;
  // Blogs shorten outlets to lower-case initials: "(ft)", "(nyt)".
  const name = /^[a-z]{2,4}$/.test(inner) ? inner.toUpperCase() : inner;
  const found = outlet(name);
  return found && found.kind !== 'person' && name.split(/\s+/).length <= 5 ? { ...found, kind: 'organisation' } : null;
}

/** `opensDocument`: the document's own headline, where "(Reuters)" credits the article itself, not an excerpt. */
export function citationSource(text: string, opensDocument = false): { source: Mention | null; author: Mention | null } | null {
  if (!SEPARATOR.test(text)) {
    const bracketed = opensDocument ? null : bracketedTitle(text);
    return bracketed ? { source: bracketed, author: null } : null;
  }
  const m = CITATION.exec(text.trim());
  if (!m || /[.!?:]$/.test(text.trim())) return null;
  // `"…" - Pamela Padilla` signs a quotation with its speaker's name: a quote, not the title of an excerpt.
  if (/^\s*["']/.test(m[1] ?? '') && /["']\s*$/.test(m[1] ?? '')) return null;
  const right = (m[2] ?? '').trim();
  if (right.split(/\s+/).length > 9) return null;
  const parts = right.split(/\s*[/|,]\s*/).filter(Boolean);
  const publication = parseMention(parts[parts.length - 1] ?? '');
  const author = parts.length > 1 ? parseMention(parts[0] ?? '') : null;
  const pub = publication ? { ...publication, kind: 'organisation' as const } : null;
  return { source: pub, author: author?.kind === 'person' ? author : null };
}

/** A markup attribution ("John F. Kennedy", "Nora Lind, The Atlantic", "The Irish Times"): the person first, else the publication. */
export function citeSource(cite: string): Mention | null {
  const parts = cite.split(/\s*[,/|]\s*/).filter(Boolean);
  const first = parseMention(parts[0] ?? '');
  if (first?.reference === 'name') return first;
  const last = parts.length > 1 ? parseMention(parts[parts.length - 1] ?? '') : null;
  return last?.reference === 'name' ? { ...last, kind: 'organisation' } : null;
}

// Case is spelled out, not flagged: under the i flag \p{Lu} matches lower-case letters too ("latest").
const PIECE = new RegExp(String.raw`(?:^|\b(?:[Ff]rom|[Ii]n|[Bb]y|[Oo]f)\s+)(?:[Tt]he\s+)?((?:\p{Lu}[\p{L}\p{M}.&'’-]*\s+){1,5})(?:(?:latest|new|recent|own|excellent|long|weekly|daily|annual|monthly)\s+)?(?:${PIECE_NOUNS.join('|')})\b`, 'u');
const BY_AUTHOR = /\b(?:piece|article|op-ed|editorial|story|column|interview|essay|analysis|post|commentary|letter)\s+by\s+(.+?)(?=\s+(?:in|for|at|on|from)\s+(?:the\s+)?\p{Lu}|\s*[:,;(]|\s*$)/u;
const IN_PUBLICATION = /\b(?:in|by|from)\s+(the\s+\p{Lu}[\p{L}\p{M}.&'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.&'’-]*){0,4})\s*(?:[:,]|$|\s+that\b)/u;

const LINK_NOTE = /\s*\(\s*(?:archived|archive|paywall|paywalled|subscription|gift link|pdf)\s*\)/gi;

/** Who an introducing line ("As the New York Times wrote yesterday:") says is about to be quoted. */
export function introSource(line: string): Mention | null {
  // "(archived)", "(paywalled)": a note on the link, not part of the name.
  const text = line.replace(LINK_NOTE, '');
  const piece = PIECE.exec(text);
  if (piece) {
    const m = outlet(piece[1] ?? '');
    if (m) return { ...m, kind: 'organisation' };
  }
  // "an op-ed by former Finance Minister Lars Eriksen in the …:": the author, not the paper, is quoted.
  const by = BY_AUTHOR.exec(text);
  const np = by ? trailingNounPhrase(by[1] ?? '') : null;
  const author = np ? parseMention(np.text) : null;
  if (author?.reference === 'name' && author.kind === 'person') return { ...author, role: null };
  const led = ledSource(text);
  if (led) return led;
  const verbs = speechVerbs(text);
  for (const v of verbs) {
    const subject = findSubject(text.slice(0, v.index));
    if (subject && subject.mention.reference === 'name') return subject.mention;
  }
  const inPub = IN_PUBLICATION.exec(text);
  if (inPub) {
    const m = parseMention(inPub[1] ?? '');
    if (m?.reference === 'name') return { ...m, kind: 'organisation' };
  }
  return bareSource(text);
}

const GOING_ON = /^\s*(.{1,60}?)\s+(?:continued|continues|went on|goes on)(?:\s+to\s+say)?\s*:\s*$/u;
const SPOKE_COLON = /^\s*(.{1,60}?)\s+(\p{Ll}+)(?:\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3})?\s*:\s*$/u;

/**
 * Who a short line before a quotation says goes on speaking ("Caddell continued:", "He said:", "The agency added:",
 * "She told CNN:"): the speaker of a paragraph in quotation marks that names no one of its own. Unlike an introducing
 * line's source, no excerpt follows: only the quotation is theirs.
 */
export function speakerIntro(line: string): Mention | null {
  const spoke = SPOKE_COLON.exec(line);
  const before = GOING_ON.exec(line)?.[1] ?? (spoke && SPEECH_VERBS.has(spoke[2] ?? '') ? spoke[1] : undefined);
  return before ? (findSubject(before)?.mention ?? null) : null;
}

/** The role an introducing line gives a quoted author ("its former Foreign Minister Dmytro Kuleba…"). */
export function introRole(intro: string, author: Mention): string | null {
  const first = author.name.split(' ')[0];
  if (!first) return null;
  const words = intro.split(/\s+/);
  const at = words.findIndex((w) => w.startsWith(first));
  if (at <= 0) return null;
  const role: string[] = [];
  for (let i = at - 1; i >= 0 && role.length < 5; i--) {
    const w = words[i] ?? '';
    if (/^(former|then|acting|deputy|ex)$/i.test(w) || /^\p{Lu}/u.test(w)) role.unshift(w);
    else break;
  }
  return role.length ? role.join(' ') : null;
}


/** A publication's name as a blog writes it: capitalised words, "of"/"and"/"&" between them. */
const OUTLET = String.raw`\p{Lu}[\p{L}\p{M}.&-]*(?:\s+(?:(?:of|and|&)\s+)?\p{Lu}[\p{L}\p{M}.&-]*){0,4}`;

/** Words that open a labelled paragraph ("Update:", "Background:") and are never a source. */
const LABELS = new Set(['update', 'updated', 'edit', 'note', 'notes', 'background', 'summary', 'conclusion', 'context', 'example', 'examples', 'source', 'sources', 'related', 'previously', 'also', 'disclaimer', 'correction', 'addendum', 'postscript', 'ps', 'p.s.', 'details', 'highlights', 'excerpt', 'excerpts', 'quote', 'key', 'bottom', 'first', 'second', 'third', 'finally', 'meanwhile', 'today', 'yesterday', 'question', 'answer', 'q', 'a', 'here', 'this', 'that', 'more', 'read', 'warning', 'caveat', 'lesson', 'result', 'results', 'verdict', 'why', 'what', 'how', 'tldr', 'tl;dr', 'spoiler', 'hint', 'reminder', 'breaking']);

/** "the Post's", "today's Herald", "Reuters'": the publication alone, or null when the words name no one. */
export function outlet(text: string): Mention | null {
  const bare = text
    .trim()
    .replace(/['’]s?$/u, '')
    .replace(/^(?:today|yesterday|tonight|tomorrow|this\s+\w+|last\s+\w+|\p{L}+day)['’]s\s+/iu, '');
  const first = bare.split(/\s+/)[0] ?? '';
  if (!/^\p{Lu}/u.test(first) || LABELS.has(bare.toLowerCase().replace(/^the\s+/, ''))) return null;
  const m = parseMention(bare);
  return m?.reference === 'name' ? m : null;
}

/** "Reuters:", "> The Times:", "Paul Krugman:": a line that is only a name and a colon. */
const BARE = new RegExp(String.raw`^>?\s*(${OUTLET})\s*:$`, 'u');

export function bareSource(text: string): Mention | null {
  const m = BARE.exec(text.trim());
  return m ? outlet(m[1] ?? '') : null;
}

const STORY = String.raw`(?:piece|article|report|reporting|story|column|op-?ed|editorial|analysis|essay|interview|feature|investigation|write-?up|dispatch|explainer|profile|review|scoop|coverage|take|account|long\s?read|leader)s?`;
const DAY = String.raw`(?:(?:today|yesterday|this\s+\w+|last\s+\w+|\p{L}+day)['’]s\s+)`;

/**
 * A short paragraph that points at a story and says nothing else: "This piece in today's Herald is worth a read.",
 * "The Post's report on Tuesday is grim.", "Reuters has the details." Its publication is quoted next.
 */
// Case-sensitive: a publication's name is capitalised, the words around it are not.
// The story is named in the first words ("There's a long piece in…"), not at the end of a claim ("…, says a report in…").
const ANNOUNCING = [
  new RegExp(String.raw`^(?:\S+\s+){0,4}?${STORY}\s+(?:in|at|from|over\s+at)\s+${DAY}?(?:the\s+)?(${OUTLET})`, 'u'),
  new RegExp(String.raw`^(?:\S+\s+){0,2}?(?:the\s+)?(${OUTLET}['’]s?)\s+(?:[\p{L}-]+\s+){0,3}?${STORY}\b`, 'u'),
  new RegExp(String.raw`^(${OUTLET})\s+(?:has|had|ran|runs|carries|carried|published|broke|got)\s+(?:[\p{L}-]+\s+){0,3}?(?:details|story|scoop|more|rundown|latest|numbers|background|${STORY})\b`, 'u'),
];
/** An announcement is a line or two; a longer paragraph that names a report is the author's own argument. */
const MAX_ANNOUNCING_WORDS = 18;

export function announcedSource(text: string): Mention | null {
  const t = text.trim();
  if (t.split(/\s+/).length > MAX_ANNOUNCING_WORDS || /["“”]/.test(t) || /\?$/.test(t) || /\baccording to\b/i.test(t) || speechVerbs(t).length) return null;
  for (const [k, re] of ANNOUNCING.entries()) {
    const m = re.exec(t);
    const found = m ? outlet(m[1] ?? '') : null;
    // A person's "story" is their life, not an article; "Politico has more" points at one even if read as a name.
    if (found && (found.kind !== 'person' || k === ANNOUNCING.length - 1)) return found;
  }
  return null;
}

const WHEN = String.raw`(?:\s+(?:today|yesterday|this\s+(?:morning|week|month)|last\s+\w+|on\s+\p{Lu}\p{L}+|(?:at|in)\s+the\s+\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*){0,3}))`;
/**
 * Colon lines that put the source first or point at it: "Writes Jane Roe in the Times:", "So reports the BBC:",
 * "Writing for the Nation, Jane Roe argues:",
 * "Here's the Guardian:", "Over at the Post:", "Bloomberg today:", "Jane Roe at the Atlantic:".
 */
const LED = [
  new RegExp(String.raw`^(?:(?:[Ss]o|[Aa]nd|[Aa]s)\s+)?(?:[Ww]rites|[Ww]rote|[Rr]eports|[Rr]eported|[Ss]ays|[Nn]otes|[Ee]xplains|[Aa]dds|[Oo]bserves)\s+(?:the\s+)?(${OUTLET})`, 'u'),
  new RegExp(String.raw`(?:^|\s)(?:[Hh]ere['’]s|[Hh]ere\s+is|[Oo]ver\s+at|[Aa]ccording\s+to|[Pp]er|[Vv]ia)\s+(?:the\s+)?(${OUTLET})(?:['’]s?)?(?:\s+on\s+[\p{Ll}].*|${WHEN})*\s*:$`, 'u'),
  new RegExp(String.raw`^(?:the\s+|The\s+)?(${OUTLET})${WHEN}+\s*:$`, 'u'),
];

/** "Writing for the Nation, Jane Roe argues:" (the comma is often left out): the writer is the run's last name. */
const WRITING_FOR = new RegExp(String.raw`^[Ww]riting\s+(?:for|in|at)\s+(?:the\s+)?(${OUTLET}),?\s+(${OUTLET})?`, 'u');

function writingFor(text: string): Mention | null {
  const m = WRITING_FOR.exec(text);
  if (!m) return null;
  const named = m[2] ? outlet(m[2]) : null;
  if (named?.kind === 'person') return named;
  const last = (m[1] ?? '').split(/\s+/).slice(-2).join(' ');
  const writer = outlet(last);
  return writer?.kind === 'person' ? writer : null;
}

function ledSource(text: string): Mention | null {
  const t = text.trim();
  const writer = writingFor(t);
  if (writer) return writer;
  for (const re of LED) {
    const m = re.exec(t);
    const found = m ? outlet(m[1] ?? '') : null;
    if (found) return found;
  }
  return /:$/.test(t) ? announcedSource(t.slice(0, -1)) : null;
}

/** "It continues:", "The paper adds:", "As the article puts it:": an introduction that means a story named before. */
const BACK_POINTER = /^(?:(?:and|so|as|here)\s+)?(?:it|the\s+(?:paper|newspaper|report|piece|article|story|magazine|agency|site|editorial|column))\b/i;

export function pointsBack(text: string): boolean {
  return BACK_POINTER.test(text.trim());
}
