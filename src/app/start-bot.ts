import type Keyv from 'keyv';
import type { Command } from '../commands/command.ts';
import type { DigestClaims } from '../digest/claims.ts';
import { discordClient, runBot, type BotConfig, type ClientOptions, type RunningBot as ConnectedBot } from '../discord/bot.ts';
import type { Cooldown } from '../discord/cooldown.ts';
import { discordPoster } from '../discord/digest-poster.ts';
import type { Logger } from '../logging/logger.ts';
import type { BotMetrics } from '../logging/metrics.ts';
import { contextFor, createApp, type App, type AppOptions } from './app.ts';

export interface BotOptions {
  config: BotConfig;
  /** What the app is built from; pending while the index is built at start-up (interactions are deferred meanwhile). */
  app: Promise<Omit<AppOptions, 'digest'>>;
  store: Keyv;
  logger: Logger;
  commands: Command[];
  /** When given, the bot posts daily digests, claimed in this table (exactly once per server and day). */
  digest?: { claims: DigestClaims; owner: string; now?: () => Date };
  metrics?: BotMetrics;
  /** Members' command pace (default: more than 10 commands in 10 s gets a private cooldown). */
  cooldown?: Cooldown;
  /** Options passed through to discord.js (the shards this process runs; tests tune the gateway's identify throttle). */
  clientOptions?: ClientOptions;
}

export interface RunningBot extends ConnectedBot {
  /** The app the bot answers with, once built. */
  app: Promise<App>;
}

/**
 * The bot, put together: the Discord client first (digests are posted through it), then the app with its digest,
 * then the Discord layer, handed the built app, connects and answers.
 */
export async function startBot(o: BotOptions): Promise<RunningBot> {
  const { app: inputs, digest, clientOptions, ...bot } = o;
  const client = discordClient(o.config, clientOptions);
  const app = inputs.then((options) =>
    createApp({
      ...options,
      ...(digest
        ? {
            // One clock for the scheduler and the commands that speak of "today".
            ...(digest.now ? { now: digest.now } : {}),
            digest: {
              claims: digest.claims,
              owner: digest.owner,
              poster: (a) => discordPoster(client.rest, () => client.user?.id ?? null, undefined, () => a.quizzes, a.now),
              guilds: () => client.guilds.cache.keys(),
              logger: o.logger,
              ...(o.metrics ? { metrics: o.metrics } : {}),
            },
          }
        : {}),
    }),
  );
  return { ...(await runBot({ ...bot, client, app, context: contextFor })), app };
}
