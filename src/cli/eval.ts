// npm run eval [-- --verbose] [--threads N] [--gold DIR --corpus DIR] [--dev DIR]: scores the engine's export against gold annotations with
// the reference scorer's rules: the bundled article's gold (data/gold) always, and the development sets of
// ../shared/dev when they are beside the clone.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { toContract } from '../corpus/export.ts';
import { buildFresh } from '../corpus/index/cache.ts';
import { readGold } from '../eval/gold.ts';
import { score, scoreRow, TABLE_HEAD, type Scores } from '../eval/score.ts';
import { projectRoot } from './project-root.ts';
import { threadsOption } from './threads-option.ts';

const threads = threadsOption();
const root = projectRoot();
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return path.resolve(i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback);
};
const verbose = process.argv.includes('--verbose');
const devDir = arg('--dev', path.resolve(root, '../shared/dev'));

interface EvalSet {
  name: string;
  docs: string;
  gold: string;
}
const sets: EvalSet[] = [{ name: 'bundled', docs: arg('--corpus', path.join(root, 'data/corpus')), gold: arg('--gold', path.join(root, 'data/gold')) }];
const devSets = ['polnear-dev', 'aquaint'];
if (existsSync(devDir)) for (const name of devSets) sets.push({ name, docs: path.join(devDir, name, 'docs'), gold: path.join(devDir, name, 'gold') });

async function scoreSet(set: EvalSet): Promise<Scores> {
  for (const dir of [set.docs, set.gold]) if (!existsSync(dir)) throw new Error(`${set.name}: ${dir} does not exist`);
  const gold = await readGold(set.gold);
  const index = await buildFresh([set.docs], (m) => process.stderr.write(`${m}\n`), threads);
  return score(toContract(index), gold);
}

try {
  const rows: string[] = [];
  const misses: string[] = [];
  for (const set of sets) {
    const s = await scoreSet(set);
    rows.push(scoreRow(set.name, s));
    misses.push(...s.misses.map((m) => `${set.name}: ${m}`));
  }
  console.log([...TABLE_HEAD, ...rows].join('\n'));
  if (!existsSync(devDir)) console.log(`\nThe development sets (${devSets.join(', ')}) were not scored: ${devDir} is not there.`);
  if (verbose) console.log(misses.length ? `\n${misses.join('\n')}` : '\nNo misses.');
} catch (error) {
  process.stderr.write(`eval: ${(error as Error).message}\n`);
  process.exit(2);
}
