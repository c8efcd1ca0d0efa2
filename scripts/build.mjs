// npm run build: the TypeScript compiled to dist/, one file per command (esbuild bundles our code and the small
// pure-JS libraries it uses), so a start loads a few files instead of hundreds. Plain JavaScript, so that it runs
// before anything is compiled.
import { copyFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(ROOT, 'dist');
/** Touched after every build: the launcher compares the sources' times with it. */
export const STAMP = path.join(DIST, '.built');
/** What the build reads: a change to any of these makes dist/ stale. */
export const INPUTS = ['src', 'bench', 'scripts', 'package.json', 'package-lock.json'];

/** The commands, each one file of dist/ named after its entry (dist/ask.js, dist/index.js…). */
export const ENTRIES = {
  index: 'src/index.ts',
  'shard-manager': 'src/shard-manager.ts',
  ask: 'src/cli/ask.ts',
  export: 'src/cli/export.ts',
  eval: 'src/cli/eval.ts',
  'build-index': 'src/cli/build-index.ts',
  train: 'src/cli/train.ts',
  'deploy-commands': 'src/cli/deploy-commands.ts',
  bench: 'bench/run.ts',
  'bench-cold-start': 'bench/cold-start.ts',
  'generate-corpus': 'bench/generate-corpus-cli.ts',
  'chrono-alone': 'bench/chrono-alone.ts',
  'analyse-worker': 'src/corpus/index/analyse-worker.ts',
  'engine-version': 'src/corpus/index/engine-version.ts',
};

/**
 * Left to Node's own loader: native code (sqlite3), packages that find files of their own at run time (pdf.js and
 * its worker, pino's transports, wink's model data, resvg's native binary), and the large ones loaded only on some paths (discord.js, Vega).
 */
const EXTERNAL = ['sqlite3', 'discord.js', '@discordjs/*', 'discord-api-types', 'pino', 'pino-*', 'thread-stream', 'pdfjs-dist', 'wink-nlp', 'wink-eng-lite-web-model', 'mammoth', 'keyv', '@keyv/*', 'ws', 'canvas', 'tsx', 'vitest', 'esbuild', '@resvg/*', 'vega', 'vega-lite'];

/** Everything the build read, newest first: 0 when none is there. */
export function newestInput() {
  let newest = 0;
  const visit = (p) => {
    let info;
    try {
      info = statSync(p);
    } catch {
      return;
    }
    if (info.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'results') visit(path.join(p, name));
    } else newest = Math.max(newest, info.mtimeMs);
  };
  for (const input of INPUTS) visit(path.join(ROOT, input));
  return newest;
}

export function isStale() {
  try {
    return statSync(STAMP).mtimeMs < newestInput();
  } catch {
    return true;
  }
}

/**
 * Compiles into `outDir` (dist/; the tests build elsewhere, so as not to pull dist/ from under a running command).
 * `extraEntries` adds programs of the tests' own (the soak's bot process) to the same build.
 */
export async function build(outDir = DIST, extraEntries = {}) {
  const { build: esbuild } = await import('esbuild');
  rmSync(outDir, { recursive: true, force: true });
  await esbuild({
    absWorkingDir: ROOT,
    entryPoints: { ...ENTRIES, ...extraEntries },
    outdir: outDir,
    // Every file in one folder, so `import.meta.url` names the same folder in every chunk (the model, the worker).
    entryNames: '[name]',
    chunkNames: 'chunks-[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // Bundled CommonJS libraries call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __lecternRequire } from 'node:module'; const require = __lecternRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  copyFileSync(path.join(ROOT, 'src/corpus/attribution/attribution.model'), path.join(outDir, 'attribution.model'));
  // The engine's version is the hash of its TypeScript; the compiled code has none to hash, so it is written here.
  const { engineSourceHash, SOURCE_HASH_FILE } = await import(pathToFileURL(path.join(outDir, 'engine-version.js')).href);
  writeFileSync(path.join(outDir, SOURCE_HASH_FILE), `${engineSourceHash(path.join(ROOT, 'src/corpus'))}\n`);
  writeFileSync(path.join(outDir, path.basename(STAMP)), `${new Date().toISOString()}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await build();
  process.stderr.write(`Built dist/ in ${Math.round(performance.now() - started)} ms.\n`);
}
