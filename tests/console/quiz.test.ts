// The console's quiz: a question with four numbered names, and the answer to the number typed next.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startConsole } from '../../src/console/repl.ts';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { bundledIndex } from '../support/bundled-index.ts';

async function session(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (c: Buffer) => (printed += c.toString('utf8')));
  const done = startConsole({ query: new CorpusQuery(await bundledIndex()) }, input, output);
  input.end(`${lines.join('\n')}\n`);
  await done;
  return printed;
}

describe('the quiz in the console', { timeout: 20_000 }, () => {
  it('takes the number of a name as the answer, and says who said it and where', async () => {
    const printed = await session(['/quiz', '9', '2', '2', '/quit']);
    const choices = [...printed.matchAll(/^ {2}(\d)\. (.+)$/gm)].map((m) => m[2] as string);
    expect(choices).toHaveLength(4);
    expect(printed).toContain('Type a number from 1 to 4, or another command.');
    const answer = /(Right!|Not this time)\n=+\n(.+)/.exec(printed);
    expect(answer).not.toBeNull();
    const named = /\*\*(.+?)\*\*/.exec(answer?.[2] ?? '')?.[1] ?? '';
    expect(choices).toContain(named);
    if (answer?.[1] === 'Right!') expect(named).toBe(choices[1]);
    else {
      expect(named).not.toBe(choices[1]);
      expect(answer?.[2]?.startsWith(`It was **${named}**`) && answer[2].endsWith(`, not ${choices[1]}.`)).toBe(true);
    }
    expect(printed).toMatch(/— 2025-09-04-security-guarantees\.txt, line \d+, 2025-09-04\n[\s\S]*(Right!|Not this time)/);
    // Once answered, a number is a command again (and there is no such command).
    expect(printed).toContain('There is no /2 command.');
  });

  it('keeps no scores: they belong to a Discord server', async () => {
    expect(await session(['/quiz scores', '/quit'])).toContain('Quiz scores are kept per Discord server, so `/quiz scores` works in a server');
  });
});
