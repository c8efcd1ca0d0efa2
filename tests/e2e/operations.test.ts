// A bot process with METRICS_PORT: /healthz says whether the gateway, the store and the index are up, /metrics counts
// commands by name and outcome (with an answer-time histogram), and a member who floods commands gets a polite
// private cooldown while everyone else is still answered.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COOLDOWN_LIMIT } from '../../src/discord/cooldown.ts';
import { startBotProcess, type BotProcess } from '../support/bot-process.ts';
import { DiscordStandIn, makeUser } from '../support/discord-standin.ts';
import { freePort } from '../support/live-servers.ts';

const TOKEN = 'MTQwMDAwMDAwMDAwMDAwMDA4.Gops.lectern-operations-token';

describe('health, metrics and cooldown', () => {
  const standin = new DiscordStandIn({ token: TOKEN });
  const guild = standin.addGuild({ name: 'Seminar', channels: [{ name: 'reading' }] });
  const tmp = mkdtempSync(path.join(tmpdir(), 'lectern-ops-'));
  let bot: BotProcess;
  let base = '';

  const help = async (user = standin.tester) => {
    const sent = standin.sendInteraction({ kind: 'command', name: 'help', guildId: guild.id, user });
    const body = (await sent.callback(10_000)).body as { type: number; data: { content?: string; flags?: number; embeds?: Array<{ title?: string }> } };
    return body.data;
  };
  const metrics = async () => (await fetch(`${base}/metrics`)).text();

  beforeAll(async () => {
    await standin.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    bot = startBotProcess({ dataDir: tmp, env: { DISCORD_TOKEN: TOKEN, DISCORD_API_BASE_URL: standin.apiBase, METRICS_PORT: String(port), DEV_GUILD_ID: guild.id } });
    await bot.waitForLog(/^serving \/healthz and \/metrics$/, 90_000);
  }, 120_000);
  afterAll(async () => {
    await bot?.kill('SIGKILL');
    await standin.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('serves /healthz on 127.0.0.1: gateway connected, store reachable, index loaded', async () => {
    expect(bot.logs.find((l) => l.msg === 'serving /healthz and /metrics')?.host).toBe('127.0.0.1');
    let health: { status: number; body: unknown } = { status: 0, body: null };
    for (let t = Date.now(); Date.now() - t < 30_000; await sleep(100)) {
      const res = await fetch(`${base}/healthz`);
      health = { status: res.status, body: await res.json() };
      if (res.status === 200) break;
      // Until then it says what is not ready yet.
      expect(res.status).toBe(503);
    }
    expect(health).toEqual({ status: 200, body: { ok: true, gateway: true, store: true, index: true } });
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });

  it('counts commands by name and outcome, with their answer times', async () => {
    expect((await help()).embeds?.[0]?.title).toBeTruthy();
    const text = await metrics();
    expect(text).toMatch(/^lectern_commands_total\{command="help",outcome="answered"\} 1$/m);
    expect(text).toMatch(/^lectern_answer_seconds_count\{command="help"\} 1$/m);
    expect(text).toMatch(/^lectern_digests_total\{outcome="posted"\} 0$/m);
    expect(text).toMatch(/^lectern_gateway_reconnects_total 0$/m);
    expect(text).toMatch(/^lectern_store_errors_total 0$/m);
  });

  it(`gives a member who sends more than ${COOLDOWN_LIMIT} commands in 10 seconds a private cooldown, and nobody else`, async () => {
    // One /help was answered in the test before; the flood makes it past the limit.
    const answers = [];
    for (let i = 0; i < COOLDOWN_LIMIT; i++) answers.push(await help());
    const cooled = answers.filter((a) => a.content?.startsWith('You are sending commands faster than I can answer them well.'));
    expect(cooled).toHaveLength(1);
    expect(cooled[0]?.flags).toBe(64);
    expect(answers.at(-1)).toBe(cooled[0]);
    // Someone else is answered as usual meanwhile.
    expect((await help(makeUser({ username: 'patient' }))).embeds?.[0]?.title).toBeTruthy();
    expect(await metrics()).toMatch(/^lectern_commands_total\{command="help",outcome="cooldown"\} 1$/m);
  });
});
