// What a command answers, before anyone draws it: no Discord types, so the console and tests see the same thing.
import type { RichText } from './rich-text.ts';

export interface Citation {
  documentId: string;
  title: string;
  file: string;
  line: number;
  /** Last line for a range (a section); absent for a single line. */
  endLine?: number;
  /** Page or chapter in the original ("p. 2", "ch. 2, The Flood"), for sources that have them. */
  location?: string;
  date: string | null;
}

export interface ReplyItem {
  /** A short heading (a speaker, a date, a section label). */
  heading?: RichText;
  text: RichText;
  citation?: Citation;
}

/** A picture that goes with a reply: an attachment in Discord, a file written by the console. */
export interface Picture {
  /** File name, e.g. `timeline.png`. */
  file: string;
  png: Uint8Array;
  /** What it shows, for screen readers (Discord's attachment description). */
  description: string;
}

export interface QuizChoice {
  name: string;
  role: string | null;
}

/** A quote with its speaker blanked out, and four speakers to choose from (one of them right). */
export interface QuizQuestion {
  /** The quote with the speaker's names and aliases blanked. */
  text: string;
  /** The quote as the document has it, shown with the answer. */
  said: string;
  kind: 'direct' | 'indirect' | 'block';
  citation: Citation;
  choices: QuizChoice[];
  /** Index of the right choice. */
  answer: number;
}

/** A who-said-it question in a reply: its choices are buttons in Discord and numbered lines in the console. */
export interface QuizPart {
  /** The stored quiz the buttons answer (null where nothing is stored: the console, a digest not yet posted). */
  id: string | null;
  question: QuizQuestion;
  /** The answer is shown: the buttons are done with, the right one marked. */
  revealed: boolean;
}

export type ReplyKind = 'answer' | 'not-found' | 'invalid';

export interface Reply {
  kind: ReplyKind;
  title: string;
  /** One line above the items ("3 quotes from Alexander Stubb"). */
  intro?: RichText;
  items: ReplyItem[];
  /** "Did you mean …?" choices. */
  suggestions?: string[];
  /** Not-found and invalid answers are shown only to the person who asked. */
  ephemeral: boolean;
  picture?: Picture;
  quiz?: QuizPart;
}

/**
 * A reply lists at most this many items (about fifty pages of quotes or events, more than anyone pages
 * through in Discord); the intro then says how many there were and how to narrow the question. Every page
 * turn re-runs the command, so this also keeps a page turn on a large corpus as cheap as the first answer.
 */
export const MAX_ITEMS = 300;

/** "12 events." or, past the cap, "185,556 events; the first 300 are shown: narrow with `from` and `to`." */
export function countIntro(total: number, noun: string, narrow: string, shownAs = 'the first'): string {
  const count = `${total.toLocaleString('en-US')} ${noun}`;
  return total > MAX_ITEMS ? `${count}; ${shownAs} ${MAX_ITEMS} are shown${narrow ? `: ${narrow}` : ''}.` : `${count}.`;
}

export const answer = (title: string, items: ReplyItem[], intro?: RichText): Reply => ({ kind: 'answer', title, items, ephemeral: false, ...(intro ? { intro } : {}) });

export const notFound = (message: string, suggestions: string[] = []): Reply => ({
  kind: 'not-found',
  title: 'Nothing found',
  intro: suggestions.length ? `${message} Did you mean ${suggestions.map((s) => `**${s}**`).join(', ')}?` : message,
  items: [],
  suggestions,
  ephemeral: true,
});

export const invalid = (message: RichText): Reply => ({ kind: 'invalid', title: 'Check that option', intro: message, items: [], ephemeral: true });

/** Moderator answers are private: settings and the reading list are nobody else's business. */
export const privately = (reply: Reply): Reply => ({ ...reply, ephemeral: true });
