import type { CorpusSpeaker } from '../index/types.ts';
import type { QuoteKind } from '../types.ts';

/**
 * Why a question has no answer, as data: the commands word it. `asked` is the text as given (the commands
 * clip it); suggestions are the likely alternatives, best first.
 */
export type Reason =
  // Mistakes in how the question was asked.
  | { kind: 'no-speaker-given' }
  | { kind: 'no-section-given' }
  | { kind: 'no-date-given' }
  | { kind: 'unreadable-date'; asked: string }
  /** A timeline bound that is not one date with a year. */
  | { kind: 'bound-without-year'; bound: 'from' | 'to'; asked: string }
  | { kind: 'from-after-to' }
  // Valid questions with nothing to answer them.
  | { kind: 'unknown-document'; asked: string; suggestions: string[] }
  | { kind: 'unknown-speaker'; asked: string; suggestions: string[] }
  /** Nobody quoted is called that, but some quoted have it in a role ("NATO"): who, with their quotes in scope. */
  | { kind: 'speaker-in-roles'; asked: string; speakers: Array<{ speaker: CorpusSpeaker; role: string; quotes: number }> }
  | { kind: 'no-quotes'; speaker: CorpusSpeaker; quoteKind?: QuoteKind; contains?: string; document?: string }
  | { kind: 'unknown-section'; asked: string; suggestions: string[] };

export type Found<T> = { ok: true; value: T } | { ok: false; reason: Reason };

/** How many likely alternatives a miss offers. */
export const MAX_SUGGESTIONS = 5;

export const fail = (reason: Reason): { ok: false; reason: Reason } => ({ ok: false, reason });
