// node dist/chrono-alone.js <folder>: chrono-node alone reading the same files as an index build, the baseline of
// the whole-process comparison: find the documents, read each one, parse its whole text for dates. Prints one line.
import { readFile } from 'node:fs/promises';
import * as chrono from 'chrono-node';
import { findDocuments } from '../src/corpus/load/find-documents.ts';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('Usage: chrono-alone <folder>\n');
  process.exit(2);
}
let dates = 0;
let bytes = 0;
for (const f of await findDocuments([dir])) {
  const text = await readFile(f.path, 'utf8');
  bytes += Buffer.byteLength(text);
  dates += chrono.parse(text).length;
}
process.stdout.write(`${JSON.stringify({ bytes, dates })}\n`);
