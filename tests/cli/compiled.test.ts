// The compiled commands (npm run build → dist/) answer as the TypeScript does, find the model and wink's data from
// there, and key the cache with the same engine version, so a compiled start reuses what a TypeScript one built.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineVersion } from '../../src/corpus/index/engine-version.ts';

const run = promisify(execFile);
// Inside the clone, so that the compiled code finds node_modules as dist/ does.
const out = path.resolve('node_modules/.cache', `lectern-compiled-${process.pid}`);
const cache = mkdtempSync(path.join(tmpdir(), 'lectern-compiled-cache-'));

describe('the compiled commands', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    const { build } = (await import(pathToFileURL(path.resolve('scripts/build.mjs')).href)) as { build: (outDir: string) => Promise<void> };
    await build(out);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('answer a question, building the index with the model found beside the compiled code', async () => {
    const { stdout } = await run(process.execPath, [path.join(out, 'ask.js'), '/quote speaker:Stubb'], { env: { ...process.env, INDEX_CACHE_DIR: cache }, encoding: 'utf8' });
    expect(stdout).toContain('Quotes from Alexander Stubb');
    expect(stdout).toContain('it was the definition of realpolitik');
    // The cache is keyed by the same engine version the TypeScript computes.
    const [file] = readdirSync(cache).filter((f) => f.startsWith('index-'));
    expect(file).toMatch(/^index-[0-9a-f]+\.lectern$/);
    const { stdout: version } = await run(process.execPath, ['--input-type=module', '-e', `import(${JSON.stringify(pathToFileURL(path.join(out, 'engine-version.js')).href)}).then((m) => console.log(m.engineVersion()))`], { encoding: 'utf8' });
    expect(version.trim()).toBe(engineVersion());
  });

  it('draw a timeline picture, with the fonts and the native rasteriser found from the compiled code', async () => {
    const pictures = mkdtempSync(path.join(tmpdir(), 'lectern-compiled-pictures-'));
    const { stdout } = await run(process.execPath, [path.join(out, 'ask.js'), '/timeline picture:true'], { env: { ...process.env, INDEX_CACHE_DIR: cache, PICTURES_DIR: pictures }, encoding: 'utf8' });
    const file = /Picture: (\S+\.png)/.exec(stdout)?.[1] ?? '';
    expect(path.dirname(file)).toBe(pictures);
    expect(readFileSync(file).subarray(1, 4).toString('latin1')).toBe('PNG');
    rmSync(pictures, { recursive: true, force: true });
  });

  it('build the index on two threads, from the compiled worker', async () => {
    const second = path.join(cache, 'harbour.txt');
    writeFileSync(second, 'March 3, 2025\n"We will rebuild the wall," said Mayor Ann Lee.\n');
    const { stdout } = await run(process.execPath, [path.join(out, 'export.js'), 'data/corpus', second, '--threads', '2'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const exported = JSON.parse(stdout) as { documents: Array<{ file: string; quotes: Array<{ speaker: string }> }> };
    expect(exported.documents.map((d) => d.file)).toEqual(['2025-09-04-security-guarantees.txt', 'harbour.txt']);
    expect(exported.documents[0]?.quotes.length).toBeGreaterThan(30);
    expect(exported.documents[1]?.quotes.map((q) => q.speaker)).toEqual(['Ann Lee']);
  });

  it('refuse a --threads that is not a number of threads', async () => {
    const failed = await run(process.execPath, [path.join(out, 'export.js'), 'data/corpus', '--threads', 'many'], { encoding: 'utf8' }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in failed && failed.code).toBe(2);
    expect('stderr' in failed && failed.stderr).toContain('--threads must be a whole number from 1');
  });
});
