import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
} from 'discord.js';
import type Keyv from 'keyv';
import type { Where } from './where.ts';
import { SUBCOMMAND, type Attachment, type Command, type CommandContext, type Options } from '../commands/command.ts';
import { autocompleteCommand, runCommand } from '../commands/server-command.ts';
import type { Logger } from '../logging/logger.ts';
import type { BotMetrics, CommandOutcome } from '../logging/metrics.ts';
import { Cooldown, cooldownMessage } from './cooldown.ts';
import type { Reply } from '../reply/reply.ts';
import { LIMITS } from './limits.ts';
import { decodePageState } from './page-state.ts';
import { isQuizButton, pressQuiz } from './quiz-press.ts';
import { messageFor, NO_PINGS } from './send.ts';

export interface RouterDeps {
  commands: Command[];
  /** The context for one interaction; pending while the index is still being built at start-up. */
  context: (where: Where) => Promise<{ ctx: CommandContext; ephemeral: boolean }>;
  /** Whether the context would come at once (no need to defer). */
  ready: () => boolean;
  store: Keyv;
  logger: Logger;
  metrics?: BotMetrics;
  /** Members who send commands faster than a person reads get a polite private wait instead (default 10 in 10 s). */
  cooldown?: Cooldown;
  now?: () => number;
}

/** Where a quiz message can be edited later, by the interaction that posted it (its token lasts 15 minutes). */
async function rememberQuiz(interaction: ChatInputCommandInteraction, ctx: CommandContext, reply: Reply): Promise<void> {
  const id = reply.quiz?.id;
  if (!id || !ctx.services) return;
  await ctx.services.quizzes.update(id, (s) => ({ ...s, message: { kind: 'interaction', applicationId: interaction.applicationId, token: interaction.token } }));
}

/** Options as plain strings, with the chosen subcommand path ("set digest-time") under SUBCOMMAND. */
function optionsOf(data: readonly CommandInteractionOption[], path: string[] = []): Options {
  const out: Options = {};
  for (const o of data) {
    if (o.type === ApplicationCommandOptionType.SubcommandGroup || o.type === ApplicationCommandOptionType.Subcommand) {
      // The deepest level (the subcommand inside a group) names the full path.
      out[SUBCOMMAND] = [...path, o.name].join(' ');
      Object.assign(out, optionsOf(o.options ?? [], [...path, o.name]));
    } else if (o.value !== undefined && o.value !== null) out[o.name] = String(o.value);
  }
  return out;
}

function attachmentsOf(data: readonly CommandInteractionOption[]): Record<string, Attachment> {
  const out: Record<string, Attachment> = {};
  for (const o of data) {
    if (o.options) Object.assign(out, attachmentsOf(o.options));
    if (o.type === ApplicationCommandOptionType.Attachment && o.attachment) out[o.name] = { url: o.attachment.url, name: o.attachment.name, size: o.attachment.size };
  }
  return out;
}

function whereOf(interaction: ChatInputCommandInteraction | AutocompleteInteraction | ButtonInteraction): Where {
  const member = interaction.member;
  const roleIds = !member ? [] : Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  return {
    guildId: interaction.guildId,
    userId: interaction.user.id,
    userName: interaction.user.username,
    canManageGuild: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    roleIds,
    ...(interaction.isChatInputCommand() ? { attachments: attachmentsOf(interaction.options.data) } : {}),
  };
}

/** One entry point for every interaction: dispatch by kind and name, behind an error boundary. */
export function createRouter(deps: RouterDeps): (interaction: Interaction) => Promise<void> {
  const byName = new Map(deps.commands.map((c) => [c.name, c]));
  const visible = (reply: Reply, ephemeral: boolean): Reply => (ephemeral && !reply.ephemeral ? { ...reply, ephemeral: true } : reply);
  const cooldown = deps.cooldown ?? new Cooldown();
  const clock = deps.now ?? Date.now;
  /** What the last command run in this interaction came to, for the metrics. */
  const outcomes = new WeakMap<Interaction, CommandOutcome>();
  const note = (interaction: Interaction, reply: Reply) => outcomes.set(interaction, reply.kind === 'invalid' ? 'refused' : 'answered');

  const chatInput = async (interaction: ChatInputCommandInteraction) => {
    const command = byName.get(interaction.commandName);
    if (!command) {
      await interaction.reply({ content: 'I do not know that command any more; it may be from an older version of me.', flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    const options = optionsOf(interaction.options.data);
    // While the index is still loading (or a file downloads, or a picture is drawn), take the 15-minute deferred window instead of 3 seconds.
    const deferred = !deps.ready() || !!command.slow?.(options) || !!command.subcommands?.some((s) => s.options.some((o) => o.type === 'attachment'));
    if (deferred) await interaction.deferReply(command.moderatorOnly ? { flags: MessageFlags.Ephemeral } : {});
    const { ctx, ephemeral } = await deps.context(whereOf(interaction));
    const reply = visible(await runCommand(command, ctx, options), ephemeral);
    note(interaction, reply);
    const { payload } = await messageFor(reply, command.name, options, 0, deps.store);
    if (!deferred) {
      await interaction.reply(payload);
      await rememberQuiz(interaction, ctx, reply);
      return;
    }
    const { flags: _flags, ...edit } = payload;
    if (reply.ephemeral && !interaction.ephemeral) {
      // A public deferral cannot become private: replace it with a private follow-up.
      await interaction.deleteReply();
      await interaction.followUp(payload);
    } else await interaction.editReply(edit);
    await rememberQuiz(interaction, ctx, reply);
  };

  const autocomplete = async (interaction: AutocompleteInteraction) => {
    const command = byName.get(interaction.commandName);
    const focused = interaction.options.getFocused(true);
    if (!command?.autocomplete || !deps.ready()) {
      await interaction.respond([]);
      return;
    }
    const { ctx } = await deps.context(whereOf(interaction));
    const choices = await autocompleteCommand(command, ctx, focused.name, String(focused.value), optionsOf(interaction.options.data));
    await interaction.respond(
      choices.slice(0, LIMITS.choices).map((c) => ({ name: c.name.slice(0, LIMITS.choiceName), value: c.value.slice(0, LIMITS.choiceValue) })),
    );
  };

  const button = async (interaction: ButtonInteraction) => {
    if (isQuizButton(interaction.customId)) {
      // While the index is still loading, acknowledge first: the answer follows within Discord's 15 minutes.
      if (!deps.ready()) await interaction.deferUpdate();
      const { ctx } = await deps.context(whereOf(interaction));
      if (ctx.services) return pressQuiz(interaction, ctx.services, deps.store);
      const body = { content: 'Quizzes are kept per server: ask one with /quiz question in a server.', flags: MessageFlags.Ephemeral as const, allowedMentions: NO_PINGS };
      if (interaction.deferred) await interaction.followUp(body);
      else await interaction.reply(body);
      return;
    }
    const decoded = await decodePageState(interaction.customId, deps.store);
    const polite = async (text: string) => {
      const body = { content: text, flags: MessageFlags.Ephemeral as const, allowedMentions: NO_PINGS };
      if (interaction.deferred) await interaction.followUp(body);
      else await interaction.reply(body);
    };
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
    if (!deps.ready()) await interaction.deferUpdate();
    const { ctx, ephemeral } = await deps.context(whereOf(interaction));
    const reply = visible(await runCommand(command, ctx, options), ephemeral);
    note(interaction, reply);
    const { payload, pages } = await messageFor(reply, name, options, page, deps.store);
    if (page >= pages) {
      await polite('That page no longer exists: the reading list has changed. Run the command again.');
      return;
    }
    const { flags: _flags, ...update } = payload;
    if (interaction.deferred) await interaction.editReply(update);
    else await interaction.update(update);
  };

  return async (interaction) => {
    const started = clock();
    const name = interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : interaction.isButton() ? (interaction.customId.split(':')[1] ?? 'button') : 'other';
    try {
      // Autocomplete follows typing, key by key: only commands and page buttons count towards the cooldown.
      if (interaction.isChatInputCommand() || interaction.isButton()) {
        const wait = cooldown.hit(interaction.user.id, started);
        if (wait > 0) {
          outcomes.set(interaction, 'cooldown');
          await interaction.reply({ content: cooldownMessage(wait), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
          return;
        }
      }
      if (interaction.isChatInputCommand()) await chatInput(interaction);
      else if (interaction.isAutocomplete()) await autocomplete(interaction);
      else if (interaction.isButton()) await button(interaction);
    } catch (error) {
      outcomes.set(interaction, 'failed');
      const ref = randomBytes(4).toString('hex');
      deps.logger.error({ err: error, ref, interaction: interaction.isButton() ? interaction.customId : name, guild: interaction.guildId }, 'interaction failed');
      if (!interaction.isRepliable()) return;
      const message = `Something went wrong on my side (reference \`${ref}\`). Please try again; if it keeps happening, give the moderators this reference.`;
      try {
        const body = { content: message, flags: MessageFlags.Ephemeral as const, allowedMentions: NO_PINGS };
        if (interaction.deferred || interaction.replied) await interaction.followUp(body);
        else await interaction.reply(body);
      } catch (second) {
        deps.logger.error({ err: second, ref }, 'could not report the failure to the user');
      }
    } finally {
      if (!interaction.isAutocomplete()) deps.metrics?.command(name, outcomes.get(interaction) ?? 'answered', (clock() - started) / 1000);
    }
  };
}
