import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
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
