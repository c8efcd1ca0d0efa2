import { randomBytes } from 'node:crypto';
import type Keyv from 'keyv';
import { KeyedQueue } from '../store/keyed-queue.ts';
import type { QuizQuestion } from './question.ts';

/** A quiz is open for ten minutes, or until someone names the speaker. */
export const QUIZ_OPEN_MS = 10 * 60 * 1000;
/** Kept a month, like page buttons' state: a press on an older quiz is told it is gone. */
const QUIZ_TTL_MS = 30 * 24 * 3600 * 1000;
const OPEN_LIST = 'quiz-open';

/** How the bot edits the quiz message later: through the command's interaction (15 minutes), or in its channel. */
export type QuizMessage = { kind: 'interaction'; applicationId: string; token: string } | { kind: 'channel'; channelId: string; messageId: string };

export interface QuizState {
  id: string;
  guildId: string;
  question: QuizQuestion;
  createdAt: number;
  closesAt: number;
  /** Each member's first press (the choice's index); later presses count for nothing. */
  pressed: Record<string, number>;
  closed: { at: number; by: string | null } | null;
  /** The message shows the answer. */
  revealed: boolean;
  message: QuizMessage | null;
  /** Part of a larger message (the daily digest): the reveal changes only the buttons. */
  embedded: boolean;
}

export interface Score {
  userId: string;
  name: string;
  right: number;
  answered: number;
}

export type Press =
  | { kind: 'gone' }
  | { kind: 'closed'; state: QuizState }
  | { kind: 'again'; state: QuizState; choice: number }
  | { kind: 'answered'; state: QuizState; right: boolean; first: boolean };

/**
 * Quizzes and their scores in the bot's store (the one that keeps settings and page-button state), so buttons
 * keep working after a restart. Presses on one quiz, and score changes in one server, are serialised.
 */
export class QuizStore {
  private readonly queue = new KeyedQueue();

  constructor(private readonly store: Keyv) {}

  async open(guildId: string, question: QuizQuestion, now: number, embedded = false, id = randomBytes(6).toString('base64url')): Promise<QuizState> {
    const state: QuizState = { id, guildId, question, createdAt: now, closesAt: now + QUIZ_OPEN_MS, pressed: {}, closed: null, revealed: false, message: null, embedded };
    await this.store.set(`quiz:${id}`, state, QUIZ_TTL_MS);
    await this.queue.run(OPEN_LIST, async () => {
      const open = ((await this.store.get(OPEN_LIST)) as string[] | undefined) ?? [];
      await this.store.set(OPEN_LIST, [...open.filter((o) => o !== id), id]);
    });
    return state;
  }

  async get(id: string): Promise<QuizState | null> {
    return ((await this.store.get(`quiz:${id}`)) as QuizState | undefined) ?? null;
  }

  /** Changes a quiz's state one writer at a time; null when it is gone. */
  update(id: string, change: (s: QuizState) => QuizState): Promise<QuizState | null> {
    return this.queue.run(`quiz:${id}`, async () => {
      const current = await this.get(id);
      if (!current) return null;
      const next = change(structuredClone(current));
      await this.store.set(`quiz:${id}`, next, QUIZ_TTL_MS);
      if (next.revealed && !current.revealed) await this.forget(id);
      return next;
    });
  }

  /** A member's press: right or wrong on the first, the same answer again after, or closed. Scores the first. */
  async press(id: string, user: { id: string; name: string }, choice: number, now: number): Promise<Press> {
    let outcome: Press = { kind: 'gone' };
    await this.update(id, (s) => {
      if (s.closed || now >= s.closesAt) {
        outcome = { kind: 'closed', state: s.closed ? s : { ...s, closed: { at: s.closesAt, by: null } } };
        return outcome.state;
      }
      const earlier = s.pressed[user.id];
      if (earlier !== undefined) {
        outcome = { kind: 'again', state: s, choice: earlier };
        return s;
      }
      const right = choice === s.question.answer;
      const next: QuizState = { ...s, pressed: { ...s.pressed, [user.id]: choice }, ...(right ? { closed: { at: now, by: user.name } } : {}) };
      outcome = { kind: 'answered', state: next, right, first: right };
      return next;
    });
    const result = outcome as Press;
    if (result.kind === 'answered') await this.score(result.state.guildId, user, result.right);
    return result;
  }

  private score(guildId: string, user: { id: string; name: string }, right: boolean): Promise<void> {
    return this.queue.run(`scores:${guildId}`, async () => {
      const scores = ((await this.store.get(`quiz-scores:${guildId}`)) as Record<string, Score> | undefined) ?? {};
      const was = scores[user.id] ?? { userId: user.id, name: user.name, right: 0, answered: 0 };
      scores[user.id] = { ...was, name: user.name, right: was.right + (right ? 1 : 0), answered: was.answered + 1 };
      await this.store.set(`quiz-scores:${guildId}`, scores);
    });
  }

  /** The server's best: most right answers, then fewest tries for them, then name. */
  async top(guildId: string, n = 10): Promise<Score[]> {
    const scores = Object.values(((await this.store.get(`quiz-scores:${guildId}`)) as Record<string, Score> | undefined) ?? {});
    return scores.sort((a, b) => b.right - a.right || a.answered - b.answered || a.name.localeCompare(b.name)).slice(0, n);
  }

  /** Quizzes whose message does not show the answer yet (to reveal at their time, also after a restart). */
  async unrevealed(): Promise<QuizState[]> {
    const ids = ((await this.store.get(OPEN_LIST)) as string[] | undefined) ?? [];
    const states = await Promise.all(ids.map((id) => this.get(id)));
    return states.filter((s): s is QuizState => !!s && !s.revealed);
  }

  /** No longer waits to be revealed by the clock (revealed, or with no message to edit). */
  forget(id: string): Promise<void> {
    return this.queue.run(OPEN_LIST, async () => {
      const open = ((await this.store.get(OPEN_LIST)) as string[] | undefined) ?? [];
      await this.store.set(OPEN_LIST, open.filter((o) => o !== id));
    });
  }
}
