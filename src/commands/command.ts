import type { CorpusQuery, Scope } from '../corpus/query/corpus-query.ts';
import type { NumericOrder } from '../corpus/query/date-query.ts';
import { clip } from '../reply/clip.ts';
import type { OptionSpec } from '../reply/option-spec.ts';
import type { Reply } from '../reply/reply.ts';

/** Who asked, where: present in a server, absent in the console. */
export interface Invoker {
  guildId: string;
  userId: string;
  userName: string;
  /** Manage Server, or the server's moderator role. */
  canConfigure: boolean;
}

/** A web page fetched for the reading list, or why it was not. */
export type FetchedPage = { ok: true; url: string; bytes: Uint8Array } | { ok: false; reason: string };

export interface Attachment {
  url: string;
  name: string;
  size: number;
}

export interface CommandContext {
  query: CorpusQuery;
  /** The documents this server reads (all when absent). */
  documents?: ReadonlySet<string>;
  /** How to read numeric dates such as 8/29. */
  dateOrder?: NumericOrder;
  invoker?: Invoker;
  /** Files attached to the command, by option name. */
  attachments?: Record<string, Attachment>;
  services?: Services;
}

/** The bot's stateful parts, for the commands that change things (configuration, the reading list). */
export interface Services {
  settings: import('../settings/settings-store.ts').SettingsStore;
  library: import('../library/library.ts').Library;
  corpus: import('../library/live-corpus.ts').LiveCorpus;
  /** Who-said-it quizzes and their scores, per server. */
  quizzes: import('../quiz/quiz-store.ts').QuizStore;
  fetchAttachment(a: Attachment, maxBytes: number): Promise<Uint8Array>;
  /** Fetches a web page for the reading list (src/app/fetch-page.ts: every address checked). */
  fetchPage(address: string): Promise<FetchedPage>;
  now(): Date;
  /** Present when the bot posts digests (not in the console). */
  digest?: import('../digest/service.ts').DigestService;
}

export type Options = Record<string, string | undefined>;

/** The chosen subcommand ("show", "set digest-time") is passed among the options under this key. */
export const SUBCOMMAND = '__subcommand';

export interface SubcommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** The group it belongs to ("set" in `/config set digest-time`). */
  group?: string;
}

export interface Choice {
  name: string;
  value: string;
}

/** Discord shows at most this many autocomplete choices. */
export const MAX_CHOICES = 25;

export interface Command {
  name: string;
  description: string;
  options: OptionSpec[];
  subcommands?: SubcommandSpec[];
  /** Hidden from members without Manage Server (and checked again when run). */
  moderatorOnly?: boolean;
  /** Offered by Discord in servers only, not in DMs: it is played by a server's members together (the console still answers it). */
  discordServersOnly?: boolean;
  run(ctx: CommandContext, options: Options): Reply | Promise<Reply>;
  /** Whether answering these options may take longer than Discord's three seconds (a picture to draw). */
  slow?(options: Options): boolean;
  autocomplete?(ctx: CommandContext, option: string, value: string, options: Options): Choice[] | Promise<Choice[]>;
}

export function scopeOf(ctx: CommandContext, options: Options): Scope {
  return {
    ...(ctx.documents ? { documents: ctx.documents } : {}),
    ...(options.document?.trim() ? { document: options.document.trim() } : {}),
  };
}

export const documentOption: OptionSpec = { name: 'document', description: 'Only this document (title or file name)', type: 'string', autocomplete: true, maxLength: 200 };

/** Autocomplete for the document option, shared by every command that has one. */
export function documentChoices(ctx: CommandContext, value: string): Choice[] {
  const q = value.trim().toLowerCase();
  return ctx.query
    .documents(ctx.documents ? { documents: ctx.documents } : {})
    .filter((d) => !q || d.title.toLowerCase().includes(q) || d.file.toLowerCase().includes(q))
    .slice(0, MAX_CHOICES)
    .map((d) => ({ name: clip(d.title, 100), value: d.id.slice(0, 100) }));
}
