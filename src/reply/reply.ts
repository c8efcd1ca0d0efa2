// What a command answers, before anyone draws it: no Discord types, so the console and tests see the same thing.

export interface Citation {
  documentId: string;
  title: string;
  file: string;
  line: number;
  /** Last line for a range (a section); absent for a single line. */
  endLine?: number;
  date: string | null;
}

export interface ReplyItem {
  /** A short heading (a speaker, a date, a section label). */
  heading?: string;
  text: string;
  citation?: Citation;
}

export type ReplyKind = 'answer' | 'not-found' | 'invalid';

export interface Reply {
  kind: ReplyKind;
  title: string;
  /** One line above the items ("3 quotes from Alexander Stubb"). */
  intro?: string;
  items: ReplyItem[];
  /** "Did you mean …?" choices. */
  suggestions?: string[];
  /** Not-found and invalid answers are shown only to the person who asked. */
  ephemeral: boolean;
}

export const answer = (title: string, items: ReplyItem[], intro?: string): Reply => ({ kind: 'answer', title, items, ephemeral: false, ...(intro ? { intro } : {}) });

export const notFound = (message: string, suggestions: string[] = []): Reply => ({
  kind: 'not-found',
  title: 'Nothing found',
  intro: suggestions.length ? `${message} Did you mean ${suggestions.map((s) => `**${s}**`).join(', ')}?` : message,
  items: [],
  suggestions,
  ephemeral: true,
});

export const invalid = (message: string): Reply => ({ kind: 'invalid', title: 'Check that option', intro: message, items: [], ephemeral: true });

/** Moderator answers are private: settings and the reading list are nobody else's business. */
export const privately = (reply: Reply): Reply => ({ ...reply, ephemeral: true });
