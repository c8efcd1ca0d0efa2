import { randomBytes } from 'node:crypto';
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
} from 'discord.js';
import type Keyv from 'keyv';
import type { Command, CommandContext, Options } from '../commands/command.ts';
import type { Logger } from '../logging/logger.ts';
import { invalid } from '../reply/reply.ts';
import { LIMITS } from './limits.ts';
import { decodePageState } from './page-state.ts';
import { messageFor, NO_PINGS } from './send.ts';

export interface RouterDeps {
  commands: Command[];
  /** The answering context; pending while the index is still being built at start-up. */
  context: () => CommandContext | Promise<CommandContext>;
  /** Whether `context()` would answer at once (no need to defer). */
  ready: () => boolean;
  store: Keyv;
  logger: Logger;
}

function optionsOf(data: readonly CommandInteractionOption[]): Options {
  const out: Options = {};
  for (const o of data) {
    if (o.options?.length) Object.assign(out, optionsOf(o.options));
    else if (o.value !== undefined && o.value !== null) out[o.name] = String(o.value);
  }
  return out;
}

/** One entry point for every interaction: dispatch by kind and name, behind an error boundary. */
export function createRouter(deps: RouterDeps): (interaction: Interaction) => Promise<void> {
  const byName = new Map(deps.commands.map((c) => [c.name, c]));

  const chatInput = async (interaction: ChatInputCommandInteraction) => {
    const command = byName.get(interaction.commandName);
    if (!command) {
      await interaction.reply({ content: 'I do not know that command any more; it may be from an older version of me.', flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    const options = optionsOf(interaction.options.data);
    // While the index is still loading, take the 15-minute deferred window instead of the 3-second one.
    const deferred = !deps.ready();
    if (deferred) await interaction.deferReply();
    const reply = command.run(await deps.context(), options);
    const { payload } = await messageFor(reply, command.name, options, 0, deps.store);
    if (deferred) {
      // A deferred reply's visibility is fixed; the edit carries the content.
      const { flags: _flags, ...edit } = payload;
      await interaction.editReply(edit);
    } else await interaction.reply(payload);
  };

  const autocomplete = async (interaction: AutocompleteInteraction) => {
    const command = byName.get(interaction.commandName);
    const focused = interaction.options.getFocused(true);
    if (!command?.autocomplete || !deps.ready()) {
      await interaction.respond([]);
      return;
    }
    const choices = command.autocomplete(await deps.context(), focused.name, String(focused.value), optionsOf(interaction.options.data));
    await interaction.respond(
      choices.slice(0, LIMITS.choices).map((c) => ({ name: c.name.slice(0, LIMITS.choiceName), value: c.value.slice(0, LIMITS.choiceValue) })),
    );
  };

  const button = async (interaction: ButtonInteraction) => {
    const decoded = await decodePageState(interaction.customId, deps.store);
    const polite = async (text: string) => interaction.reply({ content: text, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    if (!decoded.ok) {
      await polite(decoded.reason === 'expired' ? 'These pages have expired. Run the command again for fresh ones.' : 'That button is not one of mine.');
      return;
    }
    const { command: name, page, options } = decoded.state;
    const command = byName.get(name);
    if (!command) {
      await polite('That command no longer exists. Try /help.');
      return;
    }
    const reply = command.run(await deps.context(), options);
    const { payload, pages } = await messageFor(reply, name, options, page, deps.store);
    if (page >= pages) {
      await polite('That page no longer exists: the reading list has changed. Run the command again.');
      return;
    }
    const { flags: _flags, ...update } = payload;
    await interaction.update(update);
  };

  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand()) await chatInput(interaction);
      else if (interaction.isAutocomplete()) await autocomplete(interaction);
      else if (interaction.isButton()) await button(interaction);
    } catch (error) {
      const ref = randomBytes(4).toString('hex');
      const name = interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : interaction.isButton() ? interaction.customId : interaction.type;
      deps.logger.error({ err: error, ref, interaction: name, guild: interaction.guildId }, 'interaction failed');
      if (!interaction.isRepliable()) return;
      const message = invalid(`Something went wrong on my side (reference \`${ref}\`). Please try again; if it keeps happening, give the moderators this reference.`);
      try {
        const body = { content: message.intro ?? '', flags: MessageFlags.Ephemeral as const, allowedMentions: NO_PINGS };
        if (interaction.deferred || interaction.replied) await interaction.followUp(body);
        else await interaction.reply(body);
      } catch (second) {
        deps.logger.error({ err: second, ref }, 'could not report the failure to the user');
      }
    }
  };
}
