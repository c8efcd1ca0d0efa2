import type { CommandContext, Services } from '../commands/command.ts';
import type { CorpusQuery } from '../corpus/query/corpus-query.ts';
import type { DigestScheduler } from '../digest/scheduler.ts';
import type { Where } from '../discord/where.ts';
import { Library } from '../library/library.ts';
import { LibrarySync } from '../library/library-sync.ts';
import { LiveCorpus } from '../library/live-corpus.ts';
import { DiskUploadFiles, type UploadFiles } from '../library/upload-files.ts';
import { QuizStore } from '../quiz/quiz-store.ts';
import { SettingsStore } from '../settings/settings-store.ts';
import type Keyv from 'keyv';
import { digestParts, type DigestWiring } from './digest.ts';
import { fetchAttachment } from './fetch-attachment.ts';
import { fetchPage, type FetchPage } from './fetch-page.ts';

/** The bot's state behind the commands: the live index, each server's settings and uploads. */
export type App = Services & {
  /** Keeps the index's uploads the same as the store's (the bot polls it; other processes may change them). */
  sync: LibrarySync;
  /** Posts each server's digest at its hour, once the bot has connected (when the bot posts digests). */
  scheduler?: DigestScheduler;
};

export type { Where };

export interface AppOptions {
  query: CorpusQuery;
  store: Keyv;
  uploadsDir: string;
  /** Where uploads' bytes are kept: `uploadsDir` on disk unless given (the shared store, for several machines). */
  files?: UploadFiles;
  warn: (m: string) => void;
  /** The one clock of the commands that speak of "today" and of the digest (a test's clock, or the real one). */
  now?: () => Date;
  /** How links are fetched; tests give one that may reach their server on 127.0.0.1. */
  fetchPage?: FetchPage;
  /** When given, the app posts daily digests (the bot; not the console). */
  digest?: DigestWiring;
}

export async function createApp(o: AppOptions): Promise<App> {
  const library = new Library(o.store, o.files ?? new DiskUploadFiles(o.uploadsDir));
  const corpus = new LiveCorpus(o.query);
  const sync = new LibrarySync({ library, corpus, warn: o.warn, onError: (e) => o.warn(`Could not look for uploads changed by other processes (tried again every few seconds): ${(e as Error).message}`) });
  await sync.poll();
  const settings = new SettingsStore(o.store);
  const quizzes = new QuizStore(o.store);
  const now = o.now ?? (() => new Date());
  const digest = o.digest ? digestParts(o.digest, { store: o.store, corpus, settings, quizzes, now }) : null;
  return {
    settings,
    library,
    corpus,
    sync,
    quizzes,
    fetchAttachment,
    fetchPage: o.fetchPage ?? ((address) => fetchPage(address)),
    now,
    ...(digest ? { digest: digest.service, scheduler: digest.scheduler } : {}),
  };
}

/**
 * The context a command runs in: in a server, that server's reading list, date order and visibility,
 * and whether the member may configure (Manage Server, or the server's moderator role).
 */
export async function contextFor(app: Services, where: Where): Promise<{ ctx: CommandContext; ephemeral: boolean }> {
  const attachments = where.attachments ? { attachments: where.attachments } : {};
  if (!where.guildId) return { ctx: { query: app.corpus.query, ...attachments }, ephemeral: false };
  const settings = await app.settings.get(where.guildId);
  const canConfigure = where.canManageGuild || (!!settings.moderatorRoleId && where.roleIds.includes(settings.moderatorRoleId));
  return {
    ctx: {
      query: app.corpus.query,
      documents: app.corpus.scopeFor(where.guildId, settings),
      dateOrder: settings.dateOrder,
      invoker: { guildId: where.guildId, userId: where.userId, userName: where.userName, canConfigure },
      services: app,
      ...attachments,
    },
    ephemeral: settings.replyVisibility === 'ephemeral',
  };
}
