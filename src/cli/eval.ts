// npm run eval [-- --gold <dir>] [--corpus <dir>]: scores the export of the corpus against the gold annotations.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { toContract } from '../corpus/export.ts';
import { buildFresh } from '../corpus/index/cache.ts';
import { score, type GoldDocument } from '../eval/score.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const goldDir = arg('--gold', path.resolve('../shared/gold'));
const corpusDir = arg('--corpus', 'data/corpus');
const verbose = process.argv.includes('--verbose');

const gold: GoldDocument[] = [];
for (const name of (await readdir(goldDir)).filter((n) => n.endsWith('.json')).sort()) {
  gold.push(JSON.parse(await readFile(path.join(goldDir, name), 'utf8')) as GoldDocument);
}
const exported = toContract(await buildFresh([corpusDir], (m) => process.stderr.write(`${m}\n`)));
const s = score(exported, gold);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

console.log(`Gold: ${gold.length} document(s) in ${goldDir}`);
console.log('');
console.log('| measure | value | counts |');
console.log('|---|---|---|');
console.log(`| quote precision | ${pct(s.quotes.precision)} | ${s.quotes.matched} of ${s.quotes.exported} exported |`);
console.log(`| quote recall | ${pct(s.quotes.recall)} | ${s.quotes.matched} of ${s.quotes.gold} gold |`);
console.log(`| quote F1 | ${s.quotes.f1.toFixed(3)} | |`);
console.log(`| speaker recall | ${pct(s.speakers.recall)} | ${s.speakers.found} of ${s.speakers.gold} |`);
console.log(`| event recall | ${pct(s.events.recall)} | ${s.events.found} of ${s.events.gold} |`);
if (verbose || s.missedQuotes.length + s.missedEvents.length + s.missedSpeakers.length + s.extraQuotes.length <= 12) {
  for (const q of s.missedQuotes) console.log(`missed quote  line ${q.line}  ${q.speaker}: ${q.text.slice(0, 70)}`);
  for (const q of s.extraQuotes) console.log(`extra quote   line ${q.line}  ${q.speaker}: ${q.text.slice(0, 70)}`);
  for (const n of s.missedSpeakers) console.log(`missed speaker ${n}`);
  for (const e of s.missedEvents) console.log(`missed event  line ${e.line}  ${e.date}: ${e.evidence.slice(0, 70)}`);
}
