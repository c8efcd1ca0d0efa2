import { MessageFlags, type ButtonInteraction } from 'discord.js';
import type Keyv from 'keyv';
import type { Services } from '../commands/command.ts';
import { goneReply, pressReply } from '../quiz/quiz-replies.ts';
import type { QuizState } from '../quiz/quiz-store.ts';
import type { Reply } from '../reply/reply.ts';
import { revealedMessage } from './quiz-message.ts';
import { messageFor, NO_PINGS, QUIZ_PREFIX } from './send.ts';

const QUIZ_BUTTON = new RegExp(`^${QUIZ_PREFIX}:([\\w-]{1,40}):(\\d)$`);

export const isQuizButton = (customId: string) => customId.startsWith(`${QUIZ_PREFIX}:`);

/**
 * A press on a quiz button: the member is told privately whether they were right, who said it, and where;
 * the first right press (or any press once the time is up) also edits the quiz message to show the answer.
 */
export async function pressQuiz(interaction: ButtonInteraction, services: Services, store: Keyv): Promise<void> {
  const privately = async (reply: Reply) => {
    const { payload } = await messageFor(reply, 'quiz', {}, 0, store);
    if (interaction.deferred || interaction.replied) await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
    else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
  };
  const reveal = async (state: QuizState) => {
    const revealed = { ...revealedMessage(state), allowedMentions: NO_PINGS };
    if (interaction.deferred) await interaction.editReply(revealed);
    else await interaction.update(revealed);
    await services.quizzes.update(state.id, (s) => ({ ...s, revealed: true, message: null }));
  };
  const m = QUIZ_BUTTON.exec(interaction.customId);
  if (!m) return privately(goneReply());
  const choice = Number(m[2]);
  const pressed = await services.quizzes.press(m[1] ?? '', { id: interaction.user.id, name: interaction.user.displayName }, choice, services.now().getTime());
  if (pressed.kind === 'gone') return privately(goneReply());
  const question = pressed.state.question;
  if (pressed.kind === 'again') return privately(pressReply(question, pressed.choice, 'again'));
  if (pressed.kind === 'answered' && !pressed.right) return privately(pressReply(question, choice, 'wrong'));
  if (!pressed.state.revealed) await reveal(pressed.state);
  await privately(pressReply(question, choice, pressed.kind === 'answered' ? 'right' : 'closed'));
}
