import { DiscordAPIError, Routes, type REST } from 'discord.js';
import type { Logger } from '../logging/logger.ts';
import type { QuizStore } from '../quiz/quiz-store.ts';
import { revealedMessage } from './quiz-message.ts';
import { NO_PINGS } from './send.ts';

const TICK_MS = 15_000;
/** Unknown Channel, Unknown Message, Unknown Webhook, Missing Access, Missing Permissions, Invalid Webhook Token: retrying will not help. */
const HOPELESS = new Set([10003, 10008, 10015, 50001, 50013, 50027]);

/**
 * Shows the answer on quizzes nobody got right in ten minutes. It looks every few seconds at the stored open
 * quizzes rather than keeping a timer per quiz, so quizzes asked before a restart are revealed after it.
 */
export class QuizCloser {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly o: { rest: REST; quizzes: QuizStore; now: () => Date; logger: Logger }) {}

  start(): void {
    this.timer ??= setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
    void this.tick();
  }

  /** Reveals every quiz whose time is up; passes run one after another, each reading the clock when it starts. */
  tick(): Promise<void> {
    this.running = this.running.then(() => this.revealDue()).catch((error: unknown) => this.o.logger.error({ err: error }, 'quiz closer failed'));
    return this.running;
  }

  private async revealDue(): Promise<void> {
    const now = this.o.now().getTime();
    for (const state of await this.o.quizzes.unrevealed()) {
      if (state.closesAt > now) continue;
      const message = state.message;
      try {
        if (message) {
          const body = { ...revealedMessage(state), allowed_mentions: NO_PINGS };
          const route = message.kind === 'interaction' ? Routes.webhookMessage(message.applicationId, message.token, '@original') : Routes.channelMessage(message.channelId, message.messageId);
          await this.o.rest.patch(route, { body, auth: message.kind === 'channel' });
          await this.o.quizzes.update(state.id, (s) => ({ ...s, closed: s.closed ?? { at: s.closesAt, by: null }, revealed: true, message: null }));
        } else await this.o.quizzes.forget(state.id);
      } catch (error) {
        const code = error instanceof DiscordAPIError ? Number(error.code) : NaN;
        this.o.logger.warn({ err: error, quiz: state.id }, 'could not show a quiz’s answer');
        // The message is gone or out of reach: the next press on it (if any) shows the answer instead.
        if (HOPELESS.has(code)) await this.o.quizzes.forget(state.id);
      }
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
