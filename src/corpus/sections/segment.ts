import type { QuotedBlock } from '../quotes/blocks.ts';
import { terms } from '../text/words.ts';
import type { Paragraph } from '../types.ts';

/** A run of paragraphs (indexes into the document's paragraphs) that forms one section. */
export interface Segment {
  paragraphs: number[];
  heading: string | null;
}

const isProse = (p: Paragraph | undefined) => !!p && (p.kind === 'text' || p.kind === 'blockquote');
/** Without structure, a section is a few paragraphs: long runs are cut where the vocabulary shifts. */
const MAX_RUN = 6;
const MIN_RUN = 2;

/**
 * Sections: headings where the document has them; otherwise each quoted block with the paragraph that
 * introduces it and the author's comment after it, and lexical cohesion (TextTiling) inside long runs.
 */
export function segment(paragraphs: Paragraph[], blocks: QuotedBlock[], termsOf: (k: number) => string[] = (k) => terms(paragraphs[k]?.text ?? '')): Segment[] {
  const pair = pairCounts(paragraphTerms(termsOf));
  const content = paragraphs.map((p, i) => ({ p, i })).filter(({ p }) => isProse(p) || p.kind === 'citation' || p.kind === 'elision' || p.kind === 'heading');
  if (paragraphs.some((p) => p.kind === 'heading' && (p.level ?? 1) <= 3)) return byHeadings(paragraphs, content.map((c) => c.i), pair);

  const starts = new Set<number>();
  for (const b of blocks) {
    const first = b.intro ?? b.citation ?? b.paragraphs[0];
    if (first !== undefined) starts.add(first);
  }
  const units: number[][] = [];
  let unit: number[] = [];
  for (const { i } of content) {
    if (starts.has(i) && unit.some((k) => isProse(paragraphs[k]))) {
      units.push(unit);
      unit = [];
    }
    unit.push(i);
  }
  if (unit.length) units.push(unit);

  // A lone paragraph (an opening line before the first quote) joins the unit after it.
  const merged: number[][] = [];
  for (let u = 0; u < units.length; u++) {
    const current = units[u] ?? [];
    const prose = current.filter((k) => isProse(paragraphs[k])).length;
    const next = units[u + 1];
    if (prose < MIN_RUN && next && current.every((k) => !starts.has(k) || k === current[0])) {
      units[u + 1] = [...current, ...next];
      continue;
    }
    merged.push(current);
  }
  // A quoted excerpt with its introduction and comment is one section; only the author's long runs are cut.
  const inBlock = new Set(blocks.flatMap((b) => b.paragraphs));
  return merged
    .flatMap((u) => (u.some((k) => inBlock.has(k)) ? [u] : splitLong(paragraphs, u, pair)))
    .map((u) => ({ paragraphs: u, heading: null }));
}

function byHeadings(paragraphs: Paragraph[], indexes: number[], pair: (a: number, b: number) => Map<string, number>): Segment[] {
  const out: Segment[] = [];
  let current: Segment = { paragraphs: [], heading: null };
  for (const i of indexes) {
    const p = paragraphs[i];
    if (p?.kind === 'heading' && (p.level ?? 1) <= 3) {
      if (current.paragraphs.some((k) => isProse(paragraphs[k]))) out.push(current);
      current = { paragraphs: [], heading: p.text };
      continue;
    }
    current.paragraphs.push(i);
  }
  if (current.paragraphs.some((k) => isProse(paragraphs[k]))) out.push(current);
  return out.flatMap((s) => (s.heading ? [s] : splitLong(paragraphs, s.paragraphs, pair).map((u) => ({ paragraphs: u, heading: null }))));
}

/** A paragraph's terms, computed once: the recursive cuts look at the same paragraphs again and again. */
function paragraphTerms(termsOf: (k: number) => string[]): (k: number) => string[] {
  const cache = new Map<number, string[]>();
  return (k) => {
    let bag = cache.get(k);
    if (!bag) {
      bag = termsOf(k);
      cache.set(k, bag);
    }
    return bag;
  };
}

/** Term counts of two neighbouring paragraphs, in reading order (the order the cosine sums in). */
function pairCounts(bagOf: (k: number) => string[]): (a: number, b: number) => Map<string, number> {
  // Every gap compares the pair before it with the pair after it, and the cuts look again at the same pairs.
  const cache = new Map<string, Map<string, number>>();
  return (a, b) => {
    const key = `${a} ${b}`;
    let out = cache.get(key);
    if (!out) {
      out = new Map();
      for (const t of bagOf(a)) out.set(t, (out.get(t) ?? 0) + 1);
      for (const t of bagOf(b)) out.set(t, (out.get(t) ?? 0) + 1);
      cache.set(key, out);
    }
    return out;
  };
}

/** TextTiling-style: cut a long run at the deepest dips in similarity between neighbouring paragraphs. */
function splitLong(paragraphs: Paragraph[], unit: number[], pair: (a: number, b: number) => Map<string, number>): number[][] {
  const prose = unit.filter((k) => isProse(paragraphs[k]));
  if (prose.length <= MAX_RUN) return [unit];
  const gaps: Array<{ at: number; score: number }> = [];
  // Two paragraphs either side of a gap; as MIN_RUN is at least 2, both windows always lie inside the run.
  for (let g = MIN_RUN; g <= prose.length - MIN_RUN; g++) {
    gaps.push({ at: g, score: cosine(pair(prose[g - 2] ?? 0, prose[g - 1] ?? 0), pair(prose[g] ?? 0, prose[g + 1] ?? 0)) });
  }
  const best = gaps.sort((a, b) => a.score - b.score)[0];
  if (!best) return [unit];
  const cutParagraph = prose[best.at] ?? 0;
  const cut = unit.indexOf(cutParagraph);
  return [...splitLong(paragraphs, unit.slice(0, cut), pair), ...splitLong(paragraphs, unit.slice(cut), pair)];
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, x] of a) {
    na += x * x;
    dot += x * (b.get(t) ?? 0);
  }
  for (const x of b.values()) nb += x * x;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
