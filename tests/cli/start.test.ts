// `npm start` as a person runs it: the console without a token; with one, the bot against the local
// Discord stand-in, shut down cleanly by SIGTERM; `npm run deploy-commands` registers the commands.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordStandIn } from '../support/discord-standin.ts';

const tsx = path.resolve('node_modules/.bin/tsx');
const TOKEN = 'MTQwMDAwMDAwMDAwMDAwMDA1.Gstart.lectern-start-token';

describe('starting Lectern', { timeout: 30_000 }, () => {
  const standin = new DiscordStandIn({ token: TOKEN });
  const guild = standin.addGuild({ name: 'Start' });
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-start-'));
  const env = () => ({
    ...process.env,
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_BASE_URL: standin.apiBase,
    DEV_GUILD_ID: guild.id,
    DATABASE_URL: `sqlite://${path.join(dir, 'lectern.sqlite')}`,
    INDEX_CACHE_DIR: path.join(dir, 'cache'),
    UPLOADS_DIR: path.join(dir, 'uploads'),
    LOG_LEVEL: 'info',
  });

  beforeAll(async () => {
    await standin.start();
  });
  afterAll(async () => {
    await standin.stop();
  });

  it('without a token, answers in the local console', async () => {
    const child = spawn(tsx, ['src/index.ts'], { env: { ...process.env, DISCORD_TOKEN: '', INDEX_CACHE_DIR: path.join(dir, 'cache') } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += String(d)));
    child.stdin.end('/quote speaker:Stubb\n/quit\n');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(out).toContain('No DISCORD_TOKEN: answering here in the local console.');
    expect(out).toContain('it was the definition of realpolitik');
  });

  it('refuses to start without a usable attribution model, naming the file and how to rebuild it', async () => {
    const missing = path.join(dir, 'no-such.model');
    const child = spawn(tsx, ['src/index.ts'], { env: { ...process.env, DISCORD_TOKEN: '', LECTERN_ATTRIBUTION_MODEL: missing, INDEX_CACHE_DIR: path.join(dir, 'cache-model') } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += String(d)));
    child.stdin.end('/quit\n');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain(`Lectern cannot start: The attribution model ${missing} cannot be read (ENOENT).`);
    expect(err).toContain('npm run train');
    expect(err).not.toContain('    at ');
  });

  it('with a token, connects, registers the commands, and shuts down cleanly on SIGTERM', async () => {
    const child = spawn(tsx, ['src/index.ts'], { env: env() });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += String(d)));
    await standin.waitForRequest((r) => r.method === 'PUT' && r.route.endsWith(`/guilds/${guild.id}/commands`), 20_000);
    expect(standin.connections).toBe(1);
    // The lookups the first questions would wait for are built once the bot can answer.
    for (let i = 0; i < 250 && !log.includes('search index and lookups ready'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(log).toContain('search index and lookups ready');
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(log).toContain('connected to Discord');
    expect(log).toContain('shutting down');
    expect(log).not.toContain(TOKEN);
    for (let i = 0; i < 50 && standin.connections > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(standin.connections).toBe(0);
  });

  it('refuses to start with a mistaken configuration, naming each mistake', async () => {
    const error = await promisify(execFile)(tsx, ['src/index.ts'], { env: { ...process.env, DISCORD_TOKEN: 'nope', DEV_GUILD_ID: '12' }, encoding: 'utf8' }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in error && error.code).toBe(1);
    expect('stderr' in error && error.stderr).toMatch(/DISCORD_TOKEN: does not look like a bot token[\s\S]*DEV_GUILD_ID: must be a Discord id/);
    const missing = await promisify(execFile)(tsx, ['src/index.ts'], { env: { ...process.env, DISCORD_TOKEN: '', CORPUS_DIR: path.join(dir, 'no-such-folder') }, encoding: 'utf8' }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in missing && missing.code).toBe(1);
    expect('stderr' in missing && missing.stderr).toMatch(/could not be indexed: .*no-such-folder/);
  });

  it('npm run deploy-commands registers the commands by hand', async () => {
    const before = standin.requests.filter((r) => r.method === 'PUT').length;
    const { stdout } = await promisify(execFile)(tsx, ['src/cli/deploy-commands.ts'], { env: env(), encoding: 'utf8' });
    expect(stdout).toContain(`Slash commands registered in server ${guild.id}`);
    expect(standin.requests.filter((r) => r.method === 'PUT')).toHaveLength(before + 1);
  });
});
