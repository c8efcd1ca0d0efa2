import readline from 'node:readline';
import type { CommandContext } from '../commands/command.ts';
import { styleFor } from './render-text.ts';
import { consoleAnswer } from './save-picture.ts';
import { answerQuiz } from './quiz-answer.ts';
import { runLine } from './run-line.ts';
import type { QuizPart } from '../reply/reply.ts';

/** The local console: type a slash command, see the reply as the bot would give it. */
export async function startConsole(ctx: CommandContext, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const rl = readline.createInterface({ input, output, terminal: (input as { isTTY?: boolean }).isTTY === true });
  const say = (text: string) => output.write(`${text}\n`);
  say('Lectern console. Type /help for the commands, /quit to leave.');
  rl.setPrompt('lectern> ');
  rl.prompt();
  // A quiz question waits for a number; any other line is a command again.
  let quiz: QuizPart | null = null;
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (quiz && /^\d+$/.test(line)) {
      const { reply, done } = answerQuiz(quiz, line);
      if (done) quiz = null;
      say(await consoleAnswer(reply, styleFor(output)));
    } else if (line) {
      try {
        const reply = await runLine(ctx, line);
        quiz = reply.quiz && !reply.quiz.revealed ? reply.quiz : null;
        say(await consoleAnswer(reply, styleFor(output)));
      } catch (error) {
        // The console never dies on one bad answer.
        say(`Something went wrong answering that: ${(error as Error).message}`);
      }
    }
    rl.prompt();
  }
  rl.close();
}
