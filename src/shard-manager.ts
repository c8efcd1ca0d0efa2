// npm run start:shards: one bot process per gateway shard on this machine, through discord.js's ShardingManager.
// Each process is `src/index.ts` as `npm start` runs it (its own index, the shared store), told its shard by the
// manager; each schedules the digests of its own shard's servers, and the claims in the store guard every post.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import { startConfig } from './config/start-config.ts';
import { createLogger } from './logging/logger.ts';

const config = startConfig();
if (!config.DISCORD_TOKEN) {
  process.stderr.write('Lectern cannot start its shards: DISCORD_TOKEN is not set (shards only make sense connected to Discord).\n');
  process.exit(1);
}
const logger = createLogger(config.LOG_LEVEL, config.DISCORD_TOKEN);
// The bot's entry beside this file, run the way this file is run (TypeScript through tsx, or a compiled build).
const self = fileURLToPath(import.meta.url);
const ext = path.extname(self);
const manager = new ShardingManager(path.join(path.dirname(self), `index${ext}`), {
  token: config.DISCORD_TOKEN,
  totalShards: config.SHARD_COUNT,
  ...(config.SHARD_IDS ? { shardList: config.SHARD_IDS } : {}),
  // tsx found from this file, not from the working directory (the data folder may be anywhere).
  execArgv: ext === '.ts' ? ['--import', import.meta.resolve('tsx')] : [],
  respawn: true,
});
manager.on('shardCreate', (shard) => {
  logger.info({ shard: shard.id, of: manager.totalShards }, 'shard process started');
  shard.on('death', () => logger.warn({ shard: shard.id }, 'shard process ended; starting it again'));
});
// Discord lets a bot identify once every 5 seconds: the manager spaces the shards' starts that far apart.
await manager.spawn({ timeout: 120_000 }).catch((error: unknown) => {
  logger.fatal({ err: error }, 'could not start the shards');
  process.exit(1);
});
const stop = (signal: string) => {
  logger.info({ signal }, 'stopping the shards');
  manager.respawn = false;
  for (const shard of manager.shards.values()) shard.process?.kill('SIGTERM');
  setTimeout(() => process.exit(0), 10_000).unref();
  let left = manager.shards.size;
  for (const shard of manager.shards.values())
    shard.process?.once('exit', () => {
      if (--left === 0) process.exit(0);
    });
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
