// The checks Discord makes on what a bot sends, for the Discord stand-in: the message limits bots most often
// trip over, and command names and descriptions. Each returns Discord's error answer, or undefined.
import { ApplicationCommandType, type APIApplicationCommand } from 'discord-api-types/v10';
import { DiscordErrors, formError, type StandInResponse } from './standin-answers.ts';
import type { RecordedFile } from './standin-http.ts';
import type { MessageBody } from './standin-payloads.ts';

/** Discord's message limits that bots most often trip over; returns an error answer or undefined. */
export function validateMessage(body: MessageBody, files: RecordedFile[], requireContent: boolean): StandInResponse | undefined {
  if (typeof body.content === 'string' && body.content.length > 2000) {
    return formError(['content'], 'BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.');
  }
  const embeds = body.embeds ?? [];
  if (embeds.length > 10) return formError(['embeds'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  for (const [i, embed] of embeds.entries()) {
    if ((embed.title?.length ?? 0) > 256) return formError(['embeds', i, 'title'], 'BASE_TYPE_MAX_LENGTH', 'Must be 256 or fewer in length.');
    if ((embed.description?.length ?? 0) > 4096) {
      return formError(['embeds', i, 'description'], 'BASE_TYPE_MAX_LENGTH', 'Must be 4096 or fewer in length.');
    }
    if ((embed.fields?.length ?? 0) > 25) return formError(['embeds', i, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  }
  const hasSomething = Boolean(body.content) || embeds.length > 0 || (body.components?.length ?? 0) > 0 ||
    files.length > 0 || (body.sticker_ids?.length ?? 0) > 0 || body.poll !== undefined;
  return requireContent && !hasSomething ? DiscordErrors.emptyMessage() : undefined;
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Validates a command as Discord does for CHAT_INPUT names/descriptions; returns an error answer or undefined. */
export function validateCommand(cmd: Partial<APIApplicationCommand>, at: (string | number)[]): StandInResponse | undefined {
  const type = cmd.type ?? ApplicationCommandType.ChatInput;
  const name = cmd.name ?? '';
  if (type === ApplicationCommandType.ChatInput) {
    if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
      return formError([...at, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid`);
    }
    const d = cmd.description ?? '';
    if (d.length < 1 || d.length > 100) return formError([...at, 'description'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  } else if (name.length < 1 || name.length > 32) {
    return formError([...at, 'name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.');
  }
  const options = (cmd.options ?? []) as unknown as Partial<APIApplicationCommand>[];
  if (options.length > 25) return formError([...at, 'options'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  for (const [i, option] of options.entries()) {
    const error = validateCommand({ ...option, type: ApplicationCommandType.ChatInput }, [...at, 'options', i]);
    if (error) return error;
  }
  return undefined;
}
