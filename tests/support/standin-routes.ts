// The REST routes of the Discord stand-in, answering as Discord's API does: the gateway address, users and the
// application, application commands (global and per guild), interaction callbacks and webhooks, channels and
// their messages, guilds.
import { GatewayDispatchEvents, MessageType, type APIApplicationCommand, type APIMessage } from 'discord-api-types/v10';
import { discordError, DiscordErrors, json, noContent, type StandInResponse } from './standin-answers.ts';
import type { StandInHttp } from './standin-http.ts';
import type { InteractionState, StandInInteractions } from './standin-interactions.ts';
import { makeMessage, restGuild, type MessageBody } from './standin-payloads.ts';
import { validateCommand, validateMessage } from './standin-validate.ts';
import type { StandInWorld } from './standin-world.ts';

export interface RouteContext {
  http: StandInHttp;
  world: StandInWorld;
  interactions: StandInInteractions;
  /** The gateway address GET /gateway/bot gives. */
  gatewayUrl(): string;
  /** The shard count GET /gateway/bot recommends. */
  shards: number;
}

export function registerRoutes(context: RouteContext): void {
  registerAccountRoutes(context);
  registerCommandRoutes(context);
  registerInteractionRoutes(context);
  registerChannelRoutes(context);
}

function registerAccountRoutes({ http, world, gatewayUrl, shards }: RouteContext): void {
  const r = http.builtIn.bind(http);
  r('GET', '/gateway/bot', () =>
    json(200, {
      url: gatewayUrl(),
      shards,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    }),
  );
  r('GET', '/users/@me', () => json(200, world.bot));
  r('GET', '/users/:user', (_req, p) => {
    const users = [world.bot, ...[...world.guilds.values()].flatMap((g) => g.members.map((m) => m.user))];
    const user = users.find((u) => u.id === p.user);
    return user ? json(200, user) : discordError(404, 10013, 'Unknown User');
  });
  r('GET', '/applications/@me', () =>
    json(200, {
      id: world.applicationId, name: world.bot.username, icon: null, description: '', summary: '', bot_public: false,
      bot_require_code_grant: false, verify_key: '0'.repeat(64), team: null, flags: 0, flags_new: '0', bot: world.bot,
      owner: world.tester, approximate_guild_count: world.guilds.size,
    }),
  );
}

/** Application commands, global and per guild. */
function registerCommandRoutes({ http, world }: RouteContext): void {
  const r = http.builtIn.bind(http);
  const scopeOf = (p: Record<string, string>): string | StandInResponse => {
    if (p.app !== world.applicationId) return discordError(404, 10002, 'Unknown Application');
    if (p.guild && !world.guilds.has(p.guild)) return DiscordErrors.missingAccess();
    return p.guild ?? 'global';
  };
  for (const base of ['/applications/:app/commands', '/applications/:app/guilds/:guild/commands']) {
    r('GET', base, (_req, p) => {
      const scope = scopeOf(p);
      return typeof scope === 'string' ? json(200, world.commands.get(scope) ?? []) : scope;
    });
    r('PUT', base, (req, p) => {
      const scope = scopeOf(p);
      if (typeof scope !== 'string') return scope;
      const list = (Array.isArray(req.body) ? req.body : []) as Partial<APIApplicationCommand>[];
      for (const [i, cmd] of list.entries()) {
        const error = validateCommand(cmd, [i]);
        if (error) return error;
      }
      const old = world.commands.get(scope) ?? [];
      // Bulk overwrite keeps the id of a command with the same name and type.
      const next = list.map((cmd) => world.storedCommand(cmd, scope, old));
      world.commands.set(scope, next);
      return json(200, next);
    });
    r('POST', base, (req, p) => {
      const scope = scopeOf(p);
      if (typeof scope !== 'string') return scope;
      const cmd = (req.body ?? {}) as Partial<APIApplicationCommand>;
      const error = validateCommand(cmd, []);
      if (error) return error;
      const list = world.commands.get(scope) ?? [];
      const stored = world.storedCommand(cmd, scope, list);
      const existing = list.findIndex((c) => c.id === stored.id);
      if (existing >= 0) list[existing] = stored;
      else list.push(stored);
      world.commands.set(scope, list);
      return json(existing >= 0 ? 200 : 201, stored);
    });
    r('GET', `${base}/:command`, (_req, p) => {
      const scope = scopeOf(p);
      if (typeof scope !== 'string') return scope;
      const cmd = world.commands.get(scope)?.find((c) => c.id === p.command);
      return cmd ? json(200, cmd) : DiscordErrors.unknownCommand();
    });
    r('DELETE', `${base}/:command`, (_req, p) => {
      const scope = scopeOf(p);
      if (typeof scope !== 'string') return scope;
      const list = world.commands.get(scope) ?? [];
      const i = list.findIndex((c) => c.id === p.command);
      if (i < 0) return DiscordErrors.unknownCommand();
      list.splice(i, 1);
      return noContent;
    });
  }
}

/** Interaction callbacks and the interaction webhook (no bot token: the interaction token authorizes). */
function registerInteractionRoutes({ http, world, interactions }: RouteContext): void {
  const r = http.builtIn.bind(http);
  r('POST', '/interactions/:id/:token/callback', (req, p) => interactions.callback(req, p.id ?? '', p.token ?? ''), false);
  r('POST', '/webhooks/:app/:token', (req, p) => {
    const state = interactions.forWebhook(p);
    if (!state?.acked) return DiscordErrors.unknownWebhook();
    const body = (req.body ?? {}) as MessageBody;
    const error = validateMessage(body, req.files, true);
    if (error) return error;
    const message = interactions.createMessage(state, body, req.files);
    state.messageIds.add(message.id);
    return json(200, message); // interaction follow-ups always behave as `wait=true`
  }, false);
  const webhookMessage = (p: Record<string, string>): { state?: InteractionState; message?: APIMessage } => {
    const state = interactions.forWebhook(p);
    if (!state) return {};
    const id = p.message === '@original' ? state.originalId : state.messageIds.has(p.message ?? '') ? p.message : undefined;
    return { state, message: id ? world.messages.get(id) : undefined };
  };
  r('GET', '/webhooks/:app/:token/messages/:message', (_req, p) => {
    const { state, message } = webhookMessage(p);
    return !state ? DiscordErrors.unknownWebhook() : message ? json(200, message) : DiscordErrors.unknownMessage();
  }, false);
  r('PATCH', '/webhooks/:app/:token/messages/:message', (req, p) => {
    const { state, message } = webhookMessage(p);
    if (!state) return DiscordErrors.unknownWebhook();
    if (!message) return DiscordErrors.unknownMessage();
    const body = (req.body ?? {}) as MessageBody;
    return validateMessage(body, req.files, false) ?? json(200, world.editMessage(message, body, req.files));
  }, false);
  r('DELETE', '/webhooks/:app/:token/messages/:message', (_req, p) => {
    const { state, message } = webhookMessage(p);
    if (!state) return DiscordErrors.unknownWebhook();
    if (!message) return DiscordErrors.unknownMessage();
    world.deleteMessage(message);
    return noContent;
  }, false);
}

/** Channels and their messages, and guilds. */
function registerChannelRoutes({ http, world }: RouteContext): void {
  const r = http.builtIn.bind(http);
  r('GET', '/channels/:channel', (_req, p) => {
    const channel = world.usableChannel(p.channel, 'read');
    return 'status' in channel ? channel : json(200, channel);
  });
  r('POST', '/channels/:channel/messages', (req, p) => {
    const channel = world.usableChannel(p.channel, 'write');
    if ('status' in channel) return channel;
    const body = (req.body ?? {}) as MessageBody & { message_reference?: APIMessage['message_reference']; nonce?: string | number; enforce_nonce?: boolean };
    const error = validateMessage(body, req.files, true);
    if (error) return error;
    // With enforce_nonce, Discord answers a repeated nonce (within minutes) with the message it already created.
    const nonceKey = body.enforce_nonce && body.nonce !== undefined ? `${channel.id}:${body.nonce}` : null;
    const earlier = nonceKey ? world.nonces.get(nonceKey) : undefined;
    if (earlier) return json(200, earlier);
    const message = makeMessage(channel.id, world.bot, body, {
      attachments: world.attachments(req.files),
      ...(body.message_reference ? { type: MessageType.Reply, message_reference: body.message_reference } : {}),
    });
    world.storeMessage(message, GatewayDispatchEvents.MessageCreate);
    if (nonceKey) world.nonces.set(nonceKey, message);
    return json(200, message);
  });
  r('GET', '/channels/:channel/messages', (req, p) => {
    const channel = world.usableChannel(p.channel, 'read');
    if ('status' in channel) return channel;
    const limit = Math.min(Math.max(Number(req.query.limit ?? 50), 1), 100);
    return json(200, world.messagesIn(channel.id).slice().reverse().slice(0, limit));
  });
  const channelMessage = (p: Record<string, string>): APIMessage | StandInResponse => {
    const channel = world.usableChannel(p.channel, 'read');
    if ('status' in channel) return channel;
    const message = world.messages.get(p.message ?? '');
    return message && message.channel_id === channel.id ? message : DiscordErrors.unknownMessage();
  };
  r('GET', '/channels/:channel/messages/:message', (_req, p) => {
    const m = channelMessage(p);
    return 'status' in m ? m : json(200, m);
  });
  r('PATCH', '/channels/:channel/messages/:message', (req, p) => {
    const m = channelMessage(p);
    if ('status' in m) return m;
    if (m.author.id !== world.bot.id) return discordError(403, 50005, 'Cannot edit a message authored by another user');
    const body = (req.body ?? {}) as MessageBody;
    return validateMessage(body, req.files, false) ?? json(200, world.editMessage(m, body, req.files));
  });
  r('DELETE', '/channels/:channel/messages/:message', (_req, p) => {
    const m = channelMessage(p);
    if ('status' in m) return m;
    world.deleteMessage(m);
    return noContent;
  });

  r('GET', '/guilds/:guild', (_req, p) => {
    const guild = world.guilds.get(p.guild ?? '');
    return guild ? json(200, restGuild(guild)) : DiscordErrors.unknownGuild();
  });
}
