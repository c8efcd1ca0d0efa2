import type { CommandContext } from '../commands/command.ts';
import { invalid, type Reply } from '../reply/reply.ts';
import { parseCommandLine } from './parse-command-line.ts';

/** One typed command line to a reply: what the console and `npm run ask` do. */
export async function runLine(ctx: CommandContext, line: string): Promise<Reply> {
  const parsed = parseCommandLine(line);
  if (!parsed.ok) return invalid(parsed.message);
  return parsed.command.run(ctx, parsed.options);
}
