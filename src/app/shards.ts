import type { ClientOptions } from 'discord.js';
import type { Config } from '../config/env.ts';

/**
 * The gateway shards this process runs. `SHARD_COUNT=auto` (the default) runs every shard Discord recommends here;
 * a number with `SHARD_IDS` runs those shards only, so several machines can split them (each schedules the digests of
 * its own shards' servers). Under discord.js's ShardingManager (`npm run start:shards`) the manager assigns them.
 */
export function shardOptions(config: Pick<Config, 'SHARD_COUNT' | 'SHARD_IDS'>, env: NodeJS.ProcessEnv = process.env): Partial<ClientOptions> {
  if (env.SHARDING_MANAGER) return {};
  if (config.SHARD_COUNT === 'auto') return { shards: 'auto' };
  const ids = config.SHARD_IDS ?? Array.from({ length: config.SHARD_COUNT }, (_, i) => i);
  return { shards: ids, shardCount: config.SHARD_COUNT };
}
