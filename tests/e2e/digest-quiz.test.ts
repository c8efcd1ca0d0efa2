// End to end: a quiz question in the daily digest (`/config set digest-content parts:… quiz`), posted once with
// its buttons by the real bot against the stand-in; pressing them answers privately and reveals on the digest.
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/discord/bot.ts';
import { configure } from '../support/configure.ts';
import { startDigestBot } from '../support/digest-bot.ts';
import { DiscordStandIn, makeUser } from '../support/discord-standin.ts';

const TOKEN = 'MTQwMDAwMDAwMDAwMDAwMDE5.Gdquiz.lectern-e2e-digest-quiz';

interface Button { custom_id: string; label: string; disabled?: boolean }
const buttonsOf = (m: APIMessage | undefined) => ((m?.components ?? []) as unknown as Array<{ components: Button[] }>).flatMap((r) => r.components);

describe('a quiz question in the daily digest', { timeout: 30_000 }, () => {
  const standin = new DiscordStandIn({ token: TOKEN });
  const guild = standin.addGuild({ name: 'Readers', channels: [{ name: 'general' }, { name: 'reading' }] });
  const channel = guild.channels[1]!.id;
  let clock = new Date('2026-09-02T07:59:00Z');
  let bot: RunningBot;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ bot, stop } = await startDigestBot({
      standin,
      token: TOKEN,
      guildId: guild.id,
      now: () => clock,
      prepare: (settings) => configure(settings, guild.id, { 'digest-channel': channel, 'digest-time': '08:00', 'digest-content': 'quote,quiz', digest: 'on' }),
    }));
    await bot.commandsSynced;
  });
  afterAll(() => stop?.());

  it('posts the question with four buttons in the one digest message, and reveals only the buttons', async () => {
    clock = new Date('2026-09-02T08:00:10Z');
    await bot.scheduler()?.tick();
    const posts = standin.messagesIn(channel);
    expect(posts).toHaveLength(1);
    const digest = posts[0]!;
    const description = digest.embeds[0]?.description ?? '';
    expect(description).toContain('**Quote of the day');
    expect(description).toContain('**Quiz — who said it? (press a name below)**');
    expect(description).not.toContain('On this day');
    const buttons = buttonsOf(digest);
    expect(buttons).toHaveLength(4);
    expect(buttons.every((b) => /^qz:[\w-]+:\d$/.test(b.custom_id) && !b.disabled)).toBe(true);
    const post = standin.requests.find((r) => r.method === 'POST' && r.route === `/channels/${channel}/messages`);
    expect((post?.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });

    // Each member presses a different name: one of the four is right, and the first right press reveals.
    const answers: string[] = [];
    for (const [i, b] of buttons.entries()) {
      const sent = standin.sendInteraction({ kind: 'button', customId: b.custom_id, messageId: digest.id, user: makeUser({ username: `reader${i}` }) });
      const callback = await sent.callback();
      const type = (callback.body as { type: number }).type;
      const data = type === 4 ? (callback.body as { data: { embeds: Array<{ title: string }> } }).data : ((await standin.waitForRequest((r) => r.method === 'POST' && r.route === `/webhooks/${standin.applicationId}/${sent.token}`)).body as { embeds: Array<{ title: string }> });
      answers.push(data.embeds[0]?.title ?? '');
      if (type === 7) {
        // The reveal changes the buttons only: the digest's text stays as posted.
        const edited = (callback.body as { data: { embeds?: unknown; components: unknown } }).data;
        expect(edited.embeds).toBeUndefined();
        const now = standin.messages.get(digest.id);
        expect(now?.embeds[0]?.description).toBe(description);
        expect(buttonsOf(now).every((x) => x.disabled)).toBe(true);
        expect(buttonsOf(now)[i]?.label).toBe(`✓ ${b.label}`);
      }
    }
    const right = answers.indexOf('Right!');
    expect(right).toBeGreaterThanOrEqual(0);
    expect(answers.slice(0, right).every((a) => a === 'Not this time')).toBe(true);
    expect(answers.slice(right + 1).every((a) => a === 'This quiz has closed')).toBe(true);
    // Posted once: the next look of the scheduler posts nothing more.
    await bot.scheduler()?.tick();
    expect(standin.messagesIn(channel)).toHaveLength(1);
  });
});
