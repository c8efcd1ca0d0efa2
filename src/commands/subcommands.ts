import type { Reply } from '../reply/reply.ts';
import { SUBCOMMAND, type CommandContext, type Options } from './command.ts';

export type Handler<C extends CommandContext = CommandContext> = (ctx: C, options: Options) => Reply | Promise<Reply>;

/** A command's run as one handler per subcommand path ("show", "set digest-time"); any other path gets `otherwise`. */
export function bySubcommand<C extends CommandContext>(handlers: Record<string, Handler<C>>, otherwise: Handler<C>): Handler<C> {
  return (ctx, options) => {
    const path = options[SUBCOMMAND] ?? '';
    // Own keys only: a path such as "constructor" or "__proto__" is no subcommand.
    const handler = Object.hasOwn(handlers, path) ? handlers[path] : undefined;
    return (handler ?? otherwise)(ctx, options);
  };
}
