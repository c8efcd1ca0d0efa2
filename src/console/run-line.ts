import type { Command, CommandContext } from '../commands/command.ts';
import { inServer, needsServer, runCommand } from '../commands/server-command.ts';
import { invalid, type Reply } from '../reply/reply.ts';
import { parseCommandLine } from './parse-command-line.ts';

const MANAGES: Record<string, string> = { config: 'settings', library: 'reading list', digest: 'daily digest' };

/** Why a moderator command has nothing to do in the console: it acts on one server, which the console is not. */
export function serverOnly(command: Command): Reply {
  const what = MANAGES[command.name] ?? 'settings';
  return {
    ...invalid(
      `/${command.name} works in a Discord server: it changes that server's ${what}, and Discord tells Lectern who may (Manage Server or the server's moderator role). The console belongs to no server and no one; start the bot with a DISCORD_TOKEN and use /${command.name} there.`,
    ),
    title: 'In a Discord server only',
  };
}

/** One typed command line to a reply: what the console and `npm run ask` do. */
export async function runLine(ctx: CommandContext, line: string): Promise<Reply> {
  const parsed = parseCommandLine(line);
  // Before the line's mistakes: whatever follows /config, the console is no server.
  if (parsed.command && needsServer(parsed.command) && !inServer(ctx)) return serverOnly(parsed.command);
  if (!parsed.ok) return invalid(parsed.message);
  return runCommand(parsed.command, ctx, parsed.options);
}
