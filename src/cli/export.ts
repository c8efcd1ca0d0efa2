// npm run --silent export -- <folder-or-file> [more paths] [--threads N]: the index as the JSON of shared/CONTRACT.md.
import { stat } from 'node:fs/promises';
import { toContract } from '../corpus/export.ts';
import { buildFresh } from '../corpus/index/cache.ts';
import { threadsOption } from './threads-option.ts';

const threads = threadsOption();
const paths = process.argv.slice(2).filter((a) => a !== '--');
if (!paths.length) {
  process.stderr.write('Usage: npm run --silent export -- <folder-or-file> [more paths]\n');
  process.exit(2);
}
for (const p of paths) {
  try {
    await stat(p);
  } catch {
    process.stderr.write(`export: ${p} does not exist\n`);
    process.exit(2);
  }
}
const index = await buildFresh(paths, (message) => process.stderr.write(`${message}\n`), threads);
if (!index.documents.length) {
  process.stderr.write(`export: no supported document (.txt, .md, .html, .pdf, .epub, .docx) under ${paths.join(', ')}\n`);
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(toContract(index), null, 2)}\n`);
