import type Keyv from 'keyv';
import type { DigestClaims } from '../digest/claims.ts';
import { runDigest, type DigestPoster } from '../digest/runner.ts';
import { DigestScheduler } from '../digest/scheduler.ts';
import { digestService, type DigestService } from '../digest/service.ts';
import type { LiveCorpus } from '../library/live-corpus.ts';
import type { Logger } from '../logging/logger.ts';
import type { BotMetrics } from '../logging/metrics.ts';
import type { QuizStore } from '../quiz/quiz-store.ts';
import type { SettingsStore } from '../settings/settings-store.ts';

/** What posting digests takes from outside the app: the claims table, who claims, Discord, and its servers. */
export interface DigestWiring {
  /** Claimed in this table, exactly once per server and day. */
  claims: DigestClaims;
  owner: string;
  /** Posts a digest (through Discord), storing its quiz in the app's quiz store. */
  poster: (app: { quizzes: QuizStore; now: () => Date }) => DigestPoster;
  /** The servers the bot is in. */
  guilds: () => Iterable<string>;
  logger: Logger;
  metrics?: BotMetrics;
}

/** The digest's two faces over one poster: the service the commands use, and the scheduler that posts at each server's hour. */
export function digestParts(
  w: DigestWiring,
  app: { store: Keyv; corpus: LiveCorpus; settings: SettingsStore; quizzes: QuizStore; now: () => Date },
): { service: DigestService; scheduler: DigestScheduler } {
  const deps = { claims: w.claims, store: app.store, corpus: app.corpus, poster: w.poster(app), owner: w.owner, now: app.now };
  const scheduler = new DigestScheduler({
    guilds: w.guilds,
    settings: app.settings,
    claims: w.claims,
    run: async (guildId, settings, day) => {
      const outcome = await runDigest(deps, guildId, settings, day);
      if (outcome.status === 'posted' || outcome.status === 'recovered' || outcome.status === 'failed') w.metrics?.digest(outcome.status);
      return outcome;
    },
    now: app.now,
    logger: w.logger,
  });
  return { service: digestService(deps), scheduler };
}
