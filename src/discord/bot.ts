import { Client, Events, GatewayIntentBits } from 'discord.js';
import type Keyv from 'keyv';
import { contextFor, type App } from '../app/app.ts';
import type { Command } from '../commands/command.ts';
import type { Config } from '../config/env.ts';
import type { Logger } from '../logging/logger.ts';
import { syncCommands } from './register.ts';
import { createRouter } from './router.ts';
import { NO_PINGS } from './send.ts';

export interface BotOptions {
  config: Config & { DISCORD_TOKEN: string };
  /** The bot's state; pending while the index is built at start-up (interactions are deferred meanwhile). */
  app: Promise<App>;
  store: Keyv;
  logger: Logger;
  commands: Command[];
  /** Options passed through to discord.js (tests tune the gateway's identify throttle). */
  clientOptions?: Partial<ConstructorParameters<typeof Client>[0]>;
}

export interface RunningBot {
  client: Client;
  /** Resolves once the slash commands are registered (or found unchanged). */
  commandsSynced: Promise<'registered' | 'unchanged'>;
  stop(): Promise<void>;
}

/** Connects to Discord, registers the commands when they changed, and answers interactions. */
export async function startBot(o: BotOptions): Promise<RunningBot> {
  let ready: App | null = null;
  void o.app.then((a) => (ready = a));
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: o.config.DISCORD_API_BASE_URL },
    allowedMentions: NO_PINGS,
    ...o.clientOptions,
  });
  const route = createRouter({
    commands: o.commands,
    context: async (where) => contextFor(ready ?? (await o.app), where),
    ready: () => ready !== null,
    store: o.store,
    logger: o.logger,
  });
  client.on(Events.InteractionCreate, (i) => void route(i));
  client.on(Events.Error, (e) => o.logger.error({ err: e }, 'discord client error'));
  client.on(Events.Warn, (m) => o.logger.warn(m));
  client.on(Events.ShardDisconnect, (event, shard) => o.logger.warn({ code: event.code, shard }, 'gateway disconnected'));
  client.on(Events.ShardResume, (shard) => o.logger.info({ shard }, 'gateway resumed'));

  let resolveSync!: (v: 'registered' | 'unchanged') => void;
  let rejectSync!: (e: unknown) => void;
  const commandsSynced = new Promise<'registered' | 'unchanged'>((res, rej) => {
    resolveSync = res;
    rejectSync = rej;
  });
  commandsSynced.catch((e: unknown) => o.logger.error({ err: e }, 'slash command registration failed'));
  client.once(Events.ClientReady, (c) => {
    o.logger.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'connected to Discord');
    const applicationId = o.config.DISCORD_APPLICATION_ID ?? c.application.id;
    syncCommands({ rest: c.rest, applicationId, ...(o.config.DEV_GUILD_ID ? { guildId: o.config.DEV_GUILD_ID } : {}), commands: o.commands, store: o.store, logger: o.logger }).then(resolveSync, rejectSync);
  });

  await client.login(o.config.DISCORD_TOKEN);
  return {
    client,
    commandsSynced,
    stop: async () => {
      await client.destroy();
    },
  };
}
