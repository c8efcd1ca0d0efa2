import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analyseDocument } from '../analyse.ts';
import type { Warn } from '../load/load-file.ts';
import type { DocumentAnalysis } from '../types.ts';

export interface AnalysisJob {
  /** Position of the file in the corpus order. */
  at: number;
  path: string;
  id: string;
}

export type AnalysisResult = { at: number; warnings: string[] } & ({ analysis: DocumentAnalysis | null } | { error: string });

export interface AnalyseOptions {
  /** Threads that analyse at once (see threadsFor); 1 analyses in this thread, without workers. */
  threads?: number;
  warn: Warn;
  onProgress?: (done: number, total: number) => void;
}

/** A thread's start (loading the engine, the model and wink's data) costs what analysing a few dozen articles does. */
const DOCUMENTS_PER_THREAD = 32;

/**
 * The threads a build of this many files uses: as many as asked (never more than files), or by default one per
 * core, but no more than one per 32 files, so that a small corpus is not slower for starting threads.
 */
export function threadsFor(files: number, requested?: number): number {
  const wanted = requested ?? Math.min(availableParallelism(), Math.ceil(files / DOCUMENTS_PER_THREAD));
  return Math.max(1, Math.min(wanted, files));
}

/**
 * A thread running the compiled worker (dist/analyse-worker.js beside this file); under tsx and vitest, the
 * TypeScript one, which a new thread reads only once tsx's loader is registered in it (a worker's execArgv cannot
 * take `--import`).
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./analyse-worker.js', import.meta.url));
  // tsx's ES module API (index.mjs, beside the CommonJS one that require finds) registers its loader in this thread.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const worker = new URL('./analyse-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(worker)}); });`, { eval: true });
}

/**
 * Every file read and analysed, in the order given, whatever the number of threads: each result goes to its
 * file's place, and warnings and progress are reported in file order, so the output of N threads is the output of
 * one. Files that cannot be read are left out (with their warning).
 */
export async function analyseFiles(files: Array<{ path: string; id: string }>, options: AnalyseOptions): Promise<DocumentAnalysis[]> {
  const threads = threadsFor(files.length, options.threads);
  const results: Array<DocumentAnalysis | null> = new Array<DocumentAnalysis | null>(files.length).fill(null);
  if (threads === 1) {
    const { loadFile } = await import('../load/load-file.ts');
    for (const [i, f] of files.entries()) {
      const doc = await loadFile(f.path, f.id, options.warn);
      results[i] = doc ? analyseDocument(doc) : null;
      options.onProgress?.(i + 1, files.length);
    }
    return results.filter((d): d is DocumentAnalysis => d !== null);
  }

  const workers = Array.from({ length: threads }, startWorker);
  const pendingWarnings: Array<string[] | undefined> = [];
  let reported = 0;
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let done = 0;
      const send = (w: Worker) => {
        if (next < files.length) {
          const f = files[next] as { path: string; id: string };
          w.postMessage({ at: next++, path: f.path, id: f.id } satisfies AnalysisJob);
        }
      };
      for (const w of workers) {
        w.on('message', (r: AnalysisResult) => {
          if ('error' in r) return reject(new Error(`analysing ${files[r.at]?.id}: ${r.error}`));
          results[r.at] = r.analysis;
          pendingWarnings[r.at] = r.warnings;
          // Report what is now complete from the front, in file order.
          while (reported < files.length && pendingWarnings[reported]) {
            for (const m of pendingWarnings[reported] ?? []) options.warn(m);
            pendingWarnings[reported] = undefined;
            reported++;
            options.onProgress?.(reported, files.length);
          }
          if (++done === files.length) resolve();
          else send(w);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (done < files.length) reject(new Error(`an analysis thread stopped (exit code ${code})`));
        });
        send(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.filter((d): d is DocumentAnalysis => d !== null);
}
