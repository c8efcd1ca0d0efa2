import { pressReply } from '../quiz/quiz-replies.ts';
import { invalid, type QuizPart, type Reply } from '../reply/reply.ts';

/** The console's answer to a number typed after a quiz question: right or wrong, who said it, where. */
export function answerQuiz(quiz: QuizPart, typed: string): { reply: Reply; done: boolean } {
  const { choices, answer } = quiz.question;
  const choice = Number(typed) - 1;
  if (!Number.isInteger(choice) || !choices[choice]) return { reply: invalid(`Type a number from 1 to ${choices.length}, or another command.`), done: false };
  return { reply: pressReply(quiz.question, choice, choice === answer ? 'right' : 'wrong'), done: true };
}
