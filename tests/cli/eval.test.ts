import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { toContract } from '../../src/corpus/export.ts';
import { readGold } from '../../src/eval/gold.ts';
import { score } from '../../src/eval/score.ts';
import { bundledIndex } from '../support/bundled-index.ts';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');
const tmp = mkdtempSync(path.join(tmpdir(), 'lectern-eval-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('quality against the gold annotations', () => {
  it('meets the targets on the bundled gold: quote F1 ≥ 0.85, speaker recall ≥ 0.9, event recall ≥ 0.9', async () => {
    const s = score(toContract(await bundledIndex()), await readGold('data/gold'));
    expect(s.quotes.f1).toBeGreaterThanOrEqual(0.85);
    expect(s.speakers.recall).toBeGreaterThanOrEqual(0.9);
    expect(s.events.recall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('npm run eval', { timeout: 60_000 }, () => {
  it('scores the bundled gold from inside the project and says in one line that the development sets are missing', async () => {
    const missing = path.join(tmp, 'no-such-dev');
    const { stdout } = await run(tsx, ['src/cli/eval.ts', '--dev', missing]);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^\| set \| quotes P \/ R \/ F1 \|/);
    expect(lines[2]).toMatch(/^\| bundled \| 0\.\d{3} \/ 1\.000 \/ 0\.\d{3} \| \d+, 39 \| 1\.000 \| 1\.000 \/ 0\.\d{3} \| \d+, 12 \|$/);
    expect(lines.filter((l) => l.startsWith('| ') && !l.startsWith('| set'))).toHaveLength(1);
    expect(lines.at(-1)).toBe(`The development sets (polnear-dev, aquaint) were not scored: ${missing} is not there.`);
  });

  it('scores each development set beside the clone, one row each, and lists the misses with --verbose', async () => {
    // A development folder of the same layout as ../shared/dev, made here so the test needs nothing outside the project.
    const dev = path.join(tmp, 'dev');
    for (const set of ['polnear-dev', 'aquaint']) {
      mkdirSync(path.join(dev, set, 'gold'), { recursive: true });
      cpSync('data/corpus', path.join(dev, set, 'docs'), { recursive: true });
    }
    cpSync('data/gold', path.join(dev, 'polnear-dev', 'gold'), { recursive: true });
    const gold = { document: '2025-09-04-security-guarantees.txt', quotes: [{ speaker: 'Nobody Atall', aliases: [], text: 'words nobody in the article says' }], events: [] };
    writeFileSync(path.join(dev, 'aquaint', 'gold', 'x.json'), JSON.stringify(gold));
    const { stdout } = await run(tsx, ['src/cli/eval.ts', '--dev', dev, '--verbose']);
    const rows = stdout.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| set'));
    expect(rows.map((r) => r.split(' | ')[0])).toEqual(['| bundled', '| polnear-dev', '| aquaint']);
    expect(rows[1]?.slice('| polnear-dev'.length)).toBe(rows[0]?.slice('| bundled'.length));
    expect(rows[2]).toMatch(/^\| aquaint \| 0\.000 \/ 0\.000 \/ 0\.000 \| \d+, 1 \|/);
    expect(stdout).toContain('aquaint: 2025-09-04-security-guarantees.txt: quote missed: Nobody Atall: words nobody in the article says');
    expect(stdout).not.toContain('not scored');
  });

  it('names a gold folder that does not exist instead of a stack trace', async () => {
    const error = (await run(tsx, ['src/cli/eval.ts', '--gold', path.join(tmp, 'nope'), '--dev', tmp]).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(2);
    expect(error.stderr.trim()).toBe(`eval: bundled: ${path.join(tmp, 'nope')} does not exist`);
  });
});
