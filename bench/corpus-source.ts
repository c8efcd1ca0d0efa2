// Where a benchmark run's documents come from: a corpus generated for the run, or a folder of real documents
// (`--corpus DIR`). Either way the rest of the benchmark sees a folder, how many documents it holds and their
// size in bytes, so every figure is measured the same way on both.

import { stat } from 'node:fs/promises';
import path from 'node:path';
import { findDocuments } from '../src/corpus/load/load-file.ts';
import { generateCorpus } from './generate-corpus.ts';

export interface CorpusSource {
  kind: 'generated' | 'folder';
  /** The table's column and the results file's name: the document count, or the folder as given. */
  label: string;
  /** The folder the documents are in (generated ones: a scratch folder, removed after the run). */
  dir: string;
  documents: number;
  /** Bytes of the document files, as read from disk. */
  bytes: number;
}

export async function generatedSource(workDir: string, size: number, seed: number): Promise<CorpusSource> {
  const dir = path.join(workDir, `corpus-${size}`);
  const generated = await generateCorpus(dir, size, seed);
  return { kind: 'generated', label: String(size), dir, documents: generated.files, bytes: generated.bytes };
}

/** A folder of real documents, or a one-line reason it cannot be benchmarked. */
export async function folderSource(given: string): Promise<CorpusSource | { error: string }> {
  const dir = path.resolve(given);
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) return { error: `--corpus: no folder at ${given}` };
  const files = await findDocuments([dir]);
  if (!files.length) return { error: `--corpus: no documents (.txt, .md or .html) in ${given}` };
  let bytes = 0;
  for (const f of files) bytes += (await stat(f.path)).size;
  return { kind: 'folder', label: given.replace(/\/+$/, ''), dir, documents: files.length, bytes };
}
