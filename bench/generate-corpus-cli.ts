// node dist/generate-corpus.js <folder> <count> [seed] (or tsx bench/generate-corpus-cli.ts): writes a generated corpus.
import { generateCorpus } from './generate-corpus.ts';

const [dir, count, seed] = process.argv.slice(2);
if (!dir || !count) {
  process.stderr.write('Usage: node dist/generate-corpus.js <folder> <count> [seed]\n');
  process.exit(2);
}
const out = await generateCorpus(dir, Number(count), seed ? Number(seed) : 1);
process.stdout.write(`${out.files} documents, ${(out.bytes / 1e6).toFixed(2)} MB in ${dir}\n`);

