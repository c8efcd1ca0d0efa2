import { words } from '../text/words.ts';
import { LazyOrder } from './lazy-order.ts';
import { wordInfo, type WordInfo } from './word-info.ts';

export interface Labelled {
  label: string;
  keywords: string[];
}

const MAX_KEYWORDS = 6;
const NOMINALISATION = /(ization|isation|ism)$/;

interface Term {
  key: string;
  /** How the text wrote it: the first surface and its count, then any others (most terms have one). */
  first: string;
  firstCount: number;
  others: Map<string, number> | null;
  count: number;
  /** The surface written most often, once asked for (see display). */
  display: string | null;
}

/** Where a two-word phrase cannot run on: after clause punctuation and a space. */
export const PHRASE_BREAK = /(?<=[.!?:;])\s+/;

/** A text's words in runs that phrases do not cross. */
export function phraseRuns(text: string): WordInfo[][] {
  return text.split(PHRASE_BREAK).map((run) => words(run).map(wordInfo));
}

function candidates(runs: WordInfo[][]): Map<string, Term> {
  const out = new Map<string, Term>();
  const add = (key: string, surface: string) => {
    let t = out.get(key);
    if (!t) {
      t = { key, first: surface, firstCount: 0, others: null, count: 0, display: null };
      out.set(key, t);
    }
    t.count++;
    if (surface === t.first) t.firstCount++;
    else {
      t.others ??= new Map();
      t.others.set(surface, (t.others.get(surface) ?? 0) + 1);
    }
  };
  for (const ws of runs) {
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i] as WordInfo;
      if (!w.head) continue;
      add(w.stem, w.bare);
      const next = ws[i + 1];
      if (next?.follows) add(`${w.stem} ${next.stem}`, `${w.bare} ${next.bare}`);
    }
  }
  return out;
}

/** The most frequent surface, the first seen on ties (what a stable sort by count puts first); worked out once. */
function display(t: Term): string {
  if (t.display === null) {
    let best = t.first;
    let bestCount = t.firstCount;
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

/**
 * Keywords by tf-idf against the document's other sections; the label is the best of them in lower case,
 * or the concept named after it ("Finland" → "finlandization") when the section uses one.
 */
export function labelSections(sectionTexts: string[], notLabels: Set<string> = new Set()): Labelled[] {
  return labelRuns(sectionTexts.map(phraseRuns), notLabels);
}

/** labelSections for sections already read into phrase runs (see phraseRuns). */
export function labelRuns(sections: WordInfo[][][], notLabels: Set<string> = new Set()): Labelled[] {
  const all = sections.map(candidates);
  const df = new Map<string, number>();
  for (const terms of all) for (const key of terms.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const n = sections.length;
  const used = new Set<string>();
  return all.map((terms) => {
    const scored = new LazyOrder(
      [...terms.values()]
        .filter((t) => t.count > 1 || !t.key.includes(' '))
        .map((t) => {
          const idf = Math.log(1 + n / (df.get(t.key) ?? 1));
          const phrase = t.key.includes(' ') ? 1.3 : 1;
          const proper = /^\p{Lu}/u.test(display(t)) ? 1.2 : 1;
          return { t, score: t.count * idf * phrase * proper };
        }),
      (a, b) => b.score - a.score || a.t.key.localeCompare(b.t.key),
    );
    const keywords: string[] = [];
    const covered = new Set<string>();
    for (let k = 0, item = scored.at(0); item; item = scored.at(++k)) {
      const { t } = item;
      const parts = t.key.split(' ');
      if (parts.every((p) => covered.has(p))) continue;
      keywords.push(display(t));
      for (const p of parts) covered.add(p);
      if (keywords.length >= MAX_KEYWORDS) break;
    }
    // The name of a quoted publication says who wrote, not what the section is about.
    const top = scored.find(({ t }) => !t.key.split(' ').some((k) => notLabels.has(k)))?.t;
    let label = top ? display(top).toLowerCase() : 'untitled';
    if (top && !top.key.includes(' ')) {
      const root = top.key.slice(0, Math.min(top.key.length, 6));
      const concept = [...terms.values()]
        .filter((t) => !t.key.includes(' ') && t.key.startsWith(root) && NOMINALISATION.test(t.key))
        // Equal counts: the -ize spelling, which is what most people type.
        .sort((a, b) => b.count - a.count || Number(b.key.includes('iz')) - Number(a.key.includes('iz')))[0];
      if (concept) {
        label = concept.key;
        if (!keywords.some((k) => k.toLowerCase() === concept.key)) keywords.unshift(display(concept));
        for (const t of terms.values()) if (t.key !== concept.key && !t.key.includes(' ') && t.key.startsWith(root) && NOMINALISATION.test(t.key)) keywords.push(display(t));
      }
    }
    // Two sections with the same label would be ambiguous to ask for: add the next keyword.
    if (used.has(label) && keywords[1]) label = `${label} ${keywords[1].toLowerCase()}`;
    used.add(label);
    return { label, keywords: keywords.slice(0, MAX_KEYWORDS + 2) };
  });
}
