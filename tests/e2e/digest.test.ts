// End to end: the running bot posts a real digest through the local Discord stand-in, at the server's time.
import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DigestClaims } from '../../src/digest/claims.ts';
import { type RunningBot } from '../../src/discord/bot.ts';
import { configure } from '../support/configure.ts';
import { startDigestBot } from '../support/digest-bot.ts';
import { DiscordStandIn } from '../support/discord-standin.ts';

const TOKEN = 'MTQwMDAwMDAwMDAwMDAwMDAz.Gdigest.lectern-e2e-digest';
const MANAGE = String(PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel);

describe('the daily digest, end to end', { timeout: 20_000 }, () => {
  const standin = new DiscordStandIn({ token: TOKEN });
  const guild = standin.addGuild({ name: 'Readers', channels: [{ name: 'general' }, { name: 'digest' }] });
  const channel = guild.channels[1]!.id;
  // 29 August, 08:00 in Helsinki (05:00 UTC): the day of the Bayraktar factory fire in the bundled article.
  const now = new Date('2026-08-29T05:00:30Z');
  let claims: DigestClaims;
  let bot: RunningBot;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ bot, claims, stop } = await startDigestBot({
      standin,
      token: TOKEN,
      guildId: guild.id,
      now: () => now,
      prepare: (settings) => configure(settings, guild.id, { digest: 'on', 'digest-channel': channel, 'digest-time': '08:00', 'digest-timezone': 'Europe/Helsinki' }),
    }));
  });
  afterAll(() => stop?.());

  it('posts one digest to the configured channel when it is due, citing its sources and pinging nobody', async () => {
    const post = await standin.waitForRequest((r) => r.method === 'POST' && r.route === `/channels/${channel}/messages`, 10_000);
    const body = post.body as { embeds: Array<{ title: string; description: string; footer: { text: string } }>; allowed_mentions: unknown; nonce: string; enforce_nonce: boolean };
    expect(post.status).toBe(200);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.enforce_nonce).toBe(true);
    const embed = body.embeds[0]!;
    expect(embed.title).toBe('Daily digest — 2026-08-29');
    expect(embed.description).toContain('Quote of the day');
    expect(embed.description).toContain('On this day — 2025-08-29');
    expect(embed.description).toContain('The factory where Turkish Bayraktar drones are assembled');
    expect(embed.description).toContain('Section spotlight');
    expect(embed.description).toMatch(/2025-09-04-security-guarantees\.txt, line \d+/);
    expect(embed.footer.text).toBe(`Lectern digest 2026-08-29 · ${guild.id}`);
    // The claim is marked with the message id right after Discord answers.
    for (let i = 0; i < 50 && (await claims.get(guild.id, '2026-08-29'))?.status !== 'posted'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await claims.get(guild.id, '2026-08-29')).toMatchObject({ status: 'posted', messageId: (post.status === 200 ? standin.messagesIn(channel)[0]?.id : null) });
  });

  it('does not post it again, even when asked to post now', async () => {
    await bot.scheduler()?.tick();
    const options = [{ type: ApplicationCommandOptionType.Subcommand, name: 'now', options: [] }];
    const reply = await standin.sendInteraction({ kind: 'command', name: 'digest', options: options as never, permissions: MANAGE }).callback();
    const data = (reply.body as { data: { embeds: Array<{ title: string; description: string }>; flags: number } }).data;
    expect(data.flags).toBe(64);
    expect(data.embeds[0]?.title).toBe('Already posted');
    expect(standin.messagesIn(channel)).toHaveLength(1);
  });

  it('shows moderators a private preview', async () => {
    const options = [{ type: ApplicationCommandOptionType.Subcommand, name: 'preview', options: [] }];
    const reply = await standin.sendInteraction({ kind: 'command', name: 'digest', options: options as never, permissions: MANAGE }).callback();
    const data = (reply.body as { data: { embeds: Array<{ title: string }>; flags: number } }).data;
    expect(data.flags).toBe(64);
    expect(data.embeds[0]?.title).toBe('Daily digest — 2026-08-29');
    expect(standin.messagesIn(channel)).toHaveLength(1);
  });
});
