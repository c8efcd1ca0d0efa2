import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import type Keyv from 'keyv';
import type { Command, CommandContext, Services } from '../commands/command.ts';
import type { Config } from '../config/env.ts';
import type { DigestScheduler } from '../digest/scheduler.ts';
import type { Logger } from '../logging/logger.ts';
import type { BotMetrics } from '../logging/metrics.ts';
import type { Cooldown } from './cooldown.ts';
import { QuizCloser } from './quiz-closer.ts';
import { syncCommands } from './register.ts';
import { createRouter } from './router.ts';
import { NO_PINGS } from './send.ts';
import type { Where } from './where.ts';

export type BotConfig = Config & { DISCORD_TOKEN: string };
export type ClientOptions = Partial<ConstructorParameters<typeof Client>[0]>;

/**
 * The bot's Discord client, not yet connected. The composition root makes it first: digests are posted through
 * it, and the app that posts them is built before the bot connects.
 */
export function discordClient(config: BotConfig, options: ClientOptions = {}): Client {
  return new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: config.DISCORD_API_BASE_URL }, allowedMentions: NO_PINGS, ...options });
}

/** The built app, as the bot uses it: the commands' services, and the digest scheduler when digests are posted. */
export type BotApp = Services & { scheduler?: DigestScheduler };

export interface BotOptions {
  /** From `discordClient`. */
  client: Client;
  config: BotConfig;
  /** The built app; pending while the index is built at start-up (interactions are deferred meanwhile). */
  app: Promise<BotApp>;
  /** The context a command runs in, made from the app and where it was asked (src/app/app.ts, contextFor). */
  context: (app: BotApp, where: Where) => Promise<{ ctx: CommandContext; ephemeral: boolean }>;
  store: Keyv;
  logger: Logger;
  commands: Command[];
  metrics?: BotMetrics;
  /** Members' command pace (default: more than 10 commands in 10 s gets a private cooldown). */
  cooldown?: Cooldown;
}

export interface RunningBot {
  client: Client;
  /** The digest scheduler, once the bot is ready (when digests are on). */
  scheduler: () => DigestScheduler | null;
  /** Shows the answer of quizzes nobody got right in time, once the app is ready. */
  quizCloser: () => QuizCloser | null;
  /** Resolves once the slash commands are registered (or found unchanged). */
  commandsSynced: Promise<'registered' | 'unchanged'>;
  stop(): Promise<void>;
}

/** How long a stop waits for the answers under way. */
const STOP_GRACE_MS = 10_000;

/** Connects to Discord, registers the commands when they changed, and answers interactions with the app. */
export async function runBot(o: BotOptions): Promise<RunningBot> {
  const { client } = o;
  let ready: BotApp | null = null;
  let scheduler: DigestScheduler | null = null;
  let quizCloser: QuizCloser | null = null;
  const app = o.app.then((a) => {
    quizCloser = new QuizCloser({ rest: client.rest, quizzes: a.quizzes, now: () => a.now(), logger: o.logger });
    ready = a;
    return a;
  });
  const route = createRouter({
    commands: o.commands,
    context: async (where) => o.context(ready ?? (await app), where),
    ready: () => ready !== null,
    store: o.store,
    logger: o.logger,
    ...(o.metrics ? { metrics: o.metrics } : {}),
    ...(o.cooldown ? { cooldown: o.cooldown } : {}),
  });
  // Interactions being answered, so that a stop lets each finish (a quiz's message is remembered after its reply).
  const answering = new Set<Promise<void>>();
  const onInteraction = (i: Interaction) => {
    const done: Promise<void> = route(i)
      .catch((error: unknown) => o.logger.error({ err: error }, 'interaction failed outside the router'))
      .finally(() => answering.delete(done));
    answering.add(done);
  };
  client.on(Events.InteractionCreate, onInteraction);
  client.on(Events.Error, (e) => o.logger.error({ err: e }, 'discord client error'));
  client.on(Events.Warn, (m) => o.logger.warn(m));
  client.on(Events.ShardDisconnect, (event, shard) => o.logger.warn({ code: event.code, shard }, 'gateway disconnected'));
  client.on(Events.ShardResume, (shard) => o.logger.info({ shard }, 'gateway resumed'));
  client.on(Events.ShardReconnecting, () => o.metrics?.gatewayReconnect());

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
    void app.then(() => quizCloser?.start());
    syncCommands({ rest: c.rest, applicationId, ...(o.config.DEV_GUILD_ID ? { guildId: o.config.DEV_GUILD_ID } : {}), commands: o.commands, store: o.store, logger: o.logger }).then(resolveSync, rejectSync);
    // Digests start once the bot knows its servers.
    void app.then((a) => {
      scheduler = a.scheduler ?? null;
      scheduler?.start();
    });
  });

  await client.login(o.config.DISCORD_TOKEN);
  return {
    client,
    commandsSynced,
    scheduler: () => scheduler,
    quizCloser: () => quizCloser,
    stop: async () => {
      // A digest being posted is finished first: shutdown never leaves one half-done; nor an answer.
      client.off(Events.InteractionCreate, onInteraction);
      await scheduler?.stop();
      // …within reason: an answer stuck on a slow download does not hold the process past ten seconds.
      await Promise.race([Promise.allSettled([...answering]), new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]);
      await quizCloser?.stop();
      await client.destroy();
    },
  };
}
