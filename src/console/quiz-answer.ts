import { answer, invalid, type QuizPart, type Reply } from '../reply/reply.ts';

/** The console's answer to a number typed after a quiz question: right or wrong, who said it, where. */
export function answerQuiz(quiz: QuizPart, typed: string): { reply: Reply; done: boolean } {
  const choice = Number(typed) - 1;
  if (!Number.isInteger(choice) || !quiz.choices[choice]) return { reply: invalid(`Type a number from 1 to ${quiz.choices.length}, or another command.`), done: false };
  const reply =
    choice === quiz.answer
      ? answer('Right!', [quiz.said], `${quiz.speaker} said it.`)
      : answer('Not this time', [quiz.said], `It was ${quiz.speaker}, not ${quiz.choices[choice]}.`);
  return { reply, done: true };
}
