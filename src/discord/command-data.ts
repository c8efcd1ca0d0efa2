import { SlashCommandBuilder } from '@discordjs/builders';
import { createHash } from 'node:crypto';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Command } from '../commands/command.ts';

/** A command's Discord definition, built (and validated) by @discordjs/builders. */
export function commandData(command: Command): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const builder = new SlashCommandBuilder().setName(command.name).setDescription(command.description);
  for (const o of command.options) {
    if (o.type === 'integer') {
      builder.addIntegerOption((opt) => opt.setName(o.name).setDescription(o.description).setRequired(!!o.required));
      continue;
    }
    builder.addStringOption((opt) => {
      opt.setName(o.name).setDescription(o.description).setRequired(!!o.required);
      if (o.maxLength) opt.setMaxLength(o.maxLength);
      if (o.choices) opt.addChoices(...o.choices.map((c) => ({ name: c, value: c })));
      else if (o.autocomplete) opt.setAutocomplete(true);
      return opt;
    });
  }
  return builder.toJSON();
}

/** A fingerprint of the definitions: registration happens only when it changes. */
export function commandsHash(data: RESTPostAPIChatInputApplicationCommandsJSONBody[]): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16);
}
