// The console's answer to `/timeline picture:true`: the PNG written to a file, its path printed.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { startConsole } from '../../src/console/repl.ts';
import { runLine } from '../../src/console/run-line.ts';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { bundledIndex } from '../support/bundled-index.ts';

describe('pictures in the console', { timeout: 30_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-pictures-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the timeline PNG to a file of its own and prints its path', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (c: Buffer) => (printed += c.toString('utf8')));
    process.env.PICTURES_DIR = dir;
    try {
      const done = startConsole({ query: new CorpusQuery(await bundledIndex()) }, input, output);
      input.end('/timeline picture:true\n/timeline picture:true document:security\n/quit\n');
      await done;
    } finally {
      delete process.env.PICTURES_DIR;
    }
    const paths = [...printed.matchAll(/^Picture: (.+\.png)$/gm)].map((m) => m[1] as string);
    expect(paths).toHaveLength(2);
    expect(new Set(paths).size).toBe(2);
    for (const file of paths) {
      expect(path.dirname(file)).toBe(dir);
      expect(existsSync(file)).toBe(true);
      const png = PNG.sync.read(readFileSync(file));
      expect(png.width).toBeGreaterThanOrEqual(800);
    }
    expect(printed).toContain('14 dated events. One document.');
  });

  it('refuses a `picture` that is not true or false, writing nothing', async () => {
    const reply = await runLine({ query: new CorpusQuery(await bundledIndex()) }, '/timeline picture:yes');
    expect(reply.kind).toBe('invalid');
    expect(reply.intro).toBe('`picture` must be true or false.');
    expect(reply.picture).toBeUndefined();
  });
});
