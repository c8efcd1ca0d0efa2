// Realistic questions, drawn (deterministically) from the corpus itself: speakers, dates, sections and words
// are picked from the built index, so the same workload fits a generated corpus and a folder of real news.

import type { Options } from '../src/commands/command.ts';
import type { CorpusIndex } from '../src/corpus/index/types.ts';
import { mulberry32 } from './generate-corpus.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface Workload {
  quote: Options[];
  event: Options[];
  summary: Options[];
  search: Options[];
  timeline: Options[];
  speakerPrefixes: string[];
  sectionPrefixes: string[];
}

function typo(word: string, r: () => number): string {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(r() * (word.length - 2));
  return word.slice(0, i) + word.slice(i + 1);
}

export function workload(index: CorpusIndex, seed: number, n = 200): Workload {
  const r = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const quoted = index.speakers.filter((s) => s.quoteCount > 0);
  const docs = index.documents;
  const events = docs.flatMap((d) => d.events);
  const sections = docs.flatMap((d) => d.sections.map((s) => ({ d, s })));
  const sentences = () => {
    const d = pick(docs);
    return pick(d.sentences)?.text ?? 'the government';
  };
  const wordsOf = (text: string) => text.split(/[^\p{L}\d']+/u).filter((w) => w.length > 3);
  const w: Workload = { quote: [], event: [], summary: [], search: [], timeline: [], speakerPrefixes: [], sectionPrefixes: [] };
  for (let i = 0; i < n; i++) {
    // /quote: mostly the name as people type it; some aliases; some surnames or typos (the "did you mean" path).
    const s = pick(quoted);
    const x = r();
    const speaker = x < 0.6 ? s.name : x < 0.8 ? (pick(s.aliases.length ? s.aliases : [s.name]) ?? s.name) : typo(s.name.split(' ').pop() ?? s.name, r);
    w.quote.push({ speaker: speaker.slice(0, 100), ...(r() < 0.1 ? { kind: 'direct' } : {}) });

    // /event: the date forms users type, from the dates the corpus has.
    const e = pick(events);
    const [y, m, d] = (e?.date ?? '2020-01-01').split('-').map(Number) as [number, number?, number?];
    const f = r();
    let date: string;
    if (m && d) date = f < 0.4 ? `${MONTHS[m - 1]}-${d}` : f < 0.7 ? (e?.date ?? '') : f < 0.9 ? `${MONTHS_LONG[m - 1]} ${d} ${y}` : `${MONTHS[m - 1]} 1 - ${MONTHS[m - 1]} ${Math.min(28, d + 10)}`;
    else if (m) date = `${MONTHS_LONG[m - 1]} ${y}`;
    else date = String(y);
    w.event.push({ date });

    // /summary: a label (as picked from autocomplete or typed), a keyword, or a few words from the section.
    const sec = pick(sections);
    const g = r();
    const section = !sec ? 'energy' : g < 0.3 ? `${sec.d.id}#${sec.d.sections.indexOf(sec.s)}` : g < 0.55 ? sec.s.label : g < 0.75 ? (sec.s.keywords[0] ?? sec.s.label) : wordsOf(sentences()).slice(0, 2).join(' ') || 'budget';
    w.summary.push({ section: section.slice(0, 100), length: pick(['short', 'medium', 'long']) });

    // /search: two words from a sentence, sometimes misspelt or unfinished.
    const words = wordsOf(sentences());
    const a = pick(words) ?? 'government';
    const b = pick(words) ?? 'budget';
    const h = r();
    w.search.push({ query: h < 0.5 ? `${a} ${b}` : h < 0.8 ? `${typo(a, r)} ${b}` : a.slice(0, Math.max(3, a.length - 2)) });

    // /timeline: one month of one year (a year of events would be a long, paged reply).
    const t = pick(events.filter((ev) => ev.date.length >= 7).slice(0, 5000)) ?? events[0];
    const [ty, tm] = (t?.date ?? '2020-01').split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
    w.timeline.push({ from: `${ty}-${String(tm).padStart(2, '0')}-01`, to: `${ty}-${String(tm).padStart(2, '0')}-${last}` });

    // Autocomplete: what Discord sends as someone types, keystroke by keystroke: "", "h", "ha", "hal"…
    const name = pick(quoted)?.name ?? '';
    const sname = r() < 0.5 ? name : (name.split(' ').pop() ?? name);
    w.speakerPrefixes.push(sname.slice(0, Math.floor(r() * 5)));
    const label = pick(sections)?.s.label ?? '';
    w.sectionPrefixes.push(label.slice(0, Math.floor(r() * 5)));
  }
  return w;
}
