import path from 'node:path';
import type Keyv from 'keyv';
import type { App } from '../../src/app/app.ts';
import { startBot, type BotOptions, type RunningBot } from '../../src/app/start-bot.ts';
import { COMMANDS } from '../../src/commands/index.ts';
import { readConfig } from '../../src/config/env.ts';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { Cooldown } from '../../src/discord/cooldown.ts';
import { createLogger, type Logger } from '../../src/logging/logger.ts';
import { bundledIndex } from './bundled-index.ts';
import type { DiscordStandIn } from './discord-standin.ts';

/**
 * The tests send one tester's commands far faster than a person could, so their bots have no cooldown; the cooldown
 * itself is tested on a real bot process (tests/e2e/operations.test.ts).
 */
export const noCooldown = () => new Cooldown(Number.MAX_SAFE_INTEGER);

/** @discordjs/ws spaces IDENTIFYs 5 s apart; tests need not wait for that. */
export const NO_IDENTIFY_WAIT = { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) } };

/** The real bot on the bundled corpus, pointed at a started stand-in, with its uploads under `tmp`. */
export async function startTestBot(o: {
  standin: DiscordStandIn;
  token: string;
  guildId: string;
  store: Keyv;
  tmp: string;
  logger?: Logger;
  digest?: BotOptions['digest'];
}): Promise<{ bot: RunningBot; app: App }> {
  const read = readConfig({ DISCORD_TOKEN: o.token, DISCORD_API_BASE_URL: o.standin.apiBase, DEV_GUILD_ID: o.guildId, LOG_LEVEL: 'silent' });
  if (!read.ok) throw new Error(read.errors.join('\n'));
  const bot = await startBot({
    config: { ...read.config, DISCORD_TOKEN: o.token },
    app: Promise.resolve({ query: new CorpusQuery(await bundledIndex()), store: o.store, uploadsDir: path.join(o.tmp, 'uploads'), warn: () => undefined }),
    store: o.store,
    logger: o.logger ?? createLogger('silent'),
    commands: COMMANDS,
    ...(o.digest ? { digest: o.digest } : {}),
    clientOptions: NO_IDENTIFY_WAIT,
    cooldown: noCooldown(),
  });
  return { bot, app: await bot.app };
}
