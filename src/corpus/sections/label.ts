import { SPEECH_VERBS } from '../speakers/vocabulary.ts';
import { stem, STOP_WORDS, words } from '../text/words.ts';

export interface Labelled {
  label: string;
  keywords: string[];
}

const MAX_KEYWORDS = 6;
const NOMINALISATION = /(ization|isation|ism)$/;

interface Term {
  key: string;
  surfaces: Map<string, number>;
  count: number;
}

function candidates(text: string): Map<string, Term> {
  const out = new Map<string, Term>();
  const add = (key: string, surface: string) => {
    const t = out.get(key) ?? { key, surfaces: new Map(), count: 0 };
    t.count++;
    t.surfaces.set(surface, (t.surfaces.get(surface) ?? 0) + 1);
    out.set(key, t);
  };
  for (const sentence of text.split(/(?<=[.!?:;])\s+/)) {
    const ws = words(sentence).map((w) => w.replace(/['’]s$/, '').replace(/['’-]+$/, ''));
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i] ?? '';
      const lower = w.toLowerCase();
      if (w.length < 3 || STOP_WORDS.has(lower) || SPEECH_VERBS.has(lower) || /^\d+$/.test(w)) continue;
      add(stem(w), w);
      const next = ws[i + 1];
      if (next && next.length > 2 && !STOP_WORDS.has(next.toLowerCase()) && !/^\d+$/.test(next)) add(`${stem(w)} ${stem(next)}`, `${w} ${next}`);
    }
  }
  return out;
}

const display = (t: Term): string => [...t.surfaces.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? t.key;

/**
 * Keywords by tf-idf against the document's other sections; the label is the best of them in lower case,
 * or the concept named after it ("Finland" → "finlandization") when the section uses one.
 */
export function labelSections(sectionTexts: string[], notLabels: Set<string> = new Set()): Labelled[] {
  const all = sectionTexts.map(candidates);
  const df = new Map<string, number>();
  for (const terms of all) for (const key of terms.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const n = sectionTexts.length;
  const used = new Set<string>();
  return all.map((terms) => {
    const scored = [...terms.values()]
      .filter((t) => t.count > 1 || !t.key.includes(' '))
      .map((t) => {
        const idf = Math.log(1 + n / (df.get(t.key) ?? 1));
        const phrase = t.key.includes(' ') ? 1.3 : 1;
        const proper = /^\p{Lu}/u.test(display(t)) ? 1.2 : 1;
        return { t, score: t.count * idf * phrase * proper };
      })
      .sort((a, b) => b.score - a.score || a.t.key.localeCompare(b.t.key));
    const keywords: string[] = [];
    const covered = new Set<string>();
    for (const { t } of scored) {
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
