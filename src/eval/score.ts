// Scores an export against gold annotations with the rules of the reference scorer (shared/tools/score.mjs),
// ported rule for rule so that `npm run eval` gives its figures in a clone without ../shared.
import path from 'node:path';
import type { ContractExport } from '../corpus/export.ts';
import type { GoldDocument, GoldEvent, GoldQuote } from './gold.ts';

type ExportedDocument = ContractExport['documents'][number];
type ExportedQuote = ExportedDocument['quotes'][number];
type ExportedEvent = ExportedDocument['events'][number];

export interface Scores {
  quotes: { predicted: number; correct: number; gold: number; found: number; precision: number; recall: number; f1: number };
  speakers: { gold: number; found: number; recall: number };
  events: { predicted: number; correct: number; gold: number; found: number; recall: number; precision: number };
  /** Every miss, worded as the reference scorer's SCORE_VERBOSE lists them. */
  misses: string[];
}

// Accents are dropped and only ASCII letters and digits count, as in the reference.
const normalise = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const tokens = (s: string): string[] => normalise(s).match(/[a-z0-9]+/g) ?? [];
/** Words that say nothing about who someone is: "President Stubb" names Stubb. */
const STOP = new Set(['the', 'a', 'an', 'of', 'mr', 'ms', 'mrs', 'president', 'minister', 'prime', 'foreign', 'former', 's']);
const nameKeys = (s: string) => tokens(s).filter((t) => !STOP.has(t));

/**
 * A predicted speaker names the gold one when its name words equal one of the gold names' (the speaker or an
 * alias), or it contains that name's last word and either side is a single word or both end with it.
 */
export function speakerMatches(predicted: string, gold: { speaker: string; aliases: string[] }): boolean {
  const p = nameKeys(predicted);
  if (p.length === 0) return false;
  return [gold.speaker, ...gold.aliases].some((name) => {
    const g = nameKeys(name);
    const last = g[g.length - 1];
    if (last === undefined) return false;
    return p.join(' ') === g.join(' ') || (p.includes(last) && (p.length === 1 || g.length === 1 || p[p.length - 1] === last));
  });
}

/** Share of `a`'s words (counted with repeats) that occur anywhere in `b`. */
export function coverage(a: string, b: string): number {
  const want = tokens(a);
  if (want.length === 0) return 0;
  const have = new Set(tokens(b));
  return want.filter((t) => have.has(t)).length / want.length;
}

const flat = (s: string) => tokens(s).join(' ');
/** The same date, or a finer one inside it (2025-08-29 is inside 2025-08). */
const dateWithin = (predicted: string, gold: string) => predicted === gold || predicted.startsWith(`${gold}-`);

function eventMatches(p: ExportedEvent, g: GoldEvent): boolean {
  if (!dateWithin(p.date, g.date)) return false;
  if (g.mode === 'expression') {
    const expression = flat(g.expression ?? '');
    return ` ${flat(p.text)} `.includes(` ${expression} `) || flat(p.expression) === expression;
  }
  return coverage(g.evidence, p.text) >= 0.5;
}

const isNamed = (g: GoldQuote) => g.named !== false;

/** Whether a predicted quote is right, wrong, or overlaps only gold quotes with no named source (not scored). */
function judgeQuote(p: ExportedQuote, gold: GoldQuote[]): 'right' | 'wrong' | 'unscored' {
  const overlapping = gold.filter((g) => coverage(p.text, g.text) >= 0.5 || coverage(g.text, p.text) >= 0.5);
  const bySpeaker = gold.filter((g) => isNamed(g) && speakerMatches(p.speaker, g));
  // Right when it overlaps a quote of its speaker, or when most of it is made of that speaker's quotes
  // (one prediction spanning several gold quotes of one person).
  const right = overlapping.some((g) => bySpeaker.includes(g)) || coverage(p.text, bySpeaker.map((g) => g.text).join(' ')) >= 0.6;
  if (right) return 'right';
  return overlapping.length > 0 && overlapping.every((g) => !isNamed(g)) ? 'unscored' : 'wrong';
}

const ratio = (a: number, b: number) => (b ? a / b : 0);

export function score(exported: ContractExport, gold: GoldDocument[]): Scores {
  // Later documents of the same base name replace earlier ones, as a Map built from the list does in the reference.
  const byName = new Map(exported.documents.map((d) => [path.basename(d.file), d]));
  const t = { gq: 0, gqHit: 0, pq: 0, pqOk: 0, ge: 0, geHit: 0, pe: 0, peOk: 0, gs: 0, gsHit: 0 };
  const misses: string[] = [];
  // Gold in the order given (readGold: file name order, as the reference reads its folder).
  for (const g of gold) {
    const name = g.document;
    const doc = byName.get(name);
    const quotes = doc?.quotes ?? [];
    const events = doc?.events ?? [];

    // Quote recall: gold quotes with a named source and a speech cue.
    for (const gq of g.quotes.filter((q) => isNamed(q) && q.speech !== false)) {
      t.gq++;
      if (quotes.some((p) => speakerMatches(p.speaker, gq) && coverage(gq.text, p.text) >= 0.5)) t.gqHit++;
      else misses.push(`${name}: quote missed: ${gq.speaker}: ${gq.text.slice(0, 70)}`);
    }
    for (const p of quotes) {
      const verdict = judgeQuote(p, g.quotes);
      if (verdict === 'unscored') continue;
      t.pq++;
      if (verdict === 'right') t.pqOk++;
      else misses.push(`${name}: quote wrong: ${p.speaker}: ${p.text.slice(0, 70)}`);
    }

    for (const s of g.speakers) {
      t.gs++;
      const known = g.quotes.find((q) => q.speaker === s) ?? { speaker: s, aliases: [] };
      if (quotes.some((p) => speakerMatches(p.speaker, known))) t.gsHit++;
      else misses.push(`${name}: speaker missed: ${s}`);
    }

    const scored = g.events.filter((e) => e.scored !== false);
    for (const ge of scored) {
      t.ge++;
      if (events.some((p) => eventMatches(p, ge))) t.geHit++;
      else misses.push(`${name}: event missed: ${ge.date}: ${ge.evidence.slice(0, 70)}`);
    }
    for (const p of events) {
      if (scored.some((ge) => eventMatches(p, ge))) {
        t.pe++;
        t.peOk++;
        continue;
      }
      if (g.events.some((ge) => ge.scored === false && eventMatches(p, ge))) continue;
      t.pe++;
      misses.push(`${name}: event wrong: ${p.date}: ${p.expression} | ${p.text.slice(0, 60)}`);
    }
  }
  const precision = ratio(t.pqOk, t.pq);
  const recall = ratio(t.gqHit, t.gq);
  return {
    quotes: { predicted: t.pq, correct: t.pqOk, gold: t.gq, found: t.gqHit, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 },
    speakers: { gold: t.gs, found: t.gsHit, recall: ratio(t.gsHit, t.gs) },
    events: { predicted: t.pe, correct: t.peOk, gold: t.ge, found: t.geHit, recall: ratio(t.geHit, t.ge), precision: ratio(t.peOk, t.pe) },
    misses,
  };
}

const fixed = (x: number) => x.toFixed(3);

/** The reference scorer's one line of figures, character for character. */
export function scoreLine(s: Scores): string {
  return `quotes P=${fixed(s.quotes.precision)} R=${fixed(s.quotes.recall)} F1=${fixed(s.quotes.f1)} (${s.quotes.predicted} predicted, ${s.quotes.gold} gold); speakers R=${fixed(s.speakers.recall)}; events R=${fixed(s.events.recall)} P~${fixed(s.events.precision)} (${s.events.predicted} predicted, ${s.events.gold} gold)`;
}

export const TABLE_HEAD = ['| set | quotes P / R / F1 | quotes predicted, gold | speaker R | events R / P~ | events predicted, gold |', '|---|---|---|---|---|---|'];

/** One row of the `npm run eval` table. */
export function scoreRow(set: string, s: Scores): string {
  const q = s.quotes;
  const e = s.events;
  return `| ${set} | ${fixed(q.precision)} / ${fixed(q.recall)} / ${fixed(q.f1)} | ${q.predicted}, ${q.gold} | ${fixed(s.speakers.recall)} | ${fixed(e.recall)} / ${fixed(e.precision)} | ${e.predicted}, ${e.gold} |`;
}
