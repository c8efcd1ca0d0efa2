// Lectern's dates beside chrono-node alone, on the same documents: throughput of the date step, and recall and
// precision against TimeML gold (../shared/dev/aquaint) with the reference scorer's matching (src/eval/score.ts).
import { readFile } from 'node:fs/promises';
import * as chrono from 'chrono-node';
import type { ContractExport } from '../../src/corpus/export.ts';
import { extractEvents } from '../../src/corpus/events/extract-events.ts';
import { findDocuments } from '../../src/corpus/load/find-documents.ts';
import { loadFile } from '../../src/corpus/load/load-file.ts';
import { lineAt } from '../../src/corpus/load/paragraphs.ts';
import { detectBlocks } from '../../src/corpus/quotes/blocks.ts';
import { splitSentences } from '../../src/corpus/text/sentences.ts';
import type { LoadedDocument } from '../../src/corpus/types.ts';
import { readGold } from '../../src/eval/gold.ts';
import { score } from '../../src/eval/score.ts';

export interface DateEngineFigures {
  engine: string;
  /** Milliseconds of the date step alone over every document (loading excluded), best of three. */
  ms: number;
  mbPerSecond: number;
  events: number;
  /** Against the gold, when there is one. */
  recall: number | null;
  precision: number | null;
}

const PROSE = new Set(['text', 'blockquote']);
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * chrono-node as a user would call it: casual English on each paragraph, counted from the publication date, each
 * result dated as finely as chrono knows it (a day, else a month, else a year).
 */
function chronoEvents(doc: LoadedDocument): ContractExport['documents'][number]['events'] {
  const ref = doc.published ? new Date(`${doc.published}T12:00:00Z`) : new Date();
  const out: ContractExport['documents'][number]['events'] = [];
  for (const p of doc.paragraphs) {
    if (!PROSE.has(p.kind)) continue;
    for (const r of chrono.parse(p.text, ref)) {
      const c = r.start;
      const y = c.get('year');
      const m = c.get('month');
      const d = c.get('day');
      if (y === null) continue;
      // A day when the text names one: a date, a weekday, or a word counted from today ("yesterday", which gives
      // no month or year of its own); else a month, else a year.
      const day = c.isCertain('day') || c.isCertain('weekday') || (!c.isCertain('month') && !c.isCertain('year'));
      const date = day && m !== null && d !== null ? `${y}-${pad(m)}-${pad(d)}` : c.isCertain('month') && m !== null ? `${y}-${pad(m)}` : String(y);
      out.push({ date, text: p.text, expression: r.text, line: lineAt(p, r.index) });
    }
  }
  return out;
}

function lecternEvents(doc: LoadedDocument): ContractExport['documents'][number]['events'] {
  // What analyseDocument gives the date step: the blocks and each prose paragraph's sentences.
  const blocks = detectBlocks(doc.paragraphs);
  const spans = doc.paragraphs.map((p) => (PROSE.has(p.kind) ? splitSentences(p.text) : []));
  return extractEvents(doc, spans, blocks).map((e) => ({ date: e.date, text: e.text, expression: e.expression, line: e.line }));
}

const bestOf = <T>(runs: number, f: () => T): { ms: number; value: T } => {
  let best = Infinity;
  let value = f();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = f();
    best = Math.min(best, performance.now() - t);
  }
  return { ms: best, value };
};

/** Both engines over the documents of `docsDir`, scored against `goldDir` when it is given. */
export async function compareDates(docsDir: string, goldDir: string | null): Promise<DateEngineFigures[]> {
  const files = await findDocuments([docsDir]);
  const docs: LoadedDocument[] = [];
  let bytes = 0;
  for (const f of files) {
    const doc = await loadFile(f.path, f.id, () => undefined);
    if (!doc) continue;
    docs.push(doc);
    bytes += (await readFile(f.path)).length;
  }
  const gold = goldDir ? await readGold(goldDir) : null;
  const engines: Array<[string, (d: LoadedDocument) => ContractExport['documents'][number]['events']]> = [
    ['Lectern (news configuration of chrono-node, direction from the sentence, not-events)', lecternEvents],
    ['chrono-node alone (casual English, per paragraph, from the publication date)', chronoEvents],
  ];
  return engines.map(([engine, f]) => {
    // After one warm-up pass, the best of three: the machine is shared.
    const { ms, value } = bestOf(3, () => docs.map(f));
    const exported: ContractExport = { documents: docs.map((d, i) => ({ file: d.file, title: d.title, published: d.published, quotes: [], events: value[i] ?? [], sections: [] })) };
    const s = gold ? score(exported, gold) : null;
    return { engine, ms, mbPerSecond: bytes / 1024 / 1024 / (ms / 1000), events: value.reduce((n, e) => n + e.length, 0), recall: s ? s.events.recall : null, precision: s ? s.events.precision : null };
  });
}
