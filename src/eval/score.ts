// Scores an export against gold annotations, as shared/CONTRACT.md describes the comparison.
import type { ContractExport } from '../corpus/export.ts';
import { parseIsoDate, within } from '../corpus/events/calendar.ts';

export interface GoldQuote {
  speaker: string;
  aliases: string[];
  text: string;
  kind: string;
  line: number;
}
export interface GoldEvent {
  date: string;
  expression?: string;
  evidence: string;
  line: number;
}
export interface GoldDocument {
  document: string;
  quotes: GoldQuote[];
  events: GoldEvent[];
  speakers: string[];
}

export interface Scores {
  quotes: { gold: number; exported: number; matched: number; precision: number; recall: number; f1: number };
  speakers: { gold: number; found: number; recall: number };
  events: { gold: number; found: number; recall: number };
  missedQuotes: GoldQuote[];
  extraQuotes: Array<{ speaker: string; text: string; line: number }>;
  missedSpeakers: string[];
  missedEvents: GoldEvent[];
}

const tokens = (s: string): string[] => (s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').match(/[\p{L}\d]+/gu) ?? []);
const norm = (s: string): string => tokens(s).join(' ');
const surname = (s: string): string => tokens(s).pop() ?? '';

/** Share of `gold`'s words that `candidate` contains (as a bag of words). */
export function coverage(candidate: string, gold: string): number {
  const bag = new Map<string, number>();
  for (const t of tokens(candidate)) bag.set(t, (bag.get(t) ?? 0) + 1);
  const want = tokens(gold);
  if (!want.length) return 0;
  let hit = 0;
  for (const t of want) {
    const n = bag.get(t) ?? 0;
    if (n > 0) {
      hit++;
      bag.set(t, n - 1);
    }
  }
  return hit / want.length;
}

/** Same speaker: the name, one of the gold aliases, or the surname. */
export function sameSpeaker(exported: { speaker: string; aliases: string[] }, gold: { speaker: string; aliases: string[] }): boolean {
  const goldNames = new Set([gold.speaker, ...gold.aliases].map(norm));
  const names = [exported.speaker, ...exported.aliases].map(norm);
  if (names.some((n) => goldNames.has(n))) return true;
  return surname(exported.speaker) === surname(gold.speaker) && surname(gold.speaker).length > 2;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function score(exported: ContractExport, gold: GoldDocument[]): Scores {
  const missedQuotes: GoldQuote[] = [];
  const missedEvents: GoldEvent[] = [];
  const missedSpeakers: string[] = [];
  const extraQuotes: Scores['extraQuotes'] = [];
  let goldQuotes = 0;
  let exportedQuotes = 0;
  let matched = 0;
  let goldSpeakers = 0;
  let foundSpeakers = 0;
  let goldEvents = 0;
  let foundEvents = 0;

  for (const g of gold) {
    const doc = exported.documents.find((d) => d.file === g.document);
    const quotes = doc?.quotes ?? [];
    exportedQuotes += quotes.length;
    goldQuotes += g.quotes.length;
    const used = new Set<number>();
    for (const gq of g.quotes) {
      // One exported quote answers one gold quote; the nearest line wins among candidates.
      const candidates = quotes
        .map((q, i) => ({ q, i }))
        .filter(({ q, i }) => !used.has(i) && sameSpeaker(q, gq) && coverage(q.text, gq.text) >= 0.5)
        .sort((a, b) => Math.abs(a.q.line - gq.line) - Math.abs(b.q.line - gq.line));
      const best = candidates[0];
      if (best) {
        used.add(best.i);
        matched++;
      } else missedQuotes.push(gq);
    }
    quotes.forEach((q, i) => {
      if (!used.has(i)) extraQuotes.push({ speaker: q.speaker, text: q.text, line: q.line });
    });

    goldSpeakers += g.speakers.length;
    for (const name of g.speakers) {
      const aliases = g.quotes.filter((q) => q.speaker === name).flatMap((q) => q.aliases);
      if (quotes.some((q) => sameSpeaker(q, { speaker: name, aliases }))) foundSpeakers++;
      else missedSpeakers.push(name);
    }

    goldEvents += g.events.length;
    for (const ge of g.events) {
      const goldDate = parseIsoDate(ge.date);
      const hit = (doc?.events ?? []).some((e) => {
        const d = parseIsoDate(e.date);
        return !!d && !!goldDate && within(d, goldDate) && coverage(e.text, ge.evidence) >= 0.5;
      });
      if (hit) foundEvents++;
      else missedEvents.push(ge);
    }
  }
  const precision = ratio(matched, exportedQuotes);
  const recall = ratio(matched, goldQuotes);
  return {
    quotes: { gold: goldQuotes, exported: exportedQuotes, matched, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 },
    speakers: { gold: goldSpeakers, found: foundSpeakers, recall: ratio(foundSpeakers, goldSpeakers) },
    events: { gold: goldEvents, found: foundEvents, recall: ratio(foundEvents, goldEvents) },
    missedQuotes,
    extraQuotes,
    missedSpeakers,
    missedEvents,
  };
}
