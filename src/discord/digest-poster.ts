import { createHash } from 'node:crypto';
import { DiscordAPIError, Routes, type REST } from 'discord.js';
import type { APIMessage } from 'discord-api-types/v10';
import { DIGEST_SPACING_MS, Pacer } from '../digest/pacer.ts';
import { PostError, type DigestPoster } from '../digest/runner.ts';
import type { Reply } from '../reply/reply.ts';
import { paginate, renderEmbed } from './render.ts';
import { NO_PINGS, quizButtons } from './send.ts';
import type { QuizStore } from '../quiz/quiz-store.ts';

/** Unknown Channel, Unknown Guild, Missing Access, Missing Permissions: retrying will not help until someone acts. */
const PERMANENT = new Set([10003, 10004, 50001, 50013]);
const RECENT = 50;

/**
 * Posts digests with the bot's REST client (which waits out 429s as their headers say). A digest with a quiz
 * question gets its buttons, with the quiz stored (`quizzes`, once the app is ready) under an id of the digest's own.
 */
export function discordPoster(rest: REST, botId: () => string | null, pacer = new Pacer(DIGEST_SPACING_MS), quizzes: () => QuizStore | null = () => null, now: () => Date = () => new Date()): DigestPoster {
  /** The day's quiz, stored once: a retried post finds the same one, presses and all. */
  const quizOf = async (reply: Reply, marker: string, guildId: string | undefined) => {
    const store = quizzes();
    if (!reply.quiz || !store || !guildId) return null;
    const id = createHash('sha256').update(`quiz ${marker}`).digest('base64url').slice(0, 12);
    return (await store.get(id)) ?? (await store.open(guildId, reply.quiz.question, now().getTime(), true, id));
  };
  return {
    async post(channelId: string, reply: Reply, marker: string, guildId?: string): Promise<string> {
      const pages = paginate(reply);
      // A digest is one message: its first page, with the marker that identifies it after a crash.
      const embed = { ...renderEmbed(reply, pages, 0), footer: { text: marker } };
      // The same nonce on a retry makes Discord return the first message instead of posting twice.
      const nonce = createHash('sha256').update(marker).digest('hex').slice(0, 25);
      await pacer.wait();
      try {
        const quiz = await quizOf(reply, marker, guildId);
        const components = quiz && reply.quiz ? quizButtons({ ...reply.quiz, id: quiz.id }) : [];
        const message = (await rest.post(Routes.channelMessages(channelId), {
          body: { embeds: [embed], components, allowed_mentions: NO_PINGS, nonce, enforce_nonce: true },
        })) as APIMessage;
        if (quiz) await quizzes()?.update(quiz.id, (s) => ({ ...s, message: { kind: 'channel', channelId, messageId: message.id } }));
        return message.id;
      } catch (error) {
        if (error instanceof DiscordAPIError) throw new PostError(error.message, typeof error.code === 'number' ? error.code : null, PERMANENT.has(Number(error.code)));
        throw new PostError((error as Error).message, null, false);
      }
    },
    async find(channelId: string, marker: string): Promise<string | null> {
      try {
        const messages = (await rest.get(Routes.channelMessages(channelId), { query: new URLSearchParams({ limit: String(RECENT) }) })) as APIMessage[];
        const mine = messages.find((m) => (!botId() || m.author.id === botId()) && m.embeds.some((e) => e.footer?.text === marker));
        return mine?.id ?? null;
      } catch (error) {
        if (error instanceof DiscordAPIError && PERMANENT.has(Number(error.code))) throw new PostError(error.message, Number(error.code), true);
        throw new PostError((error as Error).message, null, false);
      }
    },
  };
}
