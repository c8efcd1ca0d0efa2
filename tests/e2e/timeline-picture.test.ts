// End to end: `/timeline picture:true` through the real discord.js client against the local Discord stand-in.
// The PNG is read back from the multipart upload Discord would have received, and decoded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIEmbed } from 'discord-api-types/v10';
import type Keyv from 'keyv';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/discord/bot.ts';
import { DOCUMENT_COLOURS } from '../../src/picture/timeline-chart.ts';
import { openStore } from '../../src/store/open-store.ts';
import { DiscordStandIn } from '../support/discord-standin.ts';
import { startTestBot } from '../support/test-bot.ts';

const TOKEN = 'MTQwMDAwMDAwMDAwMDAwMDE3.Gpicture.lectern-e2e-timeline-picture';
const DEFERRED = 5;

describe('/timeline picture:true in Discord', { timeout: 30_000 }, () => {
  const standin = new DiscordStandIn({ token: TOKEN });
  const guild = standin.addGuild({ name: 'Readers', channels: [{ name: 'reading' }] });
  const tmp = mkdtempSync(path.join(tmpdir(), 'lectern-e2e-picture-'));
  let store: Keyv;
  let bot: RunningBot;

  beforeAll(async () => {
    await standin.start();
    store = await openStore(`sqlite://${path.join(tmp, 'lectern.sqlite')}`, 'lectern');
    ({ bot } = await startTestBot({ standin, token: TOKEN, guildId: guild.id, store, tmp }));
    await bot.commandsSynced;
  });
  afterAll(async () => {
    await bot?.stop();
    await store?.disconnect();
    await standin.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('registers `picture` as a boolean option of /timeline', () => {
    const timeline = standin.commands.get(guild.id)?.find((c) => c.name === 'timeline');
    expect(timeline?.options?.find((o) => o.name === 'picture')).toMatchObject({ type: 5, required: false });
  });

  it('answers with the PNG as an attachment shown in the embed, pinging nobody', async () => {
    const sent = standin.sendInteraction({ kind: 'command', name: 'timeline', options: { from: '2025-08-01', to: '2025-09-30', picture: true } });
    const callback = await sent.callback();
    // Drawing may take longer than Discord's three seconds on a cold start: the answer is deferred, then edited in.
    expect((callback.body as { type: number }).type).toBe(DEFERRED);
    const edit = await standin.waitForRequest((r) => r.method === 'PATCH' && r.route.includes(`/webhooks/${standin.applicationId}/${sent.token}/messages/@original`), 20_000);
    expect(edit.status).toBe(200);
    expect(edit.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(edit.files).toHaveLength(1);
    const file = edit.files[0]!;
    expect(file).toMatchObject({ field: 'files[0]', name: 'timeline.png' });
    const body = edit.body as { embeds: APIEmbed[]; allowed_mentions: unknown; attachments: Array<{ id: number | string; description?: string }> };
    expect(body.embeds[0]?.image?.url).toBe('attachment://timeline.png');
    expect(body.embeds[0]?.title).toBe('Timeline from 2025-08-01 to 2025-09-30');
    expect(body.embeds[0]?.description).toContain('9 dated events.');
    expect(body.attachments[0]?.description).toContain('9 events on a time axis');
    expect(body.allowed_mentions).toEqual({ parse: [] });

    const png = PNG.sync.read(Buffer.from(file.bytes));
    expect(png.width).toBeGreaterThanOrEqual(800);
    expect(file.size).toBe(file.bytes.byteLength);
    expect(file.size).toBeLessThan(10 * 1024 * 1024);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(DOCUMENT_COLOURS[0].slice(i, i + 2), 16));
    let marked = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === r && png.data[i + 1] === g && png.data[i + 2] === b) marked++;
    expect(marked).toBeGreaterThan(50);
    // The message Discord keeps has the file attached.
    const message = [...standin.messages.values()].find((m) => m.interaction_metadata?.id === sent.id);
    expect(message?.attachments.map((a) => a.filename)).toEqual(['timeline.png']);
  });

  it('lists the events as before without `picture`, and refuses a bad date with no picture drawn', async () => {
    const listed = await standin.sendInteraction({ kind: 'command', name: 'timeline', options: { from: '2025-08-01', to: '2025-09-30' } }).callback();
    expect(listed.files).toHaveLength(0);
    expect((listed.body as { data: { embeds: APIEmbed[] } }).data.embeds[0]?.image).toBeUndefined();
    const sent = standin.sendInteraction({ kind: 'command', name: 'timeline', options: { from: 'someday', picture: true } });
    await sent.callback();
    const answer = await standin.waitForRequest((r) => r.route.includes(`/webhooks/${standin.applicationId}/${sent.token}`) && r.method === 'POST', 10_000);
    expect(answer.files).toHaveLength(0);
    expect(JSON.stringify(answer.body)).toContain('must be a date with a year');
  });
});
