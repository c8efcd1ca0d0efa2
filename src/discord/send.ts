import { ButtonStyle, ComponentType, MessageFlags, type APIActionRowComponent, type APIButtonComponent } from 'discord-api-types/v10';
import type Keyv from 'keyv';
import type { Options } from '../commands/command.ts';
import { clip } from '../reply/clip.ts';
import type { QuizPart, Reply } from '../reply/reply.ts';
import { encodePageState } from './page-state.ts';
import { paginate, renderEmbed } from './render.ts';

export interface MessagePayload {
  embeds: ReturnType<typeof renderEmbed>[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: { parse: [] };
  flags?: MessageFlags.Ephemeral;
  /** A reply's picture, uploaded with the message and shown in its embed. */
  files?: Array<{ attachment: Buffer; name: string; description: string }>;
}

/** Quoted text may contain @everyone or a role: no reply ever pings anyone. */
export const NO_PINGS = { parse: [] as [] };

/** A quiz button's id: the quiz and the choice ("qz:Ab3dE9xY_1:2"); the quiz's state is in the store. */
export const QUIZ_PREFIX = 'qz';
export const quizButtonId = (quizId: string, choice: number) => `${QUIZ_PREFIX}:${quizId}:${choice}`;
const BUTTON_LABEL = 80;

/** The four names as buttons; once the answer is shown, all of them done with and the right one green. */
export function quizButtons(quiz: QuizPart): APIActionRowComponent<APIButtonComponent>[] {
  return [
    {
      type: ComponentType.ActionRow,
      components: quiz.question.choices.map(({ name }, i) => ({
        type: ComponentType.Button,
        style: quiz.revealed && i === quiz.question.answer ? ButtonStyle.Success : quiz.revealed ? ButtonStyle.Secondary : ButtonStyle.Primary,
        label: `${quiz.revealed && i === quiz.question.answer ? '✓ ' : ''}${clip(name, BUTTON_LABEL)}`,
        custom_id: quiz.id ? quizButtonId(quiz.id, i) : `noop:quiz:${i}`,
        disabled: quiz.revealed || !quiz.id,
      })),
    },
  ];
}

/** The message for one page of a reply, with page buttons that remember the question. */
export async function messageFor(reply: Reply, command: string, options: Options, page: number, store: Keyv): Promise<{ payload: MessagePayload; pages: number }> {
  const pages = paginate(reply);
  const index = Math.min(Math.max(0, page), pages.length - 1);
  const components: MessagePayload['components'] = [];
  if (pages.length > 1) {
    const button = async (label: string, target: number, id: string): Promise<APIButtonComponent> => {
      const usable = target >= 0 && target < pages.length;
      return {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label,
        custom_id: usable ? await encodePageState({ command, page: target, options }, store) : `noop:${id}`,
        disabled: !usable,
      };
    };
    components.push({ type: ComponentType.ActionRow, components: [await button('◀ Previous', index - 1, 'prev'), await button('Next ▶', index + 1, 'next')] });
  }
  if (reply.quiz) components.push(...quizButtons(reply.quiz));
  const embed = renderEmbed(reply, pages, index);
  const picture = reply.picture;
  if (picture) embed.image = { url: `attachment://${picture.file}` };
  return {
    payload: {
      embeds: [embed],
      components,
      allowedMentions: NO_PINGS,
      ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
      ...(picture ? { files: [{ attachment: Buffer.from(picture.png), name: picture.file, description: picture.description.slice(0, 1024) }] } : {}),
    },
    pages: pages.length,
  };
}
