import { answer, notFound, privately, type Reply } from '../reply/reply.ts';
import { MAX_QUOTE, MIN_QUOTE, type QuizChoice, type QuizQuestion } from './question.ts';
import type { QuizState, Score } from './quiz-store.ts';

const who = (c: QuizChoice | undefined) => (c ? `**${c.name}**${c.role ? ` (${c.role})` : ''}` : 'someone');
const quoted = (q: QuizQuestion, text: string) => (q.kind === 'direct' ? `“${text}”` : text);
const rightOne = (q: QuizQuestion) => q.choices[q.answer];
const part = (question: QuizQuestion, id: string | null, revealed: boolean) => ({ id, question, revealed });

/** The quote with its speaker hidden, as a reply item (the digest shows it among its parts). */
export const questionItem = (q: QuizQuestion) => ({ text: quoted(q, q.text), citation: q.citation });

/** The question as posted: the quote with its speaker blanked, and the four names to choose from. */
export function questionReply(question: QuizQuestion, id: string | null): Reply {
  const intro =
    id === null
      ? 'Who said it? Type the number of your answer.'
      : 'Who said it? Press a name: only you see whether you are right. The answer shows here after the first right answer, or in ten minutes.';
  return {
    ...answer('Who said it?', [questionItem(question)], intro),
    quiz: part(question, id, false),
  };
}

/** The question once answered (or timed out): the speaker named, the quote whole. */
export function revealedReply(state: QuizState): Reply {
  const q = state.question;
  const intro = state.closed?.by ? `It was ${who(rightOne(q))}. First to say so: ${state.closed.by}.` : `Nobody named the speaker in time: it was ${who(rightOne(q))}.`;
  return {
    ...answer('Who said it? — answered', [{ text: quoted(q, q.said), citation: q.citation }], intro),
    quiz: part(q, state.id, true),
  };
}

/** What a press tells the member who pressed, privately. */
export function pressReply(q: QuizQuestion, choice: number, outcome: 'right' | 'wrong' | 'again' | 'closed'): Reply {
  const item = { text: quoted(q, q.said), citation: q.citation };
  const picked = q.choices[choice]?.name ?? 'that';
  if (outcome === 'right') return privately(answer('Right!', [item], `${who(rightOne(q))} said it.`));
  if (outcome === 'wrong') return privately(answer('Not this time', [item], `It was ${who(rightOne(q))}, not ${picked}.`));
  if (outcome === 'again') return privately(answer('Already answered', [item], `You answered ${picked} to this one; your first answer is the one that counts. It was ${who(rightOne(q))}.`));
  return privately(answer('This quiz has closed', [item], `It was ${who(rightOne(q))}. Start a new one with \`/quiz question\`.`));
}

export const goneReply = (): Reply => privately(answer('This quiz is gone', [], 'It is older than I keep quizzes. Start a new one with `/quiz question`.'));

/** Fewer than four speakers: no quiz, and what would make one possible. */
export function tooFewSpeakers(speakers: string[]): Reply {
  const named = speakers.length ? `: ${speakers.join(', ')}` : '';
  return {
    ...notFound(
      `A quiz needs at least four people or organisations quoted in the reading list, and this one has ${speakers.length}${named}. Add documents with \`/library add\` (moderators), or leave out \`document\`.`,
    ),
    title: 'Not enough speakers for a quiz',
  };
}

/** Speakers enough, but none of their quotes makes a question (too short or long, block quotes, mostly a name). */
export function noQuizQuote(speakers: number): Reply {
  return {
    ...notFound(
      `None of the quotes of the ${speakers} people or organisations in the reading list makes a question: a quiz takes words said or reported, ${MIN_QUOTE} to ${MAX_QUOTE} characters long, that are more than the speaker's name. Add documents with \`/library add\` (moderators), or leave out \`document\`.`,
    ),
    title: 'No quote for a quiz',
  };
}

export function scoresReply(scores: Score[]): Reply {
  if (!scores.length) return notFound('Nobody here has answered a quiz yet. Start one with `/quiz question`.');
  return answer(
    'Quiz scores',
    scores.map((s, i) => ({ heading: `${i + 1}. ${s.name}`, text: `${s.right} right of ${s.answered} answered` })),
    `The top ${scores.length === 1 ? 'one' : scores.length} in this server: first answers only, one a quiz.`,
  );
}
