// npm run ask -- "/quote speaker:Stubb": one command, answered from the index as text with citations.
import { cacheDir, corpusDir } from '../config/paths.ts';
import { styleFor } from '../console/render-text.ts';
import { runLine } from '../console/run-line.ts';
import { consoleAnswer } from '../console/save-picture.ts';
import { openIndex } from '../corpus/index/open-index.ts';
import { threadsOption } from './threads-option.ts';

const threads = threadsOption();
const line = process.argv.slice(2).filter((a) => a !== '--').join(' ').trim();
if (!line) {
  process.stderr.write('Usage: npm run ask -- "/quote speaker:Stubb"\n');
  process.exit(2);
}
const { query } = await openIndex(corpusDir(), cacheDir(), threads ? { threads } : {});
const reply = await runLine({ query }, line);
const playing = reply.quiz ? '\n\nOne question at a time here: play in the console (`npm start`), which takes your answer.' : '';
process.stdout.write(`${await consoleAnswer(reply, styleFor(process.stdout))}${playing}\n`);
process.exitCode = reply.kind === 'answer' ? 0 : 1;
