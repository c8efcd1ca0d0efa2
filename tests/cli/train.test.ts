// `npm run train` as a person runs it, on a folder in PolNeAR's layout written by the test.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { decodeModel } from '../../src/corpus/attribution/model-file.ts';
import { annotated, TRAINING_ARTICLES } from '../corpus/attribution/annotate.ts';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');

function trainingFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-train-'));
  mkdirSync(path.join(dir, 'docs'));
  mkdirSync(path.join(dir, 'gold'));
  TRAINING_ARTICLES.forEach((markup, i) => {
    const { raw, attributions } = annotated(markup);
    writeFileSync(path.join(dir, 'docs', `article-${i}.txt`), raw);
    writeFileSync(path.join(dir, 'gold', `article-${i}.json`), JSON.stringify({ document: `article-${i}.txt`, quotes: attributions }));
  });
  return dir;
}

describe('npm run train', { timeout: 60_000 }, () => {
  it('writes a model the engine reads, and the same bytes every time', async () => {
    const dir = trainingFolder();
    const a = path.join(dir, 'a.model');
    const b = path.join(dir, 'b.model');
    const { stdout } = await run(tsx, ['src/cli/train.ts', '--data', dir, '--out', a]);
    expect(stdout).toContain('Training on 4 documents');
    expect(stdout).toMatch(/Wrote .*a\.model/);
    await run(tsx, ['src/cli/train.ts', '--data', dir, '--out', b]);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    expect(decodeModel(readFileSync(a)).cues.has('said')).toBe(true);
  });

  it('writes the model into the sources of the project it is run in, where the next build takes it from', async () => {
    const dir = trainingFolder();
    const project = mkdtempSync(path.join(tmpdir(), 'lectern-train-project-'));
    mkdirSync(path.join(project, 'src/corpus/attribution'), { recursive: true });
    await run(tsx, [path.resolve('src/cli/train.ts'), '--data', dir], { cwd: project });
    expect(decodeModel(readFileSync(path.join(project, 'src/corpus/attribution/attribution.model'))).beam).toBe(4);
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'lectern-train-elsewhere-'));
    const error = await run(tsx, [path.resolve('src/cli/train.ts'), '--data', dir], { cwd: elsewhere }).catch((e: unknown) => e as { code: number; stderr: string });
    expect(error).toMatchObject({ code: 2 });
    expect((error as { stderr: string }).stderr).toContain("run `npm run train` in the project's folder, or name the model file with --out FILE");
  });

  it('trains with the seed, epochs and beam it is given, and refuses one that is not a whole number', async () => {
    const dir = trainingFolder();
    const greedy = path.join(dir, 'greedy.model');
    const reseeded = path.join(dir, 'reseeded.model');
    await run(tsx, ['src/cli/train.ts', '--data', dir, '--out', greedy, '--beam', '1', '--epochs', '3']);
    expect(decodeModel(readFileSync(greedy)).beam).toBeUndefined();
    await run(tsx, ['src/cli/train.ts', '--data', dir, '--out', reseeded, '--beam', '1', '--epochs', '3', '--seed', '9']);
    expect(readFileSync(greedy).equals(readFileSync(reseeded))).toBe(false);
    const error = await run(tsx, ['src/cli/train.ts', '--data', dir, '--out', path.join(dir, 'x.model'), '--beam', 'wide']).catch((e: unknown) => e as { code: number; stderr: string });
    expect(error).toMatchObject({ code: 2 });
    expect((error as { stderr: string }).stderr).toContain('--beam takes a whole number of at least 1 (got wide)');
  });

  it('says in one line that the training data is missing, and keeps the committed model', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lectern-train-none-'));
    const error = await run(tsx, ['src/cli/train.ts', '--data', dir, '--out', path.join(dir, 'x.model')]).catch((e: unknown) => e as { code: number; stderr: string });
    expect(error).toMatchObject({ code: 2 });
    expect((error as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);
    expect((error as { stderr: string }).stderr).toContain('No training data');
  });
});
