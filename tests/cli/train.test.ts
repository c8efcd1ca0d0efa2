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

  it('says in one line that the training data is missing, and keeps the committed model', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lectern-train-none-'));
    const error = await run(tsx, ['src/cli/train.ts', '--data', dir, '--out', path.join(dir, 'x.model')]).catch((e: unknown) => e as { code: number; stderr: string });
    expect(error).toMatchObject({ code: 2 });
    expect((error as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);
    expect((error as { stderr: string }).stderr).toContain('No training data');
  });
});
