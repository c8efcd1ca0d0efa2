import { makeQuestion } from '../quiz/question.ts';
import { noQuizQuote, questionReply, scoresReply, tooFewSpeakers } from '../quiz/quiz-replies.ts';
import { invalid, type Reply } from '../reply/reply.ts';
import { refusal } from './refusal.ts';
import { documentChoices, documentOption, scopeOf, type Command, type CommandContext, type Options } from './command.ts';
import { bySubcommand } from './subcommands.ts';
import { inServer } from './server-command.ts';

/** Scores are kept per server; a question can be asked anywhere. */
async function scores(ctx: CommandContext): Promise<Reply> {
  if (!inServer(ctx)) return invalid('Quiz scores are kept per Discord server, so `/quiz scores` works in a server; the console belongs to none.');
  return scoresReply(await ctx.services.quizzes.top(ctx.invoker.guildId));
}

/** A quote with its speaker hidden; in a server it is stored, so that its buttons work for everyone, and after a restart. */
async function question(ctx: CommandContext, options: Options): Promise<Reply> {
  const scope = scopeOf(ctx, options);
  const docs = ctx.query.checkDocument(scope);
  if (!docs.ok) return refusal(docs);
  const made = makeQuestion(ctx.query, scope, Math.random);
  if (!made.ok) return made.why === 'few-speakers' ? tooFewSpeakers(made.speakers) : noQuizQuote(made.speakers.length);
  const stored = inServer(ctx) ? await ctx.services.quizzes.open(ctx.invoker.guildId, made.question, ctx.services.now().getTime()) : null;
  return questionReply(made.question, stored?.id ?? null);
}

export const quiz: Command = {
  name: 'quiz',
  description: 'Who said it? A quote with its speaker hidden, and four names to choose from',
  options: [],
  // In a DM the buttons would have no server to keep the quiz and its scores in: they would be dead.
  discordServersOnly: true,
  subcommands: [
    { name: 'question', description: 'A quote with its speaker hidden: who said it?', options: [documentOption] },
    { name: 'scores', description: 'The top ten of this server', options: [] },
  ],
  // `/quiz` alone (the console) asks a question.
  run: bySubcommand({ question, scores }, question),
  autocomplete(ctx, option, value) {
    return option === 'document' ? documentChoices(ctx, value) : [];
  },
};
