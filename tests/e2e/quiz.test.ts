// End to end: /quiz through the real discord.js client against the local Discord stand-in, on a real SQLite
// store. Members press the buttons of the message Discord keeps; the bot is restarted in between (a new process
// on the same file), and the scores are still there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApplicationCommandOptionType, type APIEmbed, type APIMessage, type APIUser } from 'discord-api-types/v10';
import type Keyv from 'keyv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DigestClaims } from '../../src/digest/claims.ts';
import { SqliteClaims } from '../../src/digest/claims-sqlite.ts';
import type { RunningBot } from '../../src/discord/bot.ts';
import { openStore } from '../../src/store/open-store.ts';
import { bundledIndex } from '../support/bundled-index.ts';
import { DiscordStandIn, makeUser, type RecordedRequest } from '../support/discord-standin.ts';
import { startTestBot } from '../support/test-bot.ts';

const TOKEN = 'MTQwMDAwMDAwMDAwMDAwMDE4.Gquiz.lectern-e2e-quiz';
const EPHEMERAL = 64;
const UPDATE_MESSAGE = 7;
const CHANNEL_MESSAGE = 4;

interface Button { custom_id: string; label: string; disabled?: boolean; style: number }
interface Data { embeds?: APIEmbed[]; components?: Array<{ components: Button[] }>; flags?: number; allowed_mentions?: unknown }
const callbackData = (r: RecordedRequest) => (r.body as { type: number; data?: Data });
const textOf = (d: Data | undefined) => (d?.embeds ?? []).flatMap((e) => [e.title, e.description]).filter(Boolean).join('\n');
const buttonsOf = (d: Data | APIMessage | undefined) => ((d?.components ?? []) as Array<{ components: Button[] }>).flatMap((row) => row.components);

describe('/quiz in Discord', { timeout: 60_000 }, () => {
  const standin = new DiscordStandIn({ token: TOKEN });
  const guild = standin.addGuild({ name: 'Readers', channels: [{ name: 'reading' }] });
  const tmp = mkdtempSync(path.join(tmpdir(), 'lectern-e2e-quiz-'));
  const dbFile = path.join(tmp, 'lectern.sqlite');
  const members: APIUser[] = ['amy', 'ben', 'cat', 'dan', 'eve'].map((name) => makeUser({ username: name, global_name: name[0]!.toUpperCase() + name.slice(1) }));
  let clock = new Date('2026-09-01T09:00:00Z');
  let store: Keyv;
  let claims: DigestClaims;
  let bot: RunningBot;

  const start = async () => {
    store = await openStore(`sqlite://${dbFile}`, 'lectern');
    claims = await SqliteClaims.open(dbFile);
    ({ bot } = await startTestBot({ standin, token: TOKEN, guildId: guild.id, store, tmp, digest: { claims, owner: 'e2e-quiz', now: () => clock } }));
    await bot.commandsSynced;
  };
  const stop = async () => {
    await bot.stop();
    await claims.close();
    await store.disconnect();
  };
  /** Stops the bot and opens the same SQLite file again: a process restart. */
  const restart = async () => {
    await stop();
    await start();
  };
  const sub = (name: string, options: Record<string, string> = {}) => [
    { type: ApplicationCommandOptionType.Subcommand, name, options: Object.entries(options).map(([n, value]) => ({ name: n, value, type: ApplicationCommandOptionType.String })) },
  ];
  /** Asks a question; returns the message Discord keeps, with its buttons, and the interaction that posted it. */
  const ask = async () => {
    const sent = standin.sendInteraction({ kind: 'command', name: 'quiz', options: sub('question') as never });
    const callback = await sent.callback();
    const message = [...standin.messages.values()].find((m) => m.interaction_metadata?.id === sent.id);
    if (!message) throw new Error('no quiz message');
    return { sent, callback, message };
  };
  const press = async (message: APIMessage, choice: number, user: APIUser) => {
    const customId = buttonsOf(message)[choice]?.custom_id ?? '';
    const sent = standin.sendInteraction({ kind: 'button', customId, messageId: message.id, user });
    const callback = await sent.callback();
    const body = callbackData(callback);
    if (body.type === CHANNEL_MESSAGE) return { update: null, answer: body.data };
    // The message was updated to show the answer; the private answer follows.
    const followUp = await standin.waitForRequest((r) => r.method === 'POST' && r.route === `/webhooks/${standin.applicationId}/${sent.token}`);
    return { update: body, answer: followUp.body as Data };
  };
  const scores = async () => textOf(callbackData(await standin.sendInteraction({ kind: 'command', name: 'quiz', options: sub('scores') as never }).callback()).data);

  beforeAll(async () => {
    await standin.start();
    await start();
  });
  afterAll(async () => {
    await stop();
    await standin.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('posts a quote with its speaker blanked and four names as buttons, pinging nobody', async () => {
    const { callback, message } = await ask();
    const data = callbackData(callback).data;
    expect(data?.allowed_mentions).toEqual({ parse: [] });
    expect((data?.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(data?.embeds?.[0]?.title).toBe('Who said it?');
    const buttons = buttonsOf(message);
    expect(buttons).toHaveLength(4);
    expect(new Set(buttons.map((b) => b.label)).size).toBe(4);
    for (const [i, b] of buttons.entries()) expect(b.custom_id).toMatch(new RegExp(`^qz:[\\w-]+:${i}$`));
    // Four speakers of the reading list, and the quote cited by document and line.
    const speakers = (await bundledIndex()).speakers;
    for (const b of buttons) expect(speakers.some((x) => x.name === b.label), b.label).toBe(true);
    expect(textOf(data)).toMatch(/— 2025-09-04-security-guarantees\.txt, line \d+/);
  });

  it('answers each press privately, keeps quizzes and scores across a restart, and closes on the first right answer', async () => {
    let right = 0;
    // The first press is on the first button: wrong three times in four. Ask until it is (and count any right).
    let found: { message: APIMessage; answer: number; speaker: string; question: string } | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) {
      const { message, callback } = await ask();
      const labels = buttonsOf(message).map((b) => b.label);
      const first = await press(message, 0, members[0]!);
      expect((first.answer?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expect(first.answer?.allowed_mentions).toEqual({ parse: [] });
      const said = textOf(first.answer);
      expect(said).toMatch(/— .*line \d+/);
      if (first.update) {
        expect(first.answer?.embeds?.[0]?.title).toBe('Right!');
        expect(said).toContain(`**${labels[0]}**`);
        right++;
        continue;
      }
      expect(first.answer?.embeds?.[0]?.title).toBe('Not this time');
      const speaker = /It was \*\*(.+?)\*\*/.exec(said)?.[1] ?? '';
      expect(said).toContain(`not ${labels[0]}.`);
      found = { message, answer: labels.indexOf(speaker), speaker, question: textOf(callbackData(callback).data) };
    }
    if (!found) throw new Error('the first button was right twelve times running');
    expect(found.answer).toBeGreaterThan(0);
    // The speaker is named nowhere in the question, by full name or by any capitalised part of it.
    for (const part of [found.speaker, ...found.speaker.split(' ').filter((w) => w.length >= 3 && /^[A-Z]/.test(w))]) expect(found.question).not.toContain(part);

    await restart();

    // The same member again: the first answer counts, and it is said so.
    const again = await press(found.message, found.answer, members[0]!);
    expect(again.update).toBeNull();
    expect(again.answer?.embeds?.[0]?.title).toBe('Already answered');
    // Another member names the speaker: privately told so, and the message now shows the answer for all.
    const win = await press(found.message, found.answer, members[1]!);
    expect(win.answer?.embeds?.[0]?.title).toBe('Right!');
    expect((win.answer?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(win.update?.type).toBe(UPDATE_MESSAGE);
    expect(win.update?.data?.allowed_mentions).toEqual({ parse: [] });
    expect(textOf(win.update?.data)).toContain(`It was **${found.speaker}**`);
    expect(textOf(win.update?.data)).toContain('First to say so: Ben.');
    const shown = buttonsOf(standin.messages.get(found.message.id));
    expect(shown.every((b) => b.disabled)).toBe(true);
    expect(shown[found.answer]?.label).toBe(`✓ ${found.speaker}`);
    // A press after that is on a closed quiz.
    const late = await press(found.message, found.answer, members[2]!);
    expect(late.update).toBeNull();
    expect(late.answer?.embeds?.[0]?.title).toBe('This quiz has closed');

    const table = await scores();
    expect(table).toContain('Quiz scores');
    expect(table).toMatch(/\*\*1\. (Amy|Ben)\*\*/);
    expect(table).toContain(`Ben**\n> 1 right of 1 answered`);
    expect(table).toContain(`Amy**\n> ${right} right of ${right + 1} answered`);
    expect(table).not.toContain('Cat');
    await restart();
    expect(await scores()).toBe(table);
  });

  it('shows the answer after ten minutes when nobody got it, also for a quiz asked before a restart', async () => {
    const { message, sent } = await ask();
    await restart();
    clock = new Date(clock.getTime() + 9 * 60_000);
    await bot.quizCloser()?.tick();
    expect(standin.requests.some((r) => r.method === 'PATCH' && r.route.includes(sent.token))).toBe(false);
    clock = new Date(clock.getTime() + 2 * 60_000);
    await bot.quizCloser()?.tick();
    const edit = await standin.waitForRequest((r) => r.method === 'PATCH' && r.route === `/webhooks/${standin.applicationId}/${sent.token}/messages/@original`);
    expect(edit.status).toBe(200);
    expect(textOf(edit.body as Data)).toContain('Nobody named the speaker in time: it was **');
    expect((edit.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
    expect(buttonsOf(standin.messages.get(message.id)).every((b) => b.disabled)).toBe(true);
    // Once is enough: the next look edits nothing.
    const edits = standin.requests.filter((r) => r.method === 'PATCH').length;
    await bot.quizCloser()?.tick();
    expect(standin.requests.filter((r) => r.method === 'PATCH').length).toBe(edits);
    const late = await press(message, 0, members[3]!);
    expect(late.update).toBeNull();
    expect(late.answer?.embeds?.[0]?.title).toBe('This quiz has closed');
    expect(await scores()).not.toContain('Dan');
  });

  it('says so for a quiz it no longer has', async () => {
    const ghost = standin.sendInteraction({ kind: 'button', customId: 'qz:doesnotexist:1', user: members[4]! });
    const answer = callbackData(await ghost.callback()).data;
    expect(answer?.embeds?.[0]?.title).toBe('This quiz is gone');
    expect((answer?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  });
});
