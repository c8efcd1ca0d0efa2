import { execFile } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');

// Three short news articles, as a user's folder would hold them: plain text and Markdown, quotes and dates.
const ARTICLES: Record<string, string> = {
  'harbour.txt': [
    'March 3, 2024',
    'Title: Harbour plan approved after long debate',
    'The city council approved the harbour expansion on Tuesday after a debate that lasted six hours.',
    '"This is the most important decision we have taken in a decade," said Mayor Ingrid Halvorsen.',
    'Opposition councillor Tomas Varga said the plan would cost far more than the council admits.',
    'Work is due to start on June 1, 2024, and the first berth should open in 2026.',
  ].join('\n'),
  'grid.md': [
    '---',
    'title: "Grid operator warns of winter shortfall"',
    'date: 2024-02-10',
    '---',
    '',
    '# Grid operator warns of winter shortfall',
    '',
    'The national grid operator warned on February 9 that reserves were the lowest in years.',
    '',
    '"We will need imports on the coldest days," said Elena Okafor, the operator\'s chief engineer.',
    '',
    '## Prices',
    '',
    'Analysts expect bills to rise again in October. "Households should prepare," Okafor added.',
  ].join('\n'),
  'clinic.txt': [
    '2024-01-15',
    'The rural clinic in Brevik reopened on Monday after a year of repairs.',
    '"Patients no longer have to drive two hours," said Dr. Amir Lindqvist, who runs the clinic.',
    'Health Minister Sofia Moreau said on January 14 that three more clinics would reopen by summer.',
  ].join('\n'),
};

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lectern-bench-corpus-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), `${text}\n`);
  return dir;
}

const bench = (...args: string[]) => run(tsx, ['bench/run.ts', ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });

interface Latency {
  runs: number;
  medianMs: number;
  p99Ms: number;
}

describe('npm run bench -- --corpus DIR', () => {
  it('measures every figure on a folder of real documents and records which folder it measured', async () => {
    const dir = await folder(ARTICLES);
    const out = path.join(dir, 'out', 'results.json');
    const { stdout } = await bench('--corpus', dir, '--runs', '5', '--servers', '10', '--cold-starts', '2', '--out', out);
    let bytes = 0;
    for (const name of Object.keys(ARTICLES)) bytes += (await stat(path.join(dir, name))).size;

    const json = JSON.parse(await readFile(out, 'utf8')) as {
      complete: boolean;
      sizes: number[];
      corpus: { path: string; bytes: number; documents: number };
      results: Array<Record<string, unknown> & { corpus: { kind: string; path: string }; documents: number; quotes: number; events: number; build: { mbPerSecond: number; loadMs: number; analyseMs: number; totalMs: number }; cache: { bytes: number }; coldStart: { medianMs: number; runs: number }; latency: Record<string, Latency>; digest: { servers: number; totalMs: number }; serving: { peakRssBytes: number } }>;
      targets: string[];
    };
    expect(json.complete).toBe(true);
    // Only the folder: the generated sizes are not run when --corpus is given alone.
    expect(json.sizes).toEqual([]);
    expect(json.corpus).toEqual({ path: dir, bytes, documents: 3 });
    expect(json.results).toHaveLength(1);
    const r = json.results[0];
    if (!r) throw new Error('no result');
    expect(r.corpus).toMatchObject({ kind: 'folder', path: dir });
    expect(r.documents).toBe(3);
    expect(r.quotes).toBeGreaterThanOrEqual(4);
    expect(r.events).toBeGreaterThanOrEqual(3);
    expect(r.build.loadMs).toBeGreaterThan(0);
    expect(r.build.analyseMs).toBeGreaterThan(0);
    expect(r.build.totalMs).toBeCloseTo(r.build.loadMs + r.build.analyseMs, 6);
    expect(r.build.mbPerSecond).toBeGreaterThan(0);
    expect(r.cache.bytes).toBeGreaterThan(bytes);
    expect(r.coldStart.runs).toBe(2);
    expect(r.coldStart.medianMs).toBeGreaterThan(0);
    expect(r.digest).toMatchObject({ servers: 10 });
    expect(r.serving.peakRssBytes).toBeGreaterThan(0);
    for (const name of ['/quote', '/event', '/summary', '/search', '/timeline', 'autocomplete speaker', 'autocomplete section']) {
      const l = r.latency[name];
      expect(l?.runs, name).toBe(5);
      expect(l?.medianMs, name).toBeGreaterThanOrEqual(0);
      expect(l?.p99Ms, name).toBeGreaterThanOrEqual(l?.medianMs ?? Infinity);
    }
    expect(json.targets.some((t) => t.includes(`build ≥ 1 MB/s on ${dir} (3 real docs)`))).toBe(true);
    expect(stdout).toContain(`| | ${dir} (3 docs) |`);
  }, 120_000);

  it('says in one line that a missing folder is missing, and exits 2', async () => {
    const missing = path.join(tmpdir(), 'lectern-no-such-folder');
    const failed = await bench('--corpus', missing).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toBe(`--corpus: no folder at ${missing}\n`);
  });
});
