import type { Mention } from '../speakers/mention.ts';
import type { Paragraph } from '../types.ts';
import { authorVoice, outsideQuotes, signsOff, SINGLE_SCARE, trailingCitation } from './block-ends.ts';
import { announcedSource, citationSource, citeSource, introSource, pointsBack } from './block-starts.ts';

/** A run of paragraphs the author quotes from another source, marked up or not. */
export interface QuotedBlock {
  /** Who is quoted, when the text says: a citation line, an introducing line or the markup's `cite`. */
  source: Mention | null;
  /** Paragraph indexes of the quoted text (elision lines included). */
  paragraphs: number[];
  intro: number | null;
  citation: number | null;
}

/** Blocks without a citation line rarely run longer; an elision ("...") shows the excerpt goes on. */
const MAX_UNCITED_RUN = 5;

const isIntro = (p: Paragraph | undefined): boolean => !!p && p.kind === 'text' && /:\s*$/.test(p.text);
const isProse = (p: Paragraph | undefined): boolean => !!p && (p.kind === 'text' || p.kind === 'blockquote');

/** The paragraphs a citation follows when no line introduced them: back to the author's voice, other structure or a cap. */
function excerptBefore(paragraphs: Paragraph[], at: number, after: number, authorUsesSingleQuotes: boolean): number[] {
  const found: number[] = [];
  for (let k = at - 1; k > after && found.filter((j) => isProse(paragraphs[j])).length < MAX_UNCITED_RUN; k--) {
    const q = paragraphs[k];
    if (q?.kind === 'elision') {
      found.unshift(k);
      continue;
    }
    if (!q || q.kind !== 'text' || isIntro(q) || signsOff(q.text) || announcedSource(q.text) || citationSource(q.text) || authorVoice(q.text, authorUsesSingleQuotes)) break;
    found.unshift(k);
  }
  while (paragraphs[found[0] ?? -1]?.kind === 'elision') found.shift();
  return found;
}

/** How far back "It continues:" or "The paper adds:" looks for the publication it means. */
const POINTER_REACH = 3;

/** The publication the author named in the paragraphs just before `at`: announced, introduced or on a title line. */
function outletNamedBefore(paragraphs: Paragraph[], at: number): Mention | null {
  for (let k = at - 1; k >= Math.max(0, at - POINTER_REACH); k--) {
    const q = paragraphs[k];
    if (!q || q.kind === 'heading') break;
    const found = announcedSource(q.text) ?? citationSource(q.text)?.source ?? (isIntro(q) ? introSource(q.text) : null);
    if (found) return found;
  }
  return null;
}

/**
 * Finds quoted blocks. Marked-up block quotes (`>`, `<blockquote>`) are blocks as they stand. In plain text a
 * block starts after a line ending in ":", a citation line or a short paragraph that points at a story, goes on over elisions, and ends at the next
 * introducing line after an elision, a heading, a citation after the excerpt, a sign-off or a paragraph in the
 * author's own voice. A citation after paragraphs no line introduced makes them a block of their own.
 */
export function detectBlocks(paragraphs: Paragraph[]): QuotedBlock[] {
  const firstStructure = paragraphs.findIndex((p) => isIntro(p) || p.kind === 'citation' || p.kind === 'blockquote' || !!citationSource(p.text));
  const authorOnly = paragraphs.slice(0, firstStructure < 0 ? paragraphs.length : firstStructure).filter((p) => p.kind === 'text');
  const authorUsesSingleQuotes = authorOnly.some((p) => SINGLE_SCARE.test(outsideQuotes(p.text)));

  const firstText = paragraphs.findIndex((p) => p.kind === 'text');

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
      const lastOfRun = current ? Math.max(current.paragraphs.at(-1) ?? -1, current.intro ?? -1) : -1;
      if (!current || lastOfRun !== i - 1 || paragraphs[i - 1]?.kind !== 'blockquote') {
        close(i);
        const cited = p.cite ? citeSource(p.cite) : null;
        // "> The Times:" opening the quote names its source inside the markup.
        const opener = isIntro({ ...p, kind: 'text' }) ? introSource(p.text) : null;
        const source: Mention | null = cited ?? opener ?? pending?.source ?? null;
        current = { source, paragraphs: [], intro: opener ? i : (pending?.intro ?? null), citation: null };
        pending = null;
        if (opener) continue;
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
    if (p.kind === 'text' && signsOff(p.text)) {
      close(i);
      pending = null;
      continue;
    }
    const trailing = p.kind === 'text' && !isIntro(p) ? trailingCitation(p.text) : null;
    if (trailing) {
      // A citation after an excerpt names the source of what came just before it, introduced or not.
      // A post opens in the author's voice: its first paragraph is never an excerpt found backwards.
      const after = blocks[blocks.length - 1]?.paragraphs.at(-1) ?? firstText;
      current ??= { source: null, paragraphs: excerptBefore(paragraphs, i, after, authorUsesSingleQuotes), intro: null, citation: null };
      if (trailing.inline) current.paragraphs.push(i);
      else p.kind = 'citation';
      // The citation is the most exact word on the source, though a writer named above keeps the excerpt.
      if (current.source?.kind !== 'person') current.source = trailing.source;
      current.citation = i;
      pending = null;
      close(i + 1);
      continue;
    }
    const cite = citationSource(p.text, i === firstText);
    // Inside an excerpt under a title line, another title line starts the next excerpt.
    if (cite && (pending || isIntro(paragraphs[i - 1]) || !current || current.citation !== null)) {
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
      if (current && prev?.kind !== 'elision' && !named && !pointsBack(p.text) && !authorVoice(p.text, authorUsesSingleQuotes)) {
        current.paragraphs.push(i);
        run++;
        continue;
      }
      const continuing: QuotedBlock | null = current ?? (previousEndedAt === i ? previousBlock : null);
      close(i);
      // No source named right after a quoted block: the author goes on quoting the same source.
      const inherited: Mention | null = !named && continuing ? continuing.source : null;
      // "It continues:" means a story named just before, else the one quoted last.
      const referred = named ?? inherited ?? (pointsBack(p.text) ? (outletNamedBefore(paragraphs, i) ?? previousBlock?.source ?? null) : null);
      pending = { source: referred, paragraphs: [], intro: i, citation: null };
      continue;
    }
    const announced = p.kind === 'text' ? announcedSource(p.text) : null;
    if (announced) {
      // "Reuters has the details.": the author points at a story, and its words follow.
      close(i);
      pending = { source: announced, paragraphs: [], intro: i, citation: null };
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
