import { Client, Events, GatewayIntentBits } from 'discord.js';
import type Keyv from 'keyv';
import { contextFor, type App } from '../app/app.ts';
import type { Command } from '../commands/command.ts';
import type { Config } from '../config/env.ts';
import type { Logger } from '../logging/logger.ts';
import type { BotMetrics } from '../logging/metrics.ts';
import type { Cooldown } from './cooldown.ts';
import type { DigestClaims } from '../digest/claims.ts';
import { runDigest } from '../digest/runner.ts';
import { DigestScheduler } from '../digest/scheduler.ts';
import { digestService } from '../digest/service.ts';
import { discordPoster } from './digest-poster.ts';
import { QuizCloser } from './quiz-closer.ts';
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
  /** When given, the bot posts daily digests, claimed in this table (exactly once per server and day). */
  digest?: { claims: DigestClaims; owner: string; now?: () => Date };
  metrics?: BotMetrics;
  /** Members' command pace (default: more than 10 commands in 10 s gets a private cooldown). */
  cooldown?: Cooldown;
  /** Options passed through to discord.js (the shards this process runs; tests tune the gateway's identify throttle). */
  clientOptions?: Partial<ConstructorParameters<typeof Client>[0]>;
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

/** Connects to Discord, registers the commands when they changed, and answers interactions. */
export async function startBot(o: BotOptions): Promise<RunningBot> {
  let ready: App | null = null;
  let scheduler: DigestScheduler | null = null;
  let quizCloser: QuizCloser | null = null;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: o.config.DISCORD_API_BASE_URL },
    allowedMentions: NO_PINGS,
    ...o.clientOptions,
  });
  const digest = o.digest;
  const now = digest?.now ?? (() => new Date());
  const poster = discordPoster(client.rest, () => client.user?.id ?? null, undefined, () => ready?.quizzes ?? null, now);
  // The digest service joins the app once both exist; commands see it through their context.
  const app = o.app.then((a) => {
    if (digest) {
      // One clock for the scheduler and the commands that speak of "today" (a test's clock, or the real one).
      a.now = now;
      a.digest = digestService({ claims: digest.claims, store: o.store, corpus: a.corpus, poster, owner: digest.owner, now });
    }
    quizCloser = new QuizCloser({ rest: client.rest, quizzes: a.quizzes, now: () => a.now(), logger: o.logger });
    ready = a;
    return a;
  });
  const route = createRouter({
    commands: o.commands,
    context: async (where) => contextFor(ready ?? (await app), where),
    ready: () => ready !== null,
    store: o.store,
    logger: o.logger,
    ...(o.metrics ? { metrics: o.metrics } : {}),
    ...(o.cooldown ? { cooldown: o.cooldown } : {}),
  });
  client.on(Events.InteractionCreate, (i) => void route(i));
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
    if (digest) {
      void app.then((a) => {
        scheduler = new DigestScheduler({
          guilds: () => c.guilds.cache.keys(),
          settings: a.settings,
          claims: digest.claims,
          run: async (guildId, settings, day) => {
            const outcome = await runDigest({ claims: digest.claims, store: o.store, corpus: a.corpus, poster, owner: digest.owner, now }, guildId, settings, day);
            if (outcome.status === 'posted' || outcome.status === 'recovered' || outcome.status === 'failed') o.metrics?.digest(outcome.status);
            return outcome;
          },
          now,
          logger: o.logger,
        });
        scheduler.start();
      });
    }
  });

  await client.login(o.config.DISCORD_TOKEN);
  return {
    client,
    commandsSynced,
    scheduler: () => scheduler,
    quizCloser: () => quizCloser,
    stop: async () => {
      // A digest being posted is finished first: shutdown never leaves one half-done.
      await scheduler?.stop();
      await quizCloser?.stop();
      await client.destroy();
    },
  };
}
