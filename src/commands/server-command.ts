import { invalid, type Reply } from '../reply/reply.ts';
import type { Choice, Command, CommandContext, Invoker, Options, Services } from './command.ts';

/** Where a server command runs: a member of a server asks, and the bot's stateful parts are at hand. */
export interface ServerContext extends CommandContext {
  invoker: Invoker;
  services: Services;
}

export const inServer = (ctx: CommandContext): ctx is ServerContext => ctx.invoker !== undefined && ctx.services !== undefined;

/**
 * A command that acts on one server (its settings, reading list, digest). It says so once, with `needsServer`,
 * and is run only in a server context (runCommand, which the router and the console's runner call), so none of
 * its handlers checks again.
 */
export interface ServerCommand extends Command {
  needsServer: true;
  run(ctx: ServerContext, options: Options): Reply | Promise<Reply>;
  autocomplete?(ctx: ServerContext, option: string, value: string, options: Options): Choice[] | Promise<Choice[]>;
}

export const needsServer = (command: Command): command is ServerCommand => (command as Partial<ServerCommand>).needsServer === true;

/** What a server command answers anywhere else (Discord offers them only in servers; the console says more). */
export const NOT_IN_SERVER: Reply = invalid('This works in a Discord server.');

/** Runs a command; a server command only in a server. */
export function runCommand(command: Command, ctx: CommandContext, options: Options): Reply | Promise<Reply> {
  return needsServer(command) && !inServer(ctx) ? NOT_IN_SERVER : command.run(ctx, options);
}

/** A command's autocomplete choices; none for a server command outside a server. */
export async function autocompleteCommand(command: Command, ctx: CommandContext, option: string, value: string, options: Options): Promise<Choice[]> {
  if (!command.autocomplete || (needsServer(command) && !inServer(ctx))) return [];
  return command.autocomplete(ctx, option, value, options);
}
