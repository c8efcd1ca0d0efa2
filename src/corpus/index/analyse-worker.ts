// One thread of a parallel build: reads and analyses the files it is sent, one at a time, and posts each analysis
// back with the warnings its loading gave (the main thread reports them in file order).
import { parentPort } from 'node:worker_threads';
import { analyseDocument } from '../analyse.ts';
import { loadFile } from '../load/load-file.ts';
import type { AnalysisJob, AnalysisResult } from './analyse-files.ts';

const port = parentPort;
if (!port) throw new Error('analyse-worker runs as a worker thread of analyseFiles');
port.on('message', (job: AnalysisJob) => {
  const warnings: string[] = [];
  loadFile(job.path, job.id, (m) => warnings.push(m))
    .then((doc): AnalysisResult => ({ at: job.at, analysis: doc ? analyseDocument(doc) : null, warnings }))
    .catch((error: unknown): AnalysisResult => ({ at: job.at, error: error instanceof Error ? (error.stack ?? error.message) : String(error), warnings }))
    .then((result) => port.postMessage(result));
});
