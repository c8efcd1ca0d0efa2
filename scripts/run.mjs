// node scripts/run.mjs <command> [args]: runs dist/<command>.js, compiling first when dist/ is missing or older than
// the sources (a fresh clone, a pull, an edit), so `npm start` never runs stale code.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, DIST, ENTRIES, isStale } from './build.mjs';

const [command] = process.argv.splice(2, 1);
if (!command || !(command in ENTRIES)) {
  process.stderr.write(`Usage: node scripts/run.mjs <${Object.keys(ENTRIES).join('|')}> [args]\n`);
  process.exit(2);
}
if (isStale()) {
  process.stderr.write('Compiling Lectern (dist/ is missing or older than the sources)…\n');
  await build();
}
// The command sees the arguments after its name, as if run directly.
process.argv[1] = path.join(DIST, `${command}.js`);
await import(pathToFileURL(process.argv[1]).href);
