import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { shardOptions } from '../../src/app/shards.ts';
import { readConfig } from '../../src/config/env.ts';
import { createLogger } from '../../src/logging/logger.ts';

describe('configuration', () => {
  it('has defaults for everything, so no variable is required for the console', () => {
    const read = readConfig({});
    expect(read).toEqual({
      ok: true,
      config: expect.objectContaining({ DISCORD_API_BASE_URL: 'https://discord.com/api', DATABASE_URL: 'sqlite://data/lectern.sqlite', CORPUS_DIR: 'data/corpus', LOG_LEVEL: 'info' }),
    });
  });

  it('names every mistake on its own line, without echoing the token', () => {
    const read = readConfig({ DISCORD_TOKEN: 'secret-without-dots', DEV_GUILD_ID: '42', DISCORD_API_BASE_URL: 'not a url', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.map((e) => e.split(':')[0])).toEqual(['DISCORD_TOKEN', 'DISCORD_API_BASE_URL', 'DEV_GUILD_ID', 'DATABASE_URL', 'LOG_LEVEL']);
    expect(read.errors.join('\n')).not.toContain('secret-without-dots');
  });

  it('treats empty values as unset', () => {
    const read = readConfig({ DISCORD_TOKEN: '', DEV_GUILD_ID: '  ' });
    expect(read.ok && read.config.DISCORD_TOKEN).toBeUndefined();
  });
});

describe('scaling and operations settings', () => {
  it('runs every recommended shard by default, and no metrics port', () => {
    const read = readConfig({});
    expect(read.ok && read.config).toMatchObject({ SHARD_COUNT: 'auto', METRICS_HOST: '127.0.0.1', DIGEST_CLAIM_STALE_SECONDS: 120 });
    expect(read.ok && read.config.METRICS_PORT).toBeUndefined();
    expect(read.ok && shardOptions(read.config, {})).toEqual({ shards: 'auto' });
  });

  it('splits shards between machines with SHARD_COUNT and SHARD_IDS', () => {
    const read = readConfig({ SHARD_COUNT: '8', SHARD_IDS: '0-2,6', METRICS_PORT: '9464' });
    expect(read.ok && read.config).toMatchObject({ SHARD_COUNT: 8, SHARD_IDS: [0, 1, 2, 6], METRICS_PORT: 9464 });
    expect(read.ok && shardOptions(read.config, {})).toEqual({ shards: [0, 1, 2, 6], shardCount: 8 });
    const all = readConfig({ SHARD_COUNT: '3' });
    expect(all.ok && shardOptions(all.config, {})).toEqual({ shards: [0, 1, 2], shardCount: 3 });
    // Under the ShardingManager the manager says which shard a process runs.
    expect(all.ok && shardOptions(all.config, { SHARDING_MANAGER: 'true' })).toEqual({});
  });

  it('names each mistake in them', () => {
    const errors = (env: Record<string, string>) => {
      const read = readConfig(env);
      return read.ok ? [] : read.errors;
    };
    expect(errors({ SHARD_COUNT: 'many' })).toEqual(['SHARD_COUNT: must be auto or a number of shards such as 4']);
    expect(errors({ SHARD_IDS: '0,1' })).toEqual(['SHARD_IDS: needs SHARD_COUNT set to the total number of shards, such as 4']);
    expect(errors({ SHARD_COUNT: '2', SHARD_IDS: '1,2' })).toEqual(['SHARD_IDS: shards are numbered 0 to 1 when SHARD_COUNT is 2']);
    expect(errors({ METRICS_PORT: '70000' })).toEqual(['METRICS_PORT: must be a port number from 1 to 65535']);
    expect(errors({ DIGEST_CLAIM_STALE_SECONDS: '2' })).toEqual(['DIGEST_CLAIM_STALE_SECONDS: must be at least 10 seconds']);
  });
});

describe('logging', () => {
  it('never writes the bot token, in messages, fields or errors', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const token = 'MTIz.abc.def';
    const log = createLogger('info', token, sink);
    log.info(`connecting with ${token}`);
    log.error({ err: new Error(`401 for ${token}`), token, headers: { authorization: `Bot ${token}` } }, 'failed');
    const out = lines.join('');
    expect(out).toContain('connecting with [token]');
    expect(out).toContain('failed');
    // The error is serialised (type, message, stack), not dropped as {}.
    expect(JSON.parse(lines.find((l) => l.includes('"failed"'))!).err).toMatchObject({ type: 'Error', message: '401 for [token]' });
    expect(out).not.toContain(token);
  });
});
