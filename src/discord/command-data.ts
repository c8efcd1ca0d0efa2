import {
  SlashCommandBuilder,
  SlashCommandSubcommandBuilder,
  SlashCommandSubcommandGroupBuilder,
} from '@discordjs/builders';
import { createHash } from 'node:crypto';
import { ChannelType, PermissionFlagsBits, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Command } from '../commands/command.ts';
import type { OptionSpec } from '../reply/option-spec.ts';

function addOptions(target: SlashCommandBuilder | SlashCommandSubcommandBuilder, options: OptionSpec[]): void {
  // Both builders share the option methods; only their return types differ, which we do not use.
  const builder = target as SlashCommandSubcommandBuilder;
  for (const o of options) {
    if (o.type === 'integer') builder.addIntegerOption((opt) => opt.setName(o.name).setDescription(o.description).setRequired(!!o.required));
    else if (o.type === 'channel')
      builder.addChannelOption((opt) => opt.setName(o.name).setDescription(o.description).setRequired(!!o.required).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement));
    else if (o.type === 'boolean') builder.addBooleanOption((opt) => opt.setName(o.name).setDescription(o.description).setRequired(!!o.required));
    else if (o.type === 'role') builder.addRoleOption((opt) => opt.setName(o.name).setDescription(o.description).setRequired(!!o.required));
    else if (o.type === 'attachment') builder.addAttachmentOption((opt) => opt.setName(o.name).setDescription(o.description).setRequired(!!o.required));
    else
      builder.addStringOption((opt) => {
        opt.setName(o.name).setDescription(o.description).setRequired(!!o.required);
        if (o.maxLength) opt.setMaxLength(o.maxLength);
        if (o.choices) opt.addChoices(...o.choices.map((c) => ({ name: c, value: c })));
        else if (o.autocomplete) opt.setAutocomplete(true);
        return opt;
      });
  }
}

/** A command's Discord definition, built (and validated) by @discordjs/builders. */
export function commandData(command: Command): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const builder = new SlashCommandBuilder().setName(command.name).setDescription(command.description);
  // Moderator commands are hidden from members without Manage Server; the router checks again.
  if (command.moderatorOnly) builder.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);
  if (command.moderatorOnly || command.discordServersOnly) builder.setContexts(0);
  addOptions(builder, command.options);
  const groups = new Map<string, SlashCommandSubcommandGroupBuilder>();
  for (const sub of command.subcommands ?? []) {
    const subBuilder = new SlashCommandSubcommandBuilder().setName(sub.name).setDescription(sub.description);
    addOptions(subBuilder, sub.options);
    if (!sub.group) {
      builder.addSubcommand(subBuilder);
      continue;
    }
    let group = groups.get(sub.group);
    if (!group) {
      group = new SlashCommandSubcommandGroupBuilder().setName(sub.group).setDescription(`${sub.group} a setting`);
      groups.set(sub.group, group);
      builder.addSubcommandGroup(group);
    }
    group.addSubcommand(subBuilder);
  }
  return builder.toJSON();
}

/** A fingerprint of the definitions: registration happens only when it changes. */
export function commandsHash(data: RESTPostAPIChatInputApplicationCommandsJSONBody[]): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16);
}
