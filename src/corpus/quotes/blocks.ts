import { parseMention, type Mention } from '../speakers/mention.ts';
import { findSubject, trailingNounPhrase } from '../speakers/subject.ts';
import type { Paragraph } from '../types.ts';
import { speechVerbs } from './speech-verbs.ts';

/** A run of paragraphs the author quotes from another source, marked up or not. */
export interface QuotedBlock {
  /** Who is quoted, when the text says: a citation line, an introducing line or the markup's `cite`. */
  source: Mention | null;
  /** Paragraph indexes of the quoted text (elision lines included). */
  paragraphs: number[];
  intro: number | null;
  citation: number | null;
}

/**
 * "Title ( archived) - Publisher" or "Title - Author / Publisher": the line a blog puts above a quoted article.
 * The right-hand side is short, capitalised and ends without a full stop.
 */
const CITATION = /^(.{6,}?)\s*(?:\(\s*archived\s*\))?\s+[-|]\s+((?:\p{Lu}[\p{L}\p{M}.&'’-]*|of|the|and|for|on|\/|,)(?:\s+(?:\p{Lu}[\p{L}\p{M}.&'’-]*|of|the|and|for|on|\/|,))*)\s*$/u;

/** CITATION's separator, spaced on both sides: looked for first, as the full pattern is slow to fail on prose. */
const SEPARATOR = /\s[-|]\s/;

export function citationSource(text: string): { source: Mention | null; author: Mention | null } | null {
  if (!SEPARATOR.test(text)) return null;
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

const PIECE = /(?:^|\b(?:from|in|by|of)\s+)(?:the\s+)?((?:\p{Lu}[\p{L}\p{M}.&'’-]*\s+){1,5})(?:piece|article|report|op-ed|editorial|story|column|interview|essay|analysis|paper|post|investigation|feature)\b/iu;
const BY_AUTHOR = /\b(?:piece|article|op-ed|editorial|story|column|interview|essay|analysis|post|commentary|letter)\s+by\s+(.+?)(?=\s+(?:in|for|at|on|from)\s+(?:the\s+)?\p{Lu}|\s*[:,;(]|\s*$)/u;
const IN_PUBLICATION = /\b(?:in|by|from)\s+(the\s+\p{Lu}[\p{L}\p{M}.&'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.&'’-]*){0,4})\s*(?:[:,]|$|\s+that\b)/u;

/** Who an introducing line ("As the New York Times wrote yesterday:") says is about to be quoted. */
export function introSource(text: string): Mention | null {
  const piece = PIECE.exec(text);
  if (piece) {
    const m = parseMention(piece[1] ?? '');
    if (m?.reference === 'name') return { ...m, kind: 'organisation' };
  }
  // "an op-ed by former Finance Minister Lars Eriksen in the …:": the author, not the paper, is quoted.
  const by = BY_AUTHOR.exec(text);
  const np = by ? trailingNounPhrase(by[1] ?? '') : null;
  const author = np ? parseMention(np.text) : null;
  if (author?.reference === 'name' && author.kind === 'person') return { ...author, role: null };
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
  return null;
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

/** Blocks without a citation line rarely run longer; an elision ("...") shows the excerpt goes on. */
const MAX_UNCITED_RUN = 3;

const FIRST_PERSON = /\b(I|I'm|I've|I'd|me|my|mine)\b/;
const BACK_REFERENCE = /\b(that|this|these|those)\s+(statement|claim|assertion|argument|report|piece|article|op-ed|view|analysis|reasoning|narrative|assessment|quote|passage|excerpt|nonsense|propaganda)s?\b/i;

/** Single-quoted phrases that are not apostrophes: the author's own scare quotes in some styles. */
const SINGLE_SCARE = /(^|[\s([])'[^'\s][^']{0,60}?[^\s']'(?=[\s.,;:!?)\]]|$)/;

function outsideQuotes(text: string): string {
  return text.replace(/"[^"]*"/g, ' ');
}

/** Signs that the author, not the quoted source, is speaking again. */
function authorVoice(text: string, authorUsesSingleQuotes: boolean): boolean {
  const own = outsideQuotes(text);
  if (FIRST_PERSON.test(own)) return true;
  if (/\?\s*$/.test(own.trim()) || /\?\s+\p{Lu}/u.test(own)) return true;
  if (BACK_REFERENCE.test(own)) return true;
  if (authorUsesSingleQuotes && SINGLE_SCARE.test(own)) return true;
  return false;
}

const isIntro = (p: Paragraph | undefined): boolean => !!p && p.kind === 'text' && /:\s*$/.test(p.text);
const isProse = (p: Paragraph | undefined): boolean => !!p && (p.kind === 'text' || p.kind === 'blockquote');

/**
 * Finds quoted blocks. Marked-up block quotes (`>`, `<blockquote>`) are blocks as they stand. In plain text a
 * block starts after a line ending in ":" or a citation line, goes on over elisions, and ends at the next
 * introducing line after an elision, a heading, or a paragraph in the author's own voice.
 */
export function detectBlocks(paragraphs: Paragraph[]): QuotedBlock[] {
  const firstStructure = paragraphs.findIndex((p) => isIntro(p) || p.kind === 'citation' || p.kind === 'blockquote' || !!citationSource(p.text));
  const authorOnly = paragraphs.slice(0, firstStructure < 0 ? paragraphs.length : firstStructure).filter((p) => p.kind === 'text');
  const authorUsesSingleQuotes = authorOnly.some((p) => SINGLE_SCARE.test(outsideQuotes(p.text)));

  const blocks: QuotedBlock[] = [];
  // Declared with casts: `close()` mutates these from a closure, which control-flow narrowing cannot see.
  let current = null as QuotedBlock | null;
  let pending = null as QuotedBlock | null;
  let run = 0;
  let previousBlock = null as QuotedBlock | null;
  let previousEndedAt = -2;
  const close = (i: number) => {
    if (current && current.paragraphs.some((k) => isProse(paragraphs[k]))) {
      // Trailing elisions belong to the excerpt's shape, not its content.
      blocks.push(current);
      previousBlock = current;
      previousEndedAt = i;
    }
    current = null;
    run = 0;
  };

  for (const [i, p] of paragraphs.entries()) {
    if (p.kind === 'heading' || p.kind === 'meta') {
      close(i);
      pending = null;
      continue;
    }
    if (p.kind === 'blockquote') {
      if (!current || current.paragraphs[current.paragraphs.length - 1] !== i - 1 || paragraphs[i - 1]?.kind !== 'blockquote') {
        close(i);
        const cited = p.cite ? citeSource(p.cite) : null;
        const source: Mention | null = cited ?? pending?.source ?? null;
        current = { source, paragraphs: [], intro: pending?.intro ?? null, citation: null };
        pending = null;
      }
      current.paragraphs.push(i);
      continue;
    }
    if (p.kind === 'elision') {
      if (current) {
        current.paragraphs.push(i);
        run = 0;
      }
      continue;
    }
    const cite = citationSource(p.text);
    if (cite && (pending || isIntro(paragraphs[i - 1]) || !current)) {
      const base: QuotedBlock = pending ?? { source: null, paragraphs: [], intro: null, citation: null };
      close(i);
      const source = cite.author ?? cite.source ?? base.source;
      pending = { ...base, source, citation: i };
      // The citation line is structure, not prose: later steps (sections, summaries, search) skip it.
      p.kind = 'citation';
      continue;
    }
    if (isIntro(p)) {
      const prev = paragraphs[i - 1];
      const named = introSource(p.text);
      // A colon line inside a quoted article that names no one and sounds like the source stays in the block.
      if (current && prev?.kind !== 'elision' && !named && !authorVoice(p.text, authorUsesSingleQuotes)) {
        current.paragraphs.push(i);
        run++;
        continue;
      }
      const continuing: QuotedBlock | null = current ?? (previousEndedAt === i ? previousBlock : null);
      close(i);
      // No source named right after a quoted block: the author goes on quoting the same source.
      const inherited: Mention | null = !named && continuing ? continuing.source : null;
      pending = { source: named ?? inherited, paragraphs: [], intro: i, citation: null };
      continue;
    }
    if (pending && p.kind === 'text') {
      current = pending;
      pending = null;
      current.paragraphs.push(i);
      run = 1;
      continue;
    }
    if (current) {
      // Markup marks where a quote ends: the prose after a `>` or <blockquote> is the author's again.
      if (paragraphs[current.paragraphs[0] ?? -1]?.kind === 'blockquote') {
        close(i);
        continue;
      }
      const cap = current.citation === null ? MAX_UNCITED_RUN : Infinity;
      if (authorVoice(p.text, authorUsesSingleQuotes) || run >= cap) {
        close(i);
        continue;
      }
      current.paragraphs.push(i);
      run++;
    }
  }
  close(paragraphs.length);
  for (const b of blocks) {
    while (b.paragraphs.length && paragraphs[b.paragraphs[b.paragraphs.length - 1] ?? 0]?.kind === 'elision') b.paragraphs.pop();
  }
  return blocks;
}
