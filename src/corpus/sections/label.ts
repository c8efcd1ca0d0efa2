import { LazyOrder } from './lazy-order.ts';
import type { WordInfo } from './word-info.ts';

export interface Labelled {
  label: string;
  keywords: string[];
}

/** One sentence of a section: its number in the document and its words in phrase runs (see phraseRuns). */
export interface SentenceWords {
  sentence: number;
  runs: WordInfo[][];
}

/**
 * Is the word or two-word key a noun phrase (or the part of one a reader would name) where the text first
 * writes it: in that sentence, as `surface`?
 */
export type PhraseTest = (sentence: number, key: string, surface: string) => boolean;

const MAX_KEYWORDS = 6;
const NOMINALISATION = /(ization|isation|ism)$/;
const PHRASE_WEIGHT = 1.3;
const PROPER_WEIGHT = 1.2;
// What a section is about is seldom one name or one bare noun: as labels they count for less.
const SINGLE_NAME_LABEL = 0.5;
const SINGLE_NOUN_LABEL = 0.8;

interface Term {
  key: string;
  count: number;
  /** The first sentence that names it (as `surface`), where its part of speech is checked. */
  sentence: number;
  /** Order of first mention in the section: on a tie, the earlier is likelier the topic. */
  first: number;
  /** How the text wrote it: the first surface and its count, then any others (most terms have one). */
  surface: string;
  surfaceCount: number;
  others: Map<string, number> | null;
  /** The surface written most often, once asked for (see display). */
  display: string | null;
}

// Counting is the inner loop of labelling: a term is a few numbers and strings, with a map only for the few
// written more than one way.
function candidates(sentences: SentenceWords[]): Map<string, Term> {
  const out = new Map<string, Term>();
  const add = (key: string, surface: string, sentence: number) => {
    let t = out.get(key);
    if (!t) {
      t = { key, count: 0, sentence, first: out.size, surface, surfaceCount: 0, others: null, display: null };
      out.set(key, t);
    }
    t.count++;
    if (surface === t.surface) t.surfaceCount++;
    else {
      t.others ??= new Map();
      t.others.set(surface, (t.others.get(surface) ?? 0) + 1);
    }
  };
  for (const { sentence, runs } of sentences) {
    for (const ws of runs) {
      for (let i = 0; i < ws.length; i++) {
        const w = ws[i] as WordInfo;
        if (!w.head) continue;
        add(w.stem, w.bare, sentence);
        const next = ws[i + 1];
        if (next?.follows) add(`${w.stem} ${next.stem}`, `${w.bare} ${next.bare}`, sentence);
      }
    }
  }
  return out;
}

/** The surface written most often, the first seen on ties; worked out once. */
function display(t: Term): string {
  if (t.display === null) {
    let best = t.surface;
    let bestCount = t.surfaceCount;
    for (const [surface, n] of t.others ?? []) {
      if (n > bestCount) {
        best = surface;
        bestCount = n;
      }
    }
    t.display = best;
  }
  return t.display;
}

interface Scored {
  t: Term;
  /** Two words rather than one. */
  pair: boolean;
  proper: boolean;
  score: number;
  labelScore: number;
}

/** Is the key `inner` some of the words of the key `outer`, in order ("drone" of "drone factory")? */
function within(inner: string, outer: string): boolean {
  if (inner.length >= outer.length) return inner === outer;
  return ` ${outer} `.includes(` ${inner} `);
}

/** Starts with a capital: A–Z read directly, anything else by the Unicode property. */
function capitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(text);
}

/**
 * Labels and keywords by tf-idf against the document's other sections. Words and word pairs are counted in
 * every sentence (cheap), and only the best few are checked against the parts of speech of a sentence naming
 * them (`isPhrase`): a keyword is a noun phrase, never a lone adjective or verb ("armed", "FSB claimed") nor
 * the start of a name ("President Alexander"). The label is the best of them that is not the subject of the
 * whole document (a term in more than half of the sections names the document, not one part of it), nor the
 * name of a quoted publication, nor another section's label; a bare common noun gives way to a phrase built
 * on it ("system" → "procurement system"), and a name to the concept formed from it ("Finland" →
 * "finlandization") when the section uses one.
 */
export function labelSections(sections: SentenceWords[][], isPhrase: PhraseTest, notLabels: Set<string> = new Set()): Labelled[] {
  const all = sections.map(candidates);
  const df = new Map<string, number>();
  for (const terms of all) for (const key of terms.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const n = sections.length;
  const wholeDocument = (t: Term) => n >= 3 && (df.get(t.key) ?? 0) > n / 2;
  const checked = new Map<Term, boolean>();
  const phrase = (t: Term) => {
    let ok = checked.get(t);
    if (ok === undefined) {
      ok = isPhrase(t.sentence, t.key, t.surface);
      checked.set(t, ok);
    }
    return ok;
  };
  const used = new Set<string>();
  return all.map((terms) => {
    const items: Scored[] = [];
    for (const t of terms.values()) {
      const d = df.get(t.key) ?? 1;
      const idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
      const pair = t.key.includes(' ');
      const proper = capitalised(display(t));
      const base = t.count * idf * (pair ? PHRASE_WEIGHT : 1);
      const single = pair ? 1 : proper ? SINGLE_NAME_LABEL : SINGLE_NOUN_LABEL;
      items.push({ t, pair, proper, score: base * (proper ? PROPER_WEIGHT : 1), labelScore: base * single });
    }
    const tie = (a: Scored, b: Scored) => Number(a.pair) - Number(b.pair) || a.t.first - b.t.first;
    const byKeyword = new LazyOrder(items, (a, b) => b.score - a.score || tie(a, b));
    const byLabel = new LazyOrder(items, (a, b) => b.labelScore - a.labelScore || tie(a, b));

    const keywords: Term[] = [];
    for (let k = 0, item = byKeyword.at(0); item && keywords.length < MAX_KEYWORDS; item = byKeyword.at(++k)) {
      const { t } = item;
      if (keywords.some((o) => within(t.key, o.key) || within(o.key, t.key)) || !phrase(t)) continue;
      keywords.push(t);
    }
    const labelWorthy = (x: Scored) => !wholeDocument(x.t) && !used.has(x.t.key) && !x.t.key.split(' ').some((w) => notLabels.has(w)) && phrase(x.t);
    let top = byLabel.find(labelWorthy);
    if (top && !top.pair && !top.proper) {
      // A bare common noun says less than the phrase the section builds on it, if it has one.
      const tail = ` ${top.t.key}`;
      const built = items.filter((x) => x.pair && x.t.key.endsWith(tail)).sort((a, b) => b.labelScore - a.labelScore || tie(a, b));
      top = built.find(labelWorthy) ?? top;
    }
    let label = top ? display(top.t).toLowerCase() : 'untitled';
    const shown = keywords.map(display);
    if (top && !top.pair) {
      const root = top.t.key.slice(0, Math.min(top.t.key.length, 6));
      const concepts = [...terms.values()].filter((t) => !t.key.includes(' ') && t.key.startsWith(root) && NOMINALISATION.test(t.key));
      // Equal counts: the -ize spelling, which is what most people type.
      concepts.sort((a, b) => b.count - a.count || Number(b.key.includes('iz')) - Number(a.key.includes('iz')));
      const concept = concepts[0];
      if (concept) {
        label = concept.key;
        for (const c of [...concepts].reverse()) if (!shown.some((k) => k.toLowerCase() === c.key)) shown.unshift(display(c));
      }
    }
    if (top) used.add(top.t.key);
    return { label, keywords: shown.slice(0, MAX_KEYWORDS + 2) };
  });
}
