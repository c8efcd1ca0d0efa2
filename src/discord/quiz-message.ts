import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord-api-types/v10';
import { revealedReply } from '../quiz/quiz-replies.ts';
import type { QuizState } from '../quiz/quiz-store.ts';
import { paginate, renderEmbed } from './render.ts';
import { quizButtons } from './send.ts';

/**
 * The quiz message once it shows the answer: the right name marked on the buttons and, for a quiz of its own
 * (not one in a digest, whose other parts stay as they are), the embed naming the speaker.
 */
export function revealedMessage(state: QuizState): { embeds?: APIEmbed[]; components: APIActionRowComponent<APIButtonComponent>[] } {
  const reply = revealedReply(state);
  const components = quizButtons({ id: state.id, question: state.question, revealed: true });
  return state.embedded ? { components } : { embeds: [renderEmbed(reply, paginate(reply), 0)], components };
}
