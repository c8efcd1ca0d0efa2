import { invalid, type Reply } from '../reply/reply.ts';
import type { Invoker } from './command.ts';
import type { ServerContext } from './server-command.ts';
import type { Handler } from './subcommands.ts';

/** The check every configuring command makes: the member may configure (Manage Server, or the moderator role). */
export function requireModerator(ctx: ServerContext): Reply | null {
  return ctx.invoker.canConfigure ? null : invalid('Only members with Manage Server, or the moderator role, can change Lectern’s settings.');
}

/** Who made a change, as the settings history records it. */
export const actorOf = (invoker: Invoker) => ({ id: invoker.userId, name: invoker.userName });

/** A handler that only moderators get to: anyone else is told who may. */
export const forModerators =
  (handler: Handler<ServerContext>): Handler<ServerContext> =>
  (ctx, options) =>
    requireModerator(ctx) ?? handler(ctx, options);
