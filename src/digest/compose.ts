import { cite } from '../reply/cite.ts';
import { documentRef, type CorpusQuery } from '../corpus/query/corpus-query.ts';
import type { Quote } from '../corpus/types.ts';
import { makeQuestion } from '../quiz/question.ts';
import { questionItem } from '../quiz/quiz-replies.ts';
import { mulberry32 } from '../corpus/text/random.ts';
import { answer, type QuizPart, type Reply, type ReplyItem } from '../reply/reply.ts';
import type { GuildSettings } from '../settings/schema.ts';

/** What a server has already been shown, so the rotations do not repeat until everything has had its turn. */
export interface RotationState {
  quotes: string[];
  sections: string[];
}

export interface DigestInput {
  query: CorpusQuery;
  documents: ReadonlySet<string>;
  /** What the digest contains (`quiz` absent: no quiz question). */
  content: Omit<GuildSettings['digest']['content'], 'quiz'> & { quiz?: boolean };
  /** The server's local date, YYYY-MM-DD. */
  localDate: string;
  state: RotationState;
}

export interface ComposedDigest {
  reply: Reply;
  state: RotationState;
  /** Nothing to show (an empty reading list): no message is posted. */
  empty: boolean;
}

const QUOTE_MAX = 600;

/** A digest shows at most this many events of the day (or of the next day that has any). */
const ANNIVERSARIES = 3;

/**
 * Picks the first item not yet shown; when all have been, starts a new round. Items come lazily, so a
 * large reading list is read only as far as the first fresh item.
 */
function rotate<T>(items: () => Iterable<T>, key: (t: T) => string, shown: string[]): { item: T | null; shown: string[] } {
  const seen = new Set(shown);
  let first: T | null = null;
  for (const item of items()) {
    first ??= item;
    if (!seen.has(key(item))) return { item, shown: [...shown, key(item)] };
  }
  return first === null ? { item: null, shown } : { item: first, shown: [key(first)] };
}

/**
 * A day's digest for one server: a quote of the day, what happened on this day in any year (or the next
 * anniversary to come), and a section in the spotlight. Pure: the same input gives the same digest.
 */
export function composeDigest(input: DigestInput): ComposedDigest {
  const docs = input.query.documents({ documents: input.documents });
  const items: ReplyItem[] = [];
  let state = input.state;

  if (input.content.quote) {
    // Words someone said are the best quote of the day; long quoted passages are not.
    type Pick = { q: Quote; d: (typeof docs)[number] };
    const quotes = (direct: boolean) =>
      function* (): Generator<Pick> {
        for (const d of docs) for (const q of d.quotes) if ((direct ? q.kind === 'direct' : q.kind !== 'block') && q.text.length <= QUOTE_MAX) yield { q, d };
      };
    const key = (x: Pick) => `${x.d.id}:${x.q.line}:${x.q.text.slice(0, 40)}`;
    const directPick = rotate(quotes(true), key, state.quotes);
    const picked = directPick.item ? directPick : rotate(quotes(false), key, state.quotes);
    state = { ...state, quotes: picked.shown };
    if (picked.item) {
      const { q, d } = picked.item;
      const speaker = input.query.speaker(q.speakerId)?.name ?? q.speakerId;
      items.push({ heading: `Quote of the day — ${speaker}`, text: q.kind === 'direct' ? `“${q.text}”` : q.text, citation: cite(documentRef(d), q.line) });
    }
  }

  if (input.content.onThisDay) {
    // On this day in any year, or else the nearest anniversary still to come (wrapping round the year).
    const { exact, hits } = input.query.anniversaries(input.localDate.slice(5, 10), { documents: input.documents }, ANNIVERSARIES);
    for (const { event, document } of hits) {
      items.push({ heading: exact ? `On this day — ${event.date}` : `Coming anniversary — ${event.date}`, text: event.text, citation: cite(document, event.line) });
    }
  }

  if (input.content.section) {
    const sections = function* () {
      for (const d of docs) for (const [i, s] of d.sections.entries()) yield { s, i, d };
    };
    const picked = rotate(sections, (x) => `${x.d.id}#${x.i}`, state.sections);
    state = { ...state, sections: picked.shown };
    if (picked.item) {
      const { s, d } = picked.item;
      const summary = input.query.sentenceTexts(d.id, s.summaries.short);
      items.push({
        heading: `Section spotlight — ${s.label}`,
        text: summary.map((x) => x.text).join(' ') || s.keywords.join(', '),
        citation: cite(documentRef(d), s.lines[0], s.lines[1]),
      });
    }
  }

  let quiz: QuizPart | undefined;
  if (input.content.quiz) {
    // The day's question is drawn with the day as the seed: a preview shows the question that is posted.
    const made = makeQuestion(input.query, { documents: input.documents }, mulberry32(Number(input.localDate.replace(/-/g, ''))));
    if (made.ok) {
      items.push({ heading: 'Quiz — who said it? (press a name below)', ...questionItem(made.question) });
      quiz = { id: null, question: made.question, revealed: false };
    }
  }

  const reply = answer(`Daily digest — ${input.localDate}`, items, 'From this server’s reading list.');
  return { reply: quiz ? { ...reply, quiz } : reply, state, empty: items.length === 0 };
}
